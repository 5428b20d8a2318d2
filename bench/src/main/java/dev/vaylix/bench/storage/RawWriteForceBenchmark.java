package dev.vaylix.bench.storage;

import dev.vaylix.storage.wal.WalOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical limit beside {@link LogAppendBenchmark}, with the same parameters ({@link AppendWorkload}):
 * one operation writes the bytes one log batch of {@code batchSize} entries occupies on disk with one positional {@code FileChannel.write}, then
 * {@code force(false)} (fdatasync, as the log's FileChannel backend does). No encoding, no encryption,
 * no CRC. A new file is started every {@link WalOptions#DEFAULT_SEGMENT_SIZE_BYTES}, as the log rotates
 * segments. The loop itself is {@link RawWriteForceLoop}, shared with {@link AppendVsRawBenchmark}.
 *
 * <p>The bytes per batch are not a formula that could drift from the log format: at setup a real
 * FileChannel log appends two batches of the shared workload and the bytes of the second are measured
 * ({@link AppendWorkload#measureBatchBytes()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
public class RawWriteForceBenchmark {

    private AppendWorkload workload;
    private RawWriteForceLoop raw;

    @Setup(Level.Trial)
    public void open(AppendWorkload shared) throws IOException {
        workload = shared;
        raw = RawWriteForceLoop.open(workload.dir, "vaylix-raw-write-", workload.measureBatchBytes(),
                WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
    }

    /** Bytes written per operation (what one log batch occupies on disk). */
    public int batchBytes() {
        return raw.batchBytes();
    }

    @Benchmark
    public void writeAndForce(AppendCounters counters) throws IOException {
        raw.writeAndForce();
        counters.count(workload.batchSize, workload.payloadBytes, 1);
    }

    /** Deletes the files already filled (not measured), so a long run does not fill the disk. */
    @TearDown(Level.Iteration)
    public void dropFilledFiles() throws IOException {
        raw.dropFilledFiles();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        raw.close();
    }
}

package dev.vaylix.storage.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical limit beside {@link LogAppendBenchmark}: append the bytes one log batch of
 * {@code batchSize} entries occupies on disk ({@link #recordBytes}) with one positional write, then
 * {@code force(false)} (fdatasync), starting a new file every 64 MiB as the log rotates segments.
 * No encoding, no encryption, no CRC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
public class RawWriteForceBenchmark {

    private static final long FILE_BYTES = 64L << 20;

    @Param({"1", "8", "64", "256", "1024"})
    public int batchSize;

    @Param({"128"})
    public int payloadBytes;

    @Param({""})
    public String dir;

    private Path scratch;
    private FileChannel channel;
    private ByteBuffer batch;
    private long position;
    private int files;

    /**
     * On-disk bytes of one batch in the log: per entry a record header (9), entry metadata (25), the
     * payload and the GCM tag (16); one commit record (9 + 12 + 42 + 16 + vote "bench" 5).
     */
    static int recordBytes(int batchSize, int payloadBytes) {
        return batchSize * (9 + 25 + payloadBytes + 16) + (9 + 12 + 42 + 16 + 5);
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        scratch = BenchDirs.create(dir, "vaylix-raw-bench-");
        batch = ByteBuffer.allocateDirect(recordBytes(batchSize, payloadBytes));
        for (int i = 0; i < batch.capacity(); i++) {
            batch.put(i, (byte) (i * 31 + 7));
        }
        nextFile();
    }

    private void nextFile() throws IOException {
        if (channel != null) {
            channel.close();
        }
        channel = FileChannel.open(scratch.resolve("raw-" + files++), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        position = 0;
    }

    @Benchmark
    public void writeAndForce(AppendCounters counters) throws IOException {
        if (position >= FILE_BYTES) {
            nextFile();
        }
        ByteBuffer bytes = batch.duplicate().clear();
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        channel.force(false);
        counters.entries += batchSize;
        counters.payloadBytes += (long) batchSize * payloadBytes;
        counters.fsyncs++;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        BenchDirs.delete(scratch);
    }
}

package dev.vaylix.bench.storage;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.bench.BenchDirs;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Path;
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
 * Log append throughput of the real write-ahead log ({@code storage}'s {@code Wal}, encrypted, CRC'd):
 * one operation is one {@link LogStore#append} of {@code batchSize} entries with their hard state, the
 * group commit the Raft driver makes, for each backend and {@code --wal-sync} policy.
 *
 * <p>The physical limit beside it is {@link RawWriteForceBenchmark}: the same parameters
 * ({@link AppendWorkload}: {@code batchSize}, {@code payloadBytes}, {@code dir}), the same bytes per
 * batch, written with one {@code write} and one {@code force}. Run both in one JMH invocation; issue
 * 3's target is: at equal batch size, {@code sync} append ≥ 0.8 × the raw loop (compare the primary
 * scores, which count batches in both, or the {@code entries} rates).
 *
 * <p>Between iterations (outside the measured time) the log is compacted to its last entry, which
 * deletes the sealed segments, so a long run does not fill the disk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
public class LogAppendBenchmark {

    @Param({"CHANNEL", "MAPPED"})
    public String backend;

    @Param({"buffered", "flush", "sync"})
    public String policy;

    private AppendWorkload workload;
    private Path scratch;
    private CountingFileIO io;
    private LogStore log;
    private Bytes payload;
    private long nextIndex;

    @Setup(Level.Trial)
    public void open(AppendWorkload shared) {
        workload = shared;
        scratch = BenchDirs.create(workload.dir, "vaylix-log-append-");
        io = new CountingFileIO(new ChannelFileIO());
        WalOptions options = WalOptions.DEFAULTS.withBackend(WalOptions.Backend.valueOf(backend))
                .withSyncPolicy(SyncPolicy.fromFlag(policy));
        log = AppendWorkload.openLog(io, scratch, options);
        payload = workload.payload();
        nextIndex = 1;
    }

    @Benchmark
    public void append(AppendCounters counters) {
        long syncsBefore = io.syncs();
        log.append(workload.batch(nextIndex, payload), AppendWorkload.hardState(nextIndex));
        nextIndex += workload.batchSize;
        counters.count(workload.batchSize, workload.payloadBytes, io.syncs() - syncsBefore);
    }

    /** Drops the sealed segments written so far (not measured). */
    @TearDown(Level.Iteration)
    public void compact() {
        if (log.lastIndex() >= log.firstIndex()) {
            log.compact(log.lastIndex(), 1);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        log.close();
        BenchDirs.delete(scratch);
    }
}

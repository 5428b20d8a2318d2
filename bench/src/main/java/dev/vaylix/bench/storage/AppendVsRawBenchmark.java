package dev.vaylix.bench.storage;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.bench.BenchDirs;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.io.IOException;
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
 * Issue 3's ratio — {@code sync} append against raw {@code write + force} at equal batch size — taken
 * from one interleaved loop instead of two trials minutes apart, so that the disk's fsync cost, which
 * drifts by 2× from minute to minute on a virtual disk, weighs on both halves alike.
 *
 * <p>One operation is one pair: one {@link LogStore#append} of a batch of the shared workload
 * ({@link AppendWorkload}: {@code batchSize} entries of {@code payloadBytes}, with its hard state) to a
 * real log opened with {@code --wal-sync sync} on {@code backend}, which returns once fsynced; and one
 * {@link RawWriteForceLoop} round — a positional write of {@link AppendWorkload#measureBatchBytes()}
 * bytes (what the FileChannel log writes per batch, for either backend) and {@code force(false)} — on a
 * plain file in another scratch directory under the same {@code dir}. The two alternate which goes first
 * every pair, so neither systematically runs right after the other's flush. Each half is timed with
 * {@link System#nanoTime()}.
 *
 * <p><b>Reading the results.</b> The primary score is pairs/s (both halves together, plus the timer
 * calls). The secondary results are {@link AppendVsRawCounters} of type {@code EVENTS}: JMH takes each
 * counter's value at the end of an iteration (reset at the start of each by its {@code @Setup}), and
 * aggregates those per-iteration values with its {@code SUM} policy — JMH 1.37's {@code ScalarResult}
 * iteration aggregator collects them and {@code Result.getScore()} returns their sum — so in the JSON,
 * {@code secondaryMetrics.<counter>.score} is the total over all measurement iterations of all forks
 * (warm-up excluded), unit {@code "#"}, {@code scoreError} NaN, and {@code rawData} holds the
 * per-iteration values, one array per fork. Hence:
 *
 * <ul>
 *   <li>{@code rawNanos.score / appendNanos.score} = (append batches/s) / (raw batches/s) over the
 *       whole run — the figure compared with issue 3's 0.8, pooled over the same pairs;
 *   <li>{@code rawNanos.rawData[f][i] / appendNanos.rawData[f][i]} = the same for one iteration; its
 *       spread over the iterations is the uncertainty of the ratio (also printed on the console after
 *       every iteration by {@link AppendVsRawCounters#report}, warm-up included and marked, with the two
 *       batches/s figures);
 *   <li>{@code pairs.score} = the operations JMH counted, i.e. the sum over iterations of primary
 *       score × iteration time; batches/s of a half = {@code pairs × 10⁹ / <half>Nanos};
 *   <li>{@code appendFirst} ≈ {@code pairs} / 2, {@code rawBytes} = {@code pairs} ×
 *       {@code measureBatchBytes()}, {@code appendFsyncs} / {@code pairs} = syncs per append (≥ 1).
 * </ul>
 *
 * <p>Between iterations (not measured) the log is compacted to its last entry, which deletes its sealed
 * segments, and the raw loop deletes its filled files; the raw loop starts a new file every
 * {@link WalOptions#DEFAULT_SEGMENT_SIZE_BYTES}, as the log rotates. Each pair writes the batch twice,
 * so a pair takes about as long as one {@link LogAppendBenchmark} and one {@link RawWriteForceBenchmark}
 * operation together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 3)
public class AppendVsRawBenchmark {

    @Param({"CHANNEL", "MAPPED"})
    public String backend;

    private AppendWorkload workload;
    private Path logScratch;
    private CountingFileIO io;
    private LogStore log;
    private Bytes payload;
    private long nextIndex;
    private RawWriteForceLoop raw;
    private boolean appendFirst;

    @Setup(Level.Trial)
    public void open(AppendWorkload shared) throws IOException {
        workload = shared;
        int batchBytes = workload.measureBatchBytes();
        logScratch = BenchDirs.create(workload.dir, "vaylix-pair-log-");
        io = new CountingFileIO(new ChannelFileIO());
        WalOptions options = WalOptions.DEFAULTS.withBackend(WalOptions.Backend.valueOf(backend))
                .withSyncPolicy(SyncPolicy.SYNC);
        log = AppendWorkload.openLog(io, logScratch, options);
        payload = workload.payload();
        nextIndex = 1;
        raw = RawWriteForceLoop.open(workload.dir, "vaylix-pair-raw-", batchBytes, WalOptions.DEFAULT_SEGMENT_SIZE_BYTES);
        appendFirst = true;
    }

    @Benchmark
    public void appendAndRaw(AppendVsRawCounters counters) throws IOException {
        long appendNanos;
        long rawNanos;
        int rawBytes;
        long syncsBefore = io.syncs();
        if (appendFirst) {
            long start = System.nanoTime();
            append();
            long middle = System.nanoTime();
            rawBytes = raw.writeAndForce();
            long end = System.nanoTime();
            appendNanos = middle - start;
            rawNanos = end - middle;
        } else {
            long start = System.nanoTime();
            rawBytes = raw.writeAndForce();
            long middle = System.nanoTime();
            append();
            long end = System.nanoTime();
            rawNanos = middle - start;
            appendNanos = end - middle;
        }
        counters.count(appendNanos, rawNanos, appendFirst, rawBytes, io.syncs() - syncsBefore);
        appendFirst = !appendFirst;
    }

    private void append() {
        log.append(workload.batch(nextIndex, payload), AppendWorkload.hardState(nextIndex));
        nextIndex += workload.batchSize;
    }

    /**
     * Drops the log's sealed segments and the raw loop's filled files (not measured), so a long run does
     * not fill the disk.
     */
    @TearDown(Level.Iteration)
    public void compact() throws IOException {
        if (log.lastIndex() >= log.firstIndex()) {
            log.compact(log.lastIndex(), 1);
        }
        raw.dropFilledFiles();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        try (RawWriteForceLoop closing = raw) {
            log.close();
        } finally {
            BenchDirs.delete(logScratch);
        }
    }
}

package dev.vaylix.storage.bench;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.crypto.Keyring;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.Wal;
import dev.vaylix.storage.wal.WalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
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
 * Log append throughput: one {@link LogStore#append} of {@code batchSize} entries per operation (one
 * group commit, so at most one fsync), for each backend and sync policy. Compare with
 * {@link RawWriteForceBenchmark} at the same batch size and disk, run in the same JMH invocation: the
 * issue's target is {@code sync} append ≥ 0.8 × the raw loop. Secondary results: entries/s,
 * payloadBytes/s and fsyncs/s ({@link AppendCounters}).
 *
 * <p>Temporary home (test scope of {@code storage}) until the {@code bench} module exists; see
 * docs/STORAGE.md "Benchmarks" for the commands.
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

    @Param({"1", "8", "64", "256", "1024"})
    public int batchSize;

    @Param({"128"})
    public int payloadBytes;

    /** Directory on the disk to measure; empty for the JVM's temp dir. */
    @Param({""})
    public String dir;

    private Path scratch;
    private LogStore log;
    private Bytes payload;
    private long nextIndex;
    private boolean syncs;

    @Setup(Level.Trial)
    public void open() throws IOException {
        scratch = BenchDirs.create(dir, "vaylix-log-bench-");
        SyncPolicy syncPolicy = SyncPolicy.fromFlag(policy);
        WalOptions options = WalOptions.DEFAULTS.withBackend(WalOptions.Backend.valueOf(backend)).withSyncPolicy(syncPolicy);
        log = Wal.open(new ChannelFileIO(), scratch.resolve("wal"), Keyring.generate(0, new SecureRandom()), options).log();
        byte[] bytes = new byte[payloadBytes];
        new SecureRandom().nextBytes(bytes);
        payload = Bytes.wrapUnsafe(bytes);
        nextIndex = 1;
        syncs = syncPolicy == SyncPolicy.SYNC;
    }

    @Benchmark
    public void append(AppendCounters counters) {
        List<LogEntry> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            batch.add(new LogEntry(nextIndex + i, 1, EntryKind.COMMAND, nextIndex + i, payload));
        }
        log.append(batch, new HardState(1, "bench", nextIndex - 1));
        nextIndex += batchSize;
        counters.entries += batchSize;
        counters.payloadBytes += (long) batchSize * payloadBytes;
        counters.fsyncs += syncs ? 1 : 0;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        BenchDirs.delete(scratch);
    }
}

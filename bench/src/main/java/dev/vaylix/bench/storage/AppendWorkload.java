package dev.vaylix.bench.storage;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.bench.BenchDirs;
import dev.vaylix.storage.crypto.Keyring;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.Wal;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The workload {@link LogAppendBenchmark} and {@link RawWriteForceBenchmark} share — one JMH state
 * holding the parameters of both, so their figures compare at equal batch size by construction:
 * batches of {@code batchSize} COMMAND entries in term 1, each with the same {@code payloadBytes}-byte
 * payload, every batch recorded with a hard state that commits the batch before it, on the disk
 * {@code dir}.
 */
@State(Scope.Benchmark)
public class AppendWorkload {

    /** The vote recorded with every batch; its length is part of the commit record's size. */
    private static final String VOTE = "bench";

    /** Entries per append (per raw write). */
    @Param({"1", "16", "64", "256", "1024"})
    public int batchSize;

    /** Payload bytes of each entry. */
    @Param({"256"})
    public int payloadBytes;

    /** Directory on the disk to measure (relative to the working directory). */
    @Param({BenchDirs.DEFAULT})
    public String dir;

    /** This workload's payload: see {@link #payload(int)}. */
    Bytes payload() {
        return payload(payloadBytes);
    }

    /** This workload's batch starting at {@code firstIndex}: see {@link #batch(long, int, Bytes)}. */
    List<LogEntry> batch(long firstIndex, Bytes payload) {
        return batch(firstIndex, batchSize, payload);
    }

    /** {@code payloadBytes} seeded pseudo-random bytes: the content is encrypted anyway, only the length matters. */
    static Bytes payload(int payloadBytes) {
        byte[] bytes = new byte[payloadBytes];
        new SplittableRandom(42).nextBytes(bytes);
        return Bytes.wrapUnsafe(bytes);
    }

    /** COMMAND entries {@code firstIndex .. firstIndex + batchSize - 1} in term 1, each carrying {@code payload}. */
    static List<LogEntry> batch(long firstIndex, int batchSize, Bytes payload) {
        List<LogEntry> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            long index = firstIndex + i;
            batch.add(new LogEntry(index, 1, EntryKind.COMMAND, index, payload));
        }
        return batch;
    }

    /** The hard state appended with the batch starting at {@code firstIndex}. */
    static HardState hardState(long firstIndex) {
        return new HardState(1, VOTE, firstIndex - 1);
    }

    /**
     * Opens a new log in {@code dataDir}/wal with a fresh keyring. Sealed segments are not retained, so
     * that {@link LogStore#compact} between iterations can delete them and a long run does not fill the
     * disk.
     */
    static LogStore openLog(FileIO io, Path dataDir, WalOptions options) {
        return Wal.open(io, dataDir.resolve(Wal.DIRECTORY), Keyring.generate(0, new SecureRandom()),
                options.withRetainSegments(0)).log();
    }

    /**
     * The bytes the FileChannel log writes to its segment for one batch of this workload, measured on
     * a real log in a scratch directory under {@link #dir}: the second of two appended batches, so
     * that whatever a first append to a new segment does once stays out of the figure.
     * Records are {@code length | crc32c | type | data} framed and each entry and the commit record
     * carry a GCM tag (docs/STORAGE.md), so this is more than {@code batchSize × payloadBytes}.
     */
    int measureBatchBytes() {
        return measureBatchBytes(batchSize, payloadBytes, dir);
    }

    /** {@link #measureBatchBytes()} for the given parameters, in a scratch directory under {@code dir}. */
    static int measureBatchBytes(int batchSize, int payloadBytes, String dir) {
        Path scratch = BenchDirs.create(dir, "vaylix-batch-bytes-");
        try {
            CountingFileIO io = new CountingFileIO(new ChannelFileIO());
            Bytes payload = payload(payloadBytes);
            try (LogStore log = openLog(io, scratch, WalOptions.DEFAULTS.withSyncPolicy(SyncPolicy.SYNC))) {
                log.append(batch(1, batchSize, payload), hardState(1));
                long before = io.writtenBytes();
                log.append(batch(1 + batchSize, batchSize, payload), hardState(1 + batchSize));
                return Math.toIntExact(io.writtenBytes() - before);
            }
        } finally {
            BenchDirs.delete(scratch);
        }
    }
}

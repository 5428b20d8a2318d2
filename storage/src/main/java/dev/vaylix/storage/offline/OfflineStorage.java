package dev.vaylix.storage.offline;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.format.FileHeader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The read-only offline tools, as a library ({@code vaylix storage verify}, {@code vaylix storage
 * migrate}, {@code vaylix pitr inspect}); {@link PointInTimeRestore} is the one that writes (only to a
 * new directory). Every tool here opens the data directory through
 * {@link StorageRecovery#openReadOnly}, so none of them creates or changes a file.
 */
public final class OfflineStorage {

    /** Entries read per call while replaying; bounds memory on large logs. */
    static final long REPLAY_BATCH_BYTES = 4L << 20;

    private OfflineStorage() {
    }

    /**
     * The result of {@code storage verify}.
     *
     * @param entriesVerified log entries read back and authenticated
     * @param entriesReplayed entries applied on top of the snapshot, when a replay was asked for
     */
    public record Verified(InspectionReport report, long entriesVerified, OptionalLong entriesReplayed) {
        public String render() {
            return report.render() + "entries_verified=" + entriesVerified + "\n"
                    + (entriesReplayed.isPresent() ? "entries_replayed=" + entriesReplayed.getAsLong() + "\n" : "");
        }
    }

    /**
     * The result of {@code storage migrate}.
     *
     * @param migrated whether anything was converted
     * @param outcome  what was done, in words
     */
    public record Migrated(InspectionReport report, boolean migrated, String outcome) {
        public String render() {
            return report.render() + "migrated=" + migrated + "\n";
        }
    }

    /**
     * Full recovery without changing anything: keyring, manifest and snapshot (decrypted, SHA-256
     * checked), every log segment (every record's CRC and authentication tag), continuity; then every
     * readable entry is read back, and, with a {@code replay} factory, the entries after the snapshot
     * are applied to a state machine restored from it.
     *
     * @throws VaylixException the documented code of the first problem found (nothing is repaired)
     */
    public static Verified verify(StorageConfig config, Optional<EntryApplierFactory> replay) {
        try (RecoveredStorage storage = StorageRecovery.openReadOnly(config)) {
            LogStore log = storage.log();
            long verified = forEachEntry(log, log.firstIndex(), log.lastIndex(), entry -> true);
            OptionalLong replayed = OptionalLong.empty();
            if (replay.isPresent()) {
                EntryApplier applier = replay.get().open(storage.snapshot());
                replayed = OptionalLong.of(forEachEntry(log, storage.firstIndexToApply(), storage.lastIndexToApply(), entry -> {
                    applier.apply(entry);
                    return true;
                }));
            }
            return new Verified(InspectionReport.of(storage), verified, replayed);
        }
    }

    /** The report of a data directory, without replaying anything or changing anything. */
    public static InspectionReport inspect(StorageConfig config) {
        try (RecoveredStorage storage = StorageRecovery.openReadOnly(config)) {
            return InspectionReport.of(storage);
        }
    }

    /**
     * {@code storage migrate}. Storage format 3 (this module's) is the only format this build writes
     * or reads, so there is nothing to convert: a format-3 directory is verified read-only and
     * reported as current; files of another format version fail with ENG-009. The reference's legacy
     * layout ({@code wal.log}, format 2: ChaCha20-Poly1305 records under Argon2id-derived keys) is
     * not converted: ENG-010, with the way to move the data (a logical backup).
     */
    public static Migrated migrate(StorageConfig config) {
        if (config.io().exists(config.layout().legacyWal())) {
            throw new VaylixException(ErrorCode.ENG_010, ErrorCode.ENG_010.message()
                    + ": this build cannot convert the Vaylix 0.9 wal.log (storage format 2) in place; take a logical backup"
                    + " with BACKUP TO on the old server and load it here with RESTORE FROM");
        }
        return new Migrated(inspect(config), false, "storage format " + FileHeader.FORMAT_VERSION + " is current; nothing to migrate");
    }

    /**
     * Feeds entries {@code from..to} (inclusive) to {@code consumer} in order, reading in bounded
     * batches, until it returns false; returns how many it accepted.
     */
    static long forEachEntry(LogStore log, long from, long to, Predicate<LogEntry> consumer) {
        long accepted = 0;
        long next = from;
        while (next <= to) {
            List<LogEntry> batch = log.entries(next, to + 1, REPLAY_BATCH_BYTES);
            for (LogEntry entry : batch) {
                if (!consumer.test(entry)) {
                    return accepted;
                }
                accepted++;
            }
            next += batch.size();
        }
        return accepted;
    }
}

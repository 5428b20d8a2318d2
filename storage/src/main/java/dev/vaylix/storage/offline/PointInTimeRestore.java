package dev.vaylix.storage.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.storage.DataDir;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.io.AtomicFile;
import dev.vaylix.storage.io.ReadOnlyFileIO;
import dev.vaylix.storage.io.StorageErrors;
import dev.vaylix.storage.snapshot.FileSnapshotStore;
import dev.vaylix.storage.wal.Wal;
import dev.vaylix.storage.wal.WalOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vaylix pitr restore}: rebuilds the state of a source data directory as of a log index or a
 * leader timestamp into a new target directory. The source is only read (through
 * {@link ReadOnlyFileIO}); the target is built in a staging directory beside it and renamed into place
 * once complete and durable, so a crash leaves either no target or a complete one.
 *
 * <p>Only committed entries are restored: up to the source's recorded commit index, since entries beyond
 * it may never have been committed by the cluster; or, for a node that was its group's only voter, every
 * durable entry (it committed each as soon as it was durable; its recorded commit index may trail). The target holds the source's keyring (a byte copy,
 * so it stays wrapped by the same master key), a snapshot at the restored index, a manifest, and an
 * empty log that continues after the snapshot.
 */
public final class PointInTimeRestore {

    private static final int KEYRING_BYTES_MAX = 16 << 20;
    /** The only names a leftover staging directory of an interrupted restore may contain. */
    private static final Set<String> STAGING_NAMES = Set.of(KeyringStore.FILE_NAME, KeyringStore.FILE_NAME + AtomicFile.TEMP_SUFFIX,
            FileSnapshotStore.SNAPSHOT_FILE, FileSnapshotStore.SNAPSHOT_FILE + AtomicFile.TEMP_SUFFIX,
            FileSnapshotStore.MANIFEST_FILE, FileSnapshotStore.MANIFEST_FILE + AtomicFile.TEMP_SUFFIX, Wal.DIRECTORY);

    private PointInTimeRestore() {
    }

    /**
     * Restores {@code source} (its keyring, master key, clock, file system) to {@code point} into
     * {@code target}, replaying through {@code factory}; returns the target's report.
     *
     * @param targetWal WAL options of the target's new log
     * @throws VaylixException ENG-011 if the directories are the same, nested, or the target is not
     *         empty; ENG-010 for a legacy source; ENG-012 if the point is before the snapshot baseline or
     *         beyond the committed history; recovery's codes if the source is damaged
     */
    public static InspectionReport restore(StorageConfig source, Path target, RestorePoint point, EntryApplierFactory factory,
                                           WalOptions targetWal) {
        FileIO io = source.io();
        Path from = source.dataDir().toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        checkDirectories(io, from, to);
        Path staging = to.resolveSibling("." + to.getFileName() + ".pitr-staging");
        try (RecoveredStorage storage = StorageRecovery.openReadOnly(source.withDataDir(from))) {
            Replayed replayed = replay(storage, point, factory);
            clearStaging(io, staging);
            build(io, storage, replayed, source.withDataDir(staging).withWalOptions(targetWal));
            publish(io, staging, to);
        } catch (IOException e) {
            throw StorageErrors.io("restore into", to, e);
        }
        return OfflineStorage.inspect(source.withDataDir(to));
    }

    /** ENG-011 unless source and target are distinct, not nested, and the target is absent or an empty directory. */
    private static void checkDirectories(FileIO io, Path from, Path to) {
        if (from.equals(to)) {
            throw ErrorCode.ENG_011.exception("source and target data directories must differ");
        }
        if (to.startsWith(from) || from.startsWith(to)) {
            throw ErrorCode.ENG_011.exception("source and target data directories must not contain each other");
        }
        if (to.getParent() == null) {
            throw ErrorCode.ENG_011.exception("the target directory must not be a file system root");
        }
        if (io.exists(to)) {
            try {
                if (io.isRegularFile(to) || !io.list(to).isEmpty()) {
                    throw ErrorCode.ENG_011.exception("the target " + to + " exists and is not an empty directory");
                }
            } catch (IOException e) {
                throw StorageErrors.io("list", to, e);
            }
        }
    }

    /** The state machine after the restore point, and where that is. */
    private record Replayed(EntryApplier applier, long index, long term, long timeMs) {
    }

    private static Replayed replay(RecoveredStorage storage, RestorePoint point, EntryApplierFactory factory) {
        long baseline = storage.report().snapshotIndex();
        long baselineTerm = storage.report().snapshotTerm();
        long baselineTimeMs = storage.snapshot().map(s -> s.meta().createdAtMs()).orElse(0L);
        long recorded = recordedCommit(storage);
        long stopIndex = switch (point) {
            case RestorePoint.ToIndex(long index) -> {
                if (index < baseline) {
                    throw ErrorCode.ENG_012.exception("index " + index + " is older than snapshot baseline " + baseline);
                }
                if (index > recorded) { // only then is the log read to see whether its writer commits alone
                    long committed = committedThrough(storage, factory, recorded);
                    if (index > committed) {
                        throw ErrorCode.ENG_012.exception("index " + index + " is outside retained committed history (up to "
                                + committed + ")");
                    }
                }
                yield index;
            }
            case RestorePoint.ToTimestamp(long timestampMs) -> {
                if (timestampMs < baselineTimeMs) {
                    throw ErrorCode.ENG_012.exception("timestamp " + timestampMs + " is older than snapshot baseline time " + baselineTimeMs);
                }
                yield committedThrough(storage, factory, recorded);
            }
        };
        EntryApplier applier = factory.open(storage.snapshot());
        long[] last = {baseline, baselineTerm, baselineTimeMs};
        OfflineStorage.forEachEntry(storage.log(), baseline + 1, stopIndex, entry -> {
            if (point instanceof RestorePoint.ToTimestamp(long timestampMs) && entry.leaderTimeMs() > timestampMs) {
                return false;
            }
            applier.apply(entry);
            last[0] = entry.index();
            last[1] = entry.term();
            last[2] = entry.leaderTimeMs();
            return true;
        });
        return new Replayed(applier, last[0], last[1], last[2]);
    }

    /** The recorded commit index, never before the snapshot, never past the durable log. */
    private static long recordedCommit(RecoveredStorage storage) {
        return Math.max(storage.report().snapshotIndex(), Math.min(storage.hardState().commitIndex(), storage.lastIndexToApply()));
    }

    /**
     * The last index known committed: {@code recorded} ({@link #recordedCommit}), or the whole durable log
     * when the factory says its writer {@linkplain EntryApplierFactory#commitsAlone commits alone}; reads the
     * log after the snapshot only when the two differ.
     */
    private static long committedThrough(RecoveredStorage storage, EntryApplierFactory factory, long recorded) {
        long baseline = storage.report().snapshotIndex();
        long durable = storage.lastIndexToApply();
        if (recorded == durable) {
            return recorded;
        }
        Bytes[] lastMembership = {null};
        OfflineStorage.forEachEntry(storage.log(), baseline + 1, durable, entry -> {
            if (entry.kind() == EntryKind.CONFIG) {
                lastMembership[0] = entry.payload();
            }
            return true;
        });
        return factory.commitsAlone(storage.snapshot(), Optional.ofNullable(lastMembership[0])) ? durable : recorded;
    }

    /** Writes keyring, snapshot, manifest and an empty log after the snapshot into the staging directory. */
    private static void build(FileIO io, RecoveredStorage source, Replayed state, StorageConfig staging) throws IOException {
        DataDir dir = staging.layout();
        io.createDirectories(dir.root());
        byte[] keyring = AtomicFile.readAll(ReadOnlyFileIO.wrap(io), source.keyring().path(), KEYRING_BYTES_MAX);
        AtomicFile.write(io, dir.keyring(), ByteBuffer.wrap(keyring), true);
        KeyringStore keys = KeyringStore.load(io, dir.root(), staging.masterKey());
        SnapshotMeta meta = new FileSnapshotStore(io, dir.root(), keys)
                .write(state.index(), state.term(), state.applier().membership(), state.timeMs(), state.applier().snapshot());
        try (LogStore log = Wal.open(io, dir.wal(), keys, staging.walOptions()).log()) {
            log.compact(meta.index(), meta.term());
            log.append(List.of(), new HardState(meta.term(), HardState.NO_VOTE, meta.index()));
            log.sync();
        }
        io.syncDirectory(dir.root());
    }

    /** Removes a staging directory left by an interrupted restore, refusing if it holds anything else. */
    private static void clearStaging(FileIO io, Path staging) throws IOException {
        if (!io.exists(staging)) {
            return;
        }
        for (Path entry : io.list(staging)) {
            String name = entry.getFileName().toString();
            if (!STAGING_NAMES.contains(name)) {
                throw ErrorCode.ENG_011.exception("the leftover staging directory " + staging + " holds " + name + "; remove it by hand");
            }
            if (name.equals(Wal.DIRECTORY)) {
                for (Path segment : io.list(entry)) {
                    io.deleteIfExists(segment);
                }
            }
            io.deleteIfExists(entry);
        }
        io.deleteIfExists(staging);
    }

    /** Renames the complete staging directory to the target (replacing an empty one) and makes it durable. */
    private static void publish(FileIO io, Path staging, Path target) throws IOException {
        if (io.exists(target)) {
            io.deleteIfExists(target);
        }
        io.rename(staging, target);
        io.syncDirectory(target.getParent());
    }
}

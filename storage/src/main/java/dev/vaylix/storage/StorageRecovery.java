package dev.vaylix.storage;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.io.ReadOnlyFileIO;
import dev.vaylix.storage.io.StorageErrors;
import dev.vaylix.storage.snapshot.FileSnapshotStore;
import dev.vaylix.storage.wal.SegmentName;
import dev.vaylix.storage.wal.Wal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the storage of a data directory: keyring → manifest and snapshot → log → alignment of the
 * log with the snapshot (DESIGN.md §3 "Recovery"). Fails closed with a precise code: ENG-010 legacy
 * layout, ENG-008 key or authentication, ENG-009 format version, ENG-007 checksum (naming file and
 * offset), ENG-014 log structure, ENG-002 I/O.
 */
public final class StorageRecovery {

    private StorageRecovery() {
    }

    /**
     * Opens for use by a server: creates the directory and keyring if new, rewrites a stale manifest,
     * repairs a torn log tail, compacts or resets the log to the snapshot.
     */
    public static RecoveredStorage open(StorageConfig config) {
        FileIO io = config.io();
        DataDir dir = config.layout();
        try {
            io.createDirectories(dir.root());
        } catch (IOException e) {
            throw StorageErrors.io("create", dir.root(), e);
        }
        refuseLegacyLayout(io, dir);
        if (!io.exists(dir.keyring())) {
            refuseDataWithoutKeyring(io, dir);
        }
        KeyringStore keyring = KeyringStore.openOrCreate(io, dir.root(), config.masterKey(), config.clock().wallTimeMs());
        FileSnapshotStore snapshots = new FileSnapshotStore(io, dir.root(), keyring);
        FileSnapshotStore.State state = snapshots.recover();
        Optional<RecoveredSnapshot> snapshot = state.meta().map(meta -> new RecoveredSnapshot(meta, snapshots.read(meta)));
        Wal.Opened wal = Wal.open(io, dir.wal(), keyring, config.walOptions());
        try {
            RecoveryReport.Positioning positioning = position(wal.log(), state.meta(), true);
            boolean rewritten = state.manifest() == FileSnapshotStore.ManifestStatus.STALE
                    || state.manifest() == FileSnapshotStore.ManifestStatus.MISSING;
            return new RecoveredStorage(keyring, snapshots, snapshot, wal.log(),
                    report(keyring, state, rewritten, wal, positioning));
        } catch (RuntimeException e) {
            closeAfterFailure(wal.log(), e);
            throw e;
        }
    }

    /**
     * Opens without creating, repairing or changing anything (the offline tools): the file system is
     * wrapped in {@link ReadOnlyFileIO}, so a write attempt would fail rather than happen. A torn tail
     * and a needed log alignment are reported, not performed.
     *
     * @throws VaylixException ENG-008 if there is no keyring (nothing readable can exist without one)
     */
    public static RecoveredStorage openReadOnly(StorageConfig config) {
        FileIO io = ReadOnlyFileIO.wrap(config.io());
        DataDir dir = config.layout();
        refuseLegacyLayout(io, dir);
        KeyringStore keyring = KeyringStore.load(io, dir.root(), config.masterKey());
        FileSnapshotStore snapshots = new FileSnapshotStore(io, dir.root(), keyring);
        FileSnapshotStore.State state = snapshots.check();
        Optional<RecoveredSnapshot> snapshot = state.meta().map(meta -> new RecoveredSnapshot(meta, snapshots.read(meta)));
        Wal.Opened wal = Wal.openReadOnly(io, dir.wal(), keyring);
        try {
            RecoveryReport.Positioning positioning = position(wal.log(), state.meta(), false);
            return new RecoveredStorage(keyring, snapshots, snapshot, wal.log(), report(keyring, state, false, wal, positioning));
        } catch (RuntimeException e) {
            closeAfterFailure(wal.log(), e);
            throw e;
        }
    }

    /** ENG-010 when the reference's monolithic {@code wal.log} is present (STORAGE.md §9 step 7.1). */
    static void refuseLegacyLayout(FileIO io, DataDir dir) {
        if (io.exists(dir.legacyWal())) {
            throw ErrorCode.ENG_010.exception();
        }
    }

    /** A new keyring beside existing encrypted files would make them unreadable: refuse instead. */
    private static void refuseDataWithoutKeyring(FileIO io, DataDir dir) {
        boolean data = io.exists(dir.snapshot()) || io.exists(dir.manifest());
        try {
            for (Path file : io.list(dir.wal())) {
                data |= SegmentName.parse(file.getFileName().toString()).isPresent();
            }
        } catch (IOException e) {
            throw StorageErrors.io("list", dir.wal(), e);
        }
        if (data) {
            throw StorageErrors.crypto(dir.keyring() + ": the keyring is missing but encrypted data exists in " + dir.root());
        }
    }

    /**
     * Aligns the log with the snapshot: the log must hold every entry after the snapshot index and
     * agree with the snapshot at that index. With {@code apply} false only decides.
     */
    static RecoveryReport.Positioning position(LogStore log, Optional<SnapshotMeta> snapshot, boolean apply) {
        long compacted = log.firstIndex() - 1;
        if (snapshot.isEmpty()) {
            if (compacted != 0) {
                throw ErrorCode.ENG_014.exception("the log is compacted to index " + compacted + " but there is no snapshot");
            }
            return RecoveryReport.Positioning.CONSISTENT;
        }
        long index = snapshot.get().index();
        long term = snapshot.get().term();
        if (compacted > index) {
            throw ErrorCode.ENG_014.exception("the log is compacted to index " + compacted + " but the snapshot ends at "
                    + index + ": entries " + (index + 1) + ".." + compacted + " are lost");
        }
        RecoveryReport.Positioning positioning;
        if (index > log.lastIndex() || log.term(index) != term) {
            positioning = RecoveryReport.Positioning.RESET_TO_SNAPSHOT;
        } else if (compacted < index) {
            positioning = RecoveryReport.Positioning.COMPACTED_TO_SNAPSHOT;
        } else {
            return RecoveryReport.Positioning.CONSISTENT;
        }
        if (apply) {
            log.compact(index, term);
        }
        return positioning;
    }

    private static RecoveryReport report(KeyringStore keyring, FileSnapshotStore.State state, boolean rewritten, Wal.Opened wal,
                                         RecoveryReport.Positioning positioning) {
        LogStore log = wal.log();
        long snapshotIndex = state.meta().map(SnapshotMeta::index).orElse(0L);
        long snapshotTerm = state.meta().map(SnapshotMeta::term).orElse(0L);
        return new RecoveryReport(keyring.outcome(), keyring.wrapped(), state.manifest(), rewritten, snapshotIndex, snapshotTerm,
                wal.report(), positioning, log.firstIndex(), log.lastIndex(), log.hardState());
    }

    private static void closeAfterFailure(LogStore log, RuntimeException cause) {
        try {
            log.close();
        } catch (RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}

package dev.vaylix.storage;

import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.snapshot.FileSnapshotStore;
import java.util.Optional;

/**
 * The storage of a data directory after recovery: what the engine and the Raft driver start from.
 *
 * <p>To rebuild the state machine: restore {@link #snapshot()} (or start empty), then apply the log
 * entries from {@link #firstIndexToApply()} on, never one at or below the snapshot index (they are in
 * the snapshot; the reference applies them again, spec Note 1). Which of them are committed is Raft's
 * decision: {@link #hardState()}'s commit index is a lower bound.
 *
 * <p>Owns the open log: {@link #close()} closes it.
 */
public final class RecoveredStorage implements AutoCloseable {

    private final KeyringStore keyring;
    private final FileSnapshotStore snapshots;
    private final Optional<RecoveredSnapshot> snapshot;
    private final LogStore log;
    private final RecoveryReport report;

    RecoveredStorage(KeyringStore keyring, FileSnapshotStore snapshots, Optional<RecoveredSnapshot> snapshot, LogStore log,
                     RecoveryReport report) {
        this.keyring = keyring;
        this.snapshots = snapshots;
        this.snapshot = snapshot;
        this.log = log;
        this.report = report;
    }

    public KeyringStore keyring() {
        return keyring;
    }

    /** Where later snapshots are written. */
    public FileSnapshotStore snapshots() {
        return snapshots;
    }

    /** The current snapshot with its plaintext, if there is one. */
    public Optional<RecoveredSnapshot> snapshot() {
        return snapshot;
    }

    /** The log, open, positioned after the snapshot (read-only when recovered read-only). */
    public LogStore log() {
        return log;
    }

    public HardState hardState() {
        return report.hardState();
    }

    public RecoveryReport report() {
        return report;
    }

    /** The snapshot index plus one: the first entry the state machine has not seen. */
    public long firstIndexToApply() {
        return report.snapshotIndex() + 1;
    }

    /**
     * The last log entry that continues the snapshot: the log's last index, or the snapshot index
     * when the log would be reset to the snapshot (a read-only recovery does not reset it).
     */
    public long lastIndexToApply() {
        return report.positioning() == RecoveryReport.Positioning.RESET_TO_SNAPSHOT
                ? report.snapshotIndex() : report.lastIndex();
    }

    @Override
    public void close() {
        log.close();
    }
}

package dev.vaylix.storage;

import dev.vaylix.api.log.HardState;
import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.snapshot.FileSnapshotStore;
import dev.vaylix.storage.wal.WalReport;
import java.util.Optional;

/**
 * What recovery found and did, for the operator (logged by the server at start-up) and for tests.
 *
 * @param keyring           loaded, created or newly wrapped by the master key
 * @param keyringWrapped    whether {@code keyring.bin} is wrapped by a master key
 * @param manifest          how {@code manifest.bin} related to {@code snapshot.bin}
 * @param manifestRewritten a stale or missing manifest was rewritten
 * @param snapshotIndex     last index the snapshot covers (0 without a snapshot)
 * @param snapshotTerm      its term
 * @param wal               the log's segments, torn tail, and files sealed or deleted while opening
 * @param positioning       how the log was aligned with the snapshot
 * @param firstIndex        first readable log index after recovery
 * @param lastIndex         last log index after recovery
 * @param hardState         the recovered Raft hard state
 */
public record RecoveryReport(KeyringStore.Outcome keyring, boolean keyringWrapped, FileSnapshotStore.ManifestStatus manifest,
                             boolean manifestRewritten, long snapshotIndex, long snapshotTerm, WalReport wal,
                             Positioning positioning, long firstIndex, long lastIndex, HardState hardState) {

    /** How recovery aligned the log with the snapshot. */
    public enum Positioning {
        /** The log continues right after the snapshot (or there is no snapshot and nothing compacted). */
        CONSISTENT,
        /** The snapshot is newer than the log's compaction point; the log was compacted to it. */
        COMPACTED_TO_SNAPSHOT,
        /**
         * The log ends before the snapshot or disagrees with it at the snapshot index (a snapshot
         * installed from a leader just before a crash): the log restarts after the snapshot.
         */
        RESET_TO_SNAPSHOT
    }

    /** The torn tail found (repaired by a writable recovery, only reported by a read-only one). */
    public Optional<WalReport.TornTail> tornTail() {
        return wal.tornTail();
    }

    /** Bytes of a torn final append that were dropped (or would be). */
    public long tornBytesDropped() {
        return wal.tornTail().map(WalReport.TornTail::bytesDropped).orElse(0L);
    }
}

package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import java.util.List;
import java.util.Objects;

/**
 * What a node recovers from disk to start (or restart): its hard state, its latest snapshot (index 0
 * with the bootstrap configuration if it never took one), the log entries after the snapshot, and
 * how far its state machine has applied.
 *
 * @param appliedIndex the state machine holds every entry up to here (at least the snapshot index);
 *                     committed entries after it are handed out again for applying
 */
public record PersistentState(HardState hardState, Snapshot snapshot, List<LogEntry> entries, long appliedIndex) {

    public PersistentState {
        Objects.requireNonNull(hardState, "hardState");
        Objects.requireNonNull(snapshot, "snapshot");
        entries = List.copyOf(entries);
        long expected = snapshot.index() + 1;
        long previousTerm = snapshot.term();
        for (LogEntry entry : entries) {
            if (entry.index() != expected) {
                throw new IllegalArgumentException("entries must follow the snapshot contiguously: expected index "
                        + expected + ", got " + entry.index());
            }
            if (entry.term() < previousTerm) {
                throw new IllegalArgumentException("terms must not decrease along the log at index " + entry.index());
            }
            previousTerm = entry.term();
            expected++;
        }
        if (appliedIndex < snapshot.index()) {
            throw new IllegalArgumentException("applied index " + appliedIndex + " is below the snapshot index");
        }
        if (hardState.term() < previousTerm) {
            throw new IllegalArgumentException("current term " + hardState.term() + " is below the last entry's term");
        }
    }

    /**
     * A node that starts a new cluster with {@code initial} voters (every initial member must be given
     * the same configuration), or joins one with {@link Configuration#EMPTY} and waits for the leader.
     */
    public static PersistentState bootstrap(Configuration initial) {
        return new PersistentState(HardState.INITIAL,
                new Snapshot(new SnapshotMetadata(0, 0, initial), Bytes.EMPTY), List.of(), 0);
    }
}

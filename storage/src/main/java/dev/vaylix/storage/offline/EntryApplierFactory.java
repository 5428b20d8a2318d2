package dev.vaylix.storage.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.storage.RecoveredSnapshot;
import java.util.Optional;

/** Creates the {@link EntryApplier} that a restore or a verify replays the log into. */
@FunctionalInterface
public interface EntryApplierFactory {

    /**
     * A state machine holding {@code snapshot} (its data and membership), or the empty initial state
     * when there is none.
     *
     * @throws dev.vaylix.api.VaylixException if the snapshot cannot be decoded
     */
    EntryApplier open(Optional<RecoveredSnapshot> snapshot);

    /**
     * Whether the node that wrote the directory commits alone every entry it holds durably: true when
     * the membership in effect at the end of its log ({@code lastMembership}: the payload of the last
     * membership entry of the log, else the snapshot's) has that node as its only voter. A restarted
     * server of such a group commits its whole durable log, so a restore must not stop at the recorded
     * commit index, which may trail the log by the last group commit (it is written lazily; docs/RAFT.md).
     * False (the default) restores only up to the recorded commit index.
     */
    default boolean commitsAlone(Optional<RecoveredSnapshot> snapshot, Optional<Bytes> lastMembership) {
        return false;
    }
}

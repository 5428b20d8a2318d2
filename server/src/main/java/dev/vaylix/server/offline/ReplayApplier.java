package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.RecoveredSnapshot;
import dev.vaylix.storage.offline.EntryApplier;
import dev.vaylix.storage.offline.EntryApplierFactory;
import java.util.Optional;

/**
 * Storage's {@link EntryApplier} on a {@link ReplayStateMachine}, plus the Raft membership, which
 * the state machine does not hold: a CONFIG entry's payload is the whole configuration that
 * results from it, in the same encoding as the snapshot's membership (docs/RAFT.md, "Configuration
 * in use"), so the membership after the replay is the last CONFIG payload, else the snapshot's.
 * Without either it is empty, as in a directory that never had a snapshot or a membership change.
 */
final class ReplayApplier implements EntryApplier {

    private final ReplayStateMachine machine;
    private Bytes membership;
    private long lastIndex;

    private ReplayApplier(ReplayStateMachine machine, Bytes membership, long lastIndex) {
        this.machine = machine;
        this.membership = membership;
        this.lastIndex = lastIndex;
    }

    /** Storage's factory on top of {@code machines}. */
    static EntryApplierFactory factory(ReplayStateMachineFactory machines) {
        return (Optional<RecoveredSnapshot> snapshot) -> {
            long index = snapshot.map(s -> s.meta().index()).orElse(0L);
            ReplayStateMachine machine = machines.open(index, snapshot.map(RecoveredSnapshot::data));
            return new ReplayApplier(machine, snapshot.map(s -> s.meta().membership()).orElse(Bytes.EMPTY), index);
        };
    }

    @Override
    public void apply(LogEntry entry) {
        // Storage promises index order from the snapshot on; a gap here would silently lose writes.
        if (entry.index() != lastIndex + 1) {
            throw ErrorCode.ENG_011.exception("replay expected log index " + (lastIndex + 1) + " but got " + entry.index());
        }
        machine.apply(entry);
        if (entry.kind() == EntryKind.CONFIG) {
            membership = entry.payload();
        }
        lastIndex = entry.index();
    }

    @Override
    public Bytes snapshot() {
        return machine.snapshot();
    }

    @Override
    public Bytes membership() {
        return membership;
    }
}

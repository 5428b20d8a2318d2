package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.server.state.VaylixStateMachine;
import dev.vaylix.storage.RecoveredSnapshot;
import dev.vaylix.storage.offline.EntryApplier;
import dev.vaylix.storage.offline.EntryApplierFactory;
import java.util.Optional;
import java.util.Set;

/**
 * Storage's {@link EntryApplier} on the server's own {@link VaylixStateMachine} (engine and replicated
 * users/roles/grants, docs/LOG_PAYLOAD.md): {@code storage verify} and {@code pitr restore} replay the
 * log into exactly the state machine the server runs, so verify decodes every payload the server
 * wrote, and the snapshot a restore writes is one the server loads. Single-threaded.
 *
 * <p>The Raft membership, which the state machine does not hold: a CONFIG entry's payload is the whole
 * configuration that results from it (docs/RAFT.md, "Configuration in use"), so the membership after
 * the replay is the last CONFIG payload, else the snapshot's, else the configuration a new node
 * bootstraps with and no file records: its own id ({@code node-id}) as the only voter.
 */
final class ReplayApplier implements EntryApplier {

    private final VaylixStateMachine machine = new VaylixStateMachine();
    private Optional<Bytes> membership;

    private ReplayApplier(Optional<Bytes> membership) {
        this.membership = membership;
    }

    /**
     * @param nodeId the id of the node that wrote the directory ({@code node-id}), if known: the bootstrap
     *               membership when neither the snapshot nor any replayed entry names one
     */
    static EntryApplierFactory factory(Optional<String> nodeId) {
        Optional<Bytes> bootstrap = nodeId.map(id -> ConfigurationCodec.encode(Configuration.ofVoters(id)));
        return new EntryApplierFactory() {
            @Override
            public EntryApplier open(Optional<RecoveredSnapshot> snapshot) {
                ReplayApplier applier = new ReplayApplier(snapshotMembership(snapshot).or(() -> bootstrap));
                snapshot.ifPresent(s -> applier.machine.restore(s.meta().index(), s.data()));
                return applier;
            }

            /**
             * The node ({@code node-id}) is the only voter of the membership in effect at the end of its log; the
             * configuration in use is the last one in the log, committed or not (docs/RAFT.md), exactly what
             * the server would start with on this directory.
             */
            @Override
            public boolean commitsAlone(Optional<RecoveredSnapshot> snapshot, Optional<Bytes> lastMembership) {
                Optional<Bytes> membership = lastMembership.or(() -> snapshotMembership(snapshot)).or(() -> bootstrap);
                return nodeId.isPresent() && membership.isPresent()
                        && ConfigurationCodec.decode(membership.get()).voters().equals(Set.of(nodeId.get()));
            }
        };
    }

    private static Optional<Bytes> snapshotMembership(Optional<RecoveredSnapshot> snapshot) {
        return snapshot.map(s -> s.meta().membership()).filter(m -> !m.isEmpty());
    }

    /**
     * @throws dev.vaylix.api.VaylixException {@code ENG-011} for an entry that does not follow the last one
     *         (a gap would silently lose writes); {@code ENG-014} for a payload that does not decode
     */
    @Override
    public void apply(LogEntry entry) {
        long expected = machine.appliedIndex() + 1;
        if (entry.index() != expected) {
            throw ErrorCode.ENG_011.exception("replay expected log index " + expected + " but got " + entry.index());
        }
        machine.apply(entry); // a Reply.Error is the command's deterministic result, not a replay failure
        if (entry.kind() == EntryKind.CONFIG) {
            membership = Optional.of(entry.payload());
        }
    }

    @Override
    public Bytes snapshot() {
        return machine.snapshot();
    }

    /**
     * @throws dev.vaylix.api.VaylixException {@code ENG-011} when nothing names the membership: a directory
     *         without a snapshot, configuration entry or {@code node-id} file was not written by a server, and
     *         a snapshot without a membership could never start one
     */
    @Override
    public Bytes membership() {
        return membership.orElseThrow(() -> ErrorCode.ENG_011.exception("the Raft membership is unknown: the source has no "
                + "snapshot, no configuration entry and no node-id file"));
    }

    /** The state after the last applied entry (for tests and reports). */
    VaylixStateMachine machine() {
        return machine;
    }
}

package dev.vaylix.server.state;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.storage.RecoveredSnapshot;
import dev.vaylix.storage.offline.EntryApplier;
import dev.vaylix.storage.offline.EntryApplierFactory;
import java.util.Objects;

/**
 * The replicated state machine for the offline tools (point-in-time restore, verify with replay):
 * the same {@link VaylixStateMachine} the server runs, fed entries by the storage tools, so a restored
 * directory holds exactly the state the server would have built. Single-threaded.
 *
 * <p>Membership: a CONFIG entry's payload is the whole configuration it sets (docs/RAFT.md), so the
 * membership after any entry is the latest CONFIG payload, else the snapshot's, else the
 * configuration the node bootstrapped with (which no file records; the caller passes it).
 */
public final class OfflineApplier implements EntryApplier {

    private final VaylixStateMachine machine = new VaylixStateMachine();
    private Bytes membership;

    private OfflineApplier(Bytes membership) {
        this.membership = membership;
    }

    /**
     * @param bootstrapMembership the encoded configuration to assume when neither the snapshot nor any
     *                            entry names one (a single-node directory: its node id as sole voter)
     */
    public static EntryApplierFactory factory(Bytes bootstrapMembership) {
        Objects.requireNonNull(bootstrapMembership, "bootstrapMembership");
        return snapshot -> {
            OfflineApplier applier = new OfflineApplier(snapshot.map(s -> s.meta().membership()).orElse(bootstrapMembership));
            snapshot.ifPresent(applier::restore);
            return applier;
        };
    }

    /** The factory for a single-node data directory whose node is {@code nodeId} (see {@code NodeIdFile#read}). */
    public static EntryApplierFactory forSingleNode(String nodeId) {
        return factory(ConfigurationCodec.encode(Configuration.ofVoters(nodeId)));
    }

    private void restore(RecoveredSnapshot snapshot) {
        machine.restore(snapshot.meta().index(), snapshot.data());
    }

    @Override
    public void apply(LogEntry entry) {
        if (entry.index() != machine.appliedIndex() + 1) {
            throw new IllegalStateException("entry " + entry.index() + " does not follow applied index " + machine.appliedIndex());
        }
        machine.apply(entry);
        if (entry.kind() == EntryKind.CONFIG) {
            membership = entry.payload();
        }
    }

    @Override
    public Bytes snapshot() {
        return machine.snapshot();
    }

    @Override
    public Bytes membership() {
        return membership;
    }

    /** The state machine, for tools that report on the state (key count, users). */
    public VaylixStateMachine machine() {
        return machine;
    }
}

package dev.vaylix.bench.raft;

import dev.vaylix.raft.PersistentState;
import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.Ready;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.Message;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.TreeMap;

/**
 * Bare {@link RaftNode}s driven in one thread through the core's public API, for
 * {@link CoreCommitBenchmark}: a Ready is "persisted" the moment it is taken (then advanced), messages
 * travel as objects through one FIFO queue (no codec, no network), and elections start only when asked
 * (the random source pins every timeout to its maximum and nothing ticks).
 */
final class CoreCluster {

    private final TreeMap<String, RaftNode> nodes = new TreeMap<>();
    private final ArrayDeque<Message> wire = new ArrayDeque<>();

    CoreCluster(String clusterId, String... ids) {
        Configuration voters = Configuration.ofVoters(ids);
        for (String id : ids) {
            nodes.put(id, RaftNode.start(RaftConfig.defaults(clusterId, id), PersistentState.bootstrap(voters),
                    bound -> bound - 1, RaftEventListener.NONE));
        }
    }

    RaftNode node(String id) {
        return nodes.get(id);
    }

    Collection<RaftNode> nodes() {
        return nodes.values();
    }

    /**
     * Handles Readys and delivers messages until the cluster is quiet.
     *
     * @throws IllegalStateException if it is not quiet after {@code passesMax} passes (a livelock)
     */
    void settle(int passesMax) {
        for (int pass = 0; pass < passesMax; pass++) {
            boolean moved = false;
            for (RaftNode node : nodes.values()) {
                moved |= drainReadys(node);
            }
            moved |= !wire.isEmpty();
            for (Message message = wire.poll(); message != null; message = wire.poll()) {
                nodes.get(message.to()).step(message);
            }
            if (!moved) {
                return;
            }
        }
        throw new IllegalStateException("the cluster is still busy after " + passesMax + " passes");
    }

    /** Takes every Ready of {@code node}: its messages go on the wire, its persistence is instant. */
    private boolean drainReadys(RaftNode node) {
        boolean any = false;
        while (node.hasReady()) {
            Ready ready = node.ready();
            wire.addAll(ready.messages());
            wire.addAll(ready.messagesAfterPersist());
            node.advance(ready);
            any = true;
        }
        return any;
    }
}

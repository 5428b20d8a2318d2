package dev.vaylix.raft;

import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Bare {@link RaftNode}s in one thread for unit tests and the core benchmark: every Ready is
 * "persisted" at once (advanced), messages go through one FIFO queue, timeouts are pinned to their
 * maximum so only explicit campaigns start elections.
 */
final class InMemoryCluster {

    final TreeMap<String, RaftNode> nodes = new TreeMap<>();
    final ArrayDeque<Message> queue = new ArrayDeque<>();
    final List<ReadState> readStates = new ArrayList<>();

    InMemoryCluster(Configuration configuration, String... ids) {
        for (String id : ids) {
            nodes.put(id, RaftNode.start(RaftConfig.defaults("c", id), PersistentState.bootstrap(configuration),
                    bound -> bound - 1, RaftEventListener.NONE));
        }
    }

    RaftNode node(String id) {
        return nodes.get(id);
    }

    /** One round: every node's Readys handled, then every queued message delivered. Returns whether anything moved. */
    boolean round() {
        boolean progress = false;
        for (RaftNode node : nodes.values()) {
            while (node.hasReady()) {
                Ready ready = node.ready();
                queue.addAll(ready.messages());
                queue.addAll(ready.messagesAfterPersist());
                readStates.addAll(ready.readStates());
                node.advance(ready);
                progress = true;
            }
        }
        while (!queue.isEmpty()) {
            Message message = queue.poll();
            nodes.get(message.to()).step(message);
            progress = true;
        }
        return progress;
    }

    /** Rounds until nothing moves (bounded). */
    void stabilize() {
        for (int round = 0; round < 10_000; round++) {
            if (!round()) {
                return;
            }
        }
        throw new IllegalStateException("the cluster did not stabilize");
    }
}

package dev.vaylix.server.consensus;

import dev.vaylix.raft.driver.PeerTransport;
import dev.vaylix.raft.message.Message;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peer transport of a single-node group: there are no peers, so a message addressed to another
 * node (which a one-voter configuration never produces) is dropped and counted. Multi-node clusters
 * replace this with VTP2 replication connections (opcodes 0x42–0x49). Thread-safe.
 */
final class SingleNodePeers implements PeerTransport {

    private final LongAdder dropped = new LongAdder();

    @Override
    public void send(Message message) {
        dropped.increment();
    }

    /** Messages that had nowhere to go. */
    long dropped() {
        return dropped.sum();
    }
}

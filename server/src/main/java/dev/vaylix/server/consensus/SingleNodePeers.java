package dev.vaylix.server.consensus;

import dev.vaylix.raft.driver.PeerTransport;
import dev.vaylix.raft.message.Message;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer transport of a single-node group: there are no peers. A one-voter configuration never
 * produces a message for another node, so one that does is logged (the first, then every
 * {@value #LOG_EVERY}th) and dropped; Raft treats a lost message like any other. Multi-node clusters
 * replace this with VTP2 replication connections (opcodes 0x42–0x49). Thread-safe.
 */
final class SingleNodePeers implements PeerTransport {

    private static final long LOG_EVERY = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SingleNodePeers.class);

    private final AtomicLong dropped = new AtomicLong();

    @Override
    public void send(Message message) {
        long count = dropped.incrementAndGet();
        if (count % LOG_EVERY == 1) {
            LOG.warn("event=peer_message_dropped to={} type={} dropped_total={}: this node has no connection to peers",
                    message.to(), message.getClass().getSimpleName(), count);
        }
    }
}

package dev.vaylix.bench.raft;

import dev.vaylix.raft.driver.PeerTransport;
import dev.vaylix.raft.driver.RaftDriver;
import dev.vaylix.raft.message.Message;
import dev.vaylix.raft.message.MessageCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raft peers in one JVM: every message is encoded and decoded with the binary {@link MessageCodec} (the
 * bytes a real transport would carry) and handed straight to the target driver's inbox, on the sending
 * thread. No sockets, no loss. Thread-safe.
 */
final class LoopbackNetwork implements PeerTransport {

    private final Map<String, RaftDriver<?>> drivers = new ConcurrentHashMap<>();

    void register(RaftDriver<?> driver) {
        drivers.put(driver.id(), driver);
    }

    @Override
    public void send(Message message) {
        RaftDriver<?> target = drivers.get(message.to());
        if (target != null) {
            target.receive(MessageCodec.decode(MessageCodec.encode(message)));
        }
    }
}

package dev.vaylix.raft.driver;

import dev.vaylix.raft.message.Message;
import dev.vaylix.raft.message.MessageCodec;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peers in one JVM: every message goes through the binary codec (encode, decode) and is handed to the
 * target driver's inbox. Nodes can be cut off to simulate partitions. Thread-safe.
 */
final class InMemoryNetwork {

    private final Map<String, RaftDriver<?>> drivers = new ConcurrentHashMap<>();
    private final Set<String> isolated = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();

    PeerTransport transport() {
        return message -> {
            if (isolated.contains(message.from()) || isolated.contains(message.to())) {
                return;
            }
            RaftDriver<?> target = drivers.get(message.to());
            if (target != null) {
                Message decoded = MessageCodec.decode(MessageCodec.encode(message));
                target.receive(decoded);
                delivered.incrementAndGet();
            }
        };
    }

    void register(RaftDriver<?> driver) {
        drivers.put(driver.id(), driver);
    }

    void unregister(String id) {
        drivers.remove(id);
    }

    void isolate(String id) {
        isolated.add(id);
    }

    void heal() {
        isolated.clear();
    }

    long delivered() {
        return delivered.get();
    }
}

package dev.vaylix.raft.driver;

import dev.vaylix.raft.message.Message;

/**
 * How a driver reaches the other members (the server binds it to VTP2 replication opcodes carrying
 * {@link dev.vaylix.raft.message.MessageCodec} payloads). Incoming messages are handed to
 * {@link RaftDriver#receive}.
 */
@FunctionalInterface
public interface PeerTransport {

    /**
     * Sends {@code message} to {@code message.to()}, best effort: it may be delayed, reordered, duplicated
     * or lost (Raft retries). Must not block on the network; may drop when a peer's queue is full.
     * Called from the driver's threads concurrently; implementations are thread-safe. The message is
     * immutable and may be retained.
     */
    void send(Message message);
}

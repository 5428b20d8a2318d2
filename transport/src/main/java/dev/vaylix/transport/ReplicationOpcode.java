package dev.vaylix.transport;

import java.util.Optional;

/**
 * The replication opcodes {@code 0x42}–{@code 0x49} (§8). Their payloads are opaque bytes to the transport:
 * our nodes carry Raft messages in them (DESIGN.md §2), so the JSON shapes of the reference do not apply.
 */
public enum ReplicationOpcode {
    STATUS(0x42),
    SNAPSHOT(0x43),
    FETCH(0x44),
    ACK(0x45),
    VOTE(0x46),
    HEARTBEAT(0x47),
    APPEND(0x48),
    INSTALL_SNAPSHOT(0x49);

    private static final int FIRST = 0x42;

    private final int opcode;

    ReplicationOpcode(int opcode) {
        this.opcode = opcode;
    }

    public int opcode() {
        return opcode;
    }

    public static Optional<ReplicationOpcode> fromOpcode(int opcode) {
        int index = opcode - FIRST;
        ReplicationOpcode[] all = values();
        return index >= 0 && index < all.length ? Optional.of(all[index]) : Optional.empty();
    }
}

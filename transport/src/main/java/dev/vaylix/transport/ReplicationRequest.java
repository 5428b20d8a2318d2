package dev.vaylix.transport;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * A request with a replication opcode: not a {@link dev.vaylix.api.command.Command}, just an opcode and the
 * raw payload bytes (no length prefix beyond the frame). The response to it is raw bytes as well.
 */
public record ReplicationRequest(ReplicationOpcode opcode, Bytes payload) {
    public ReplicationRequest {
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
    }
}

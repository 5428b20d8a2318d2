package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.CommandType;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A decoded request body (§3.1) whose opcode payload has not been decoded yet.
 *
 * <p>The split is deliberate: envelope errors ({@code TRN-007}, {@code TRN-008} for metadata flags,
 * {@code TRN-002}) close the connection, while the server runs its checks (deadline, transaction,
 * rate limit, payload size) before the payload is decoded and answers payload errors with an error
 * response (§7.1).
 *
 * @param requestId the id to echo in the response
 * @param opcode    a known opcode: a {@link CommandType} or a {@link ReplicationOpcode}
 * @param metadata  the optional fields
 * @param payload   the opcode payload: a view of the receive buffer, valid until the connection's next
 *                  receive; must not be modified
 */
public record RequestEnvelope(UUID requestId, int opcode, RequestMetadata metadata, ByteBuffer payload) {

    public RequestEnvelope {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payload, "payload");
        if (!isKnownOpcode(opcode)) {
            throw new IllegalArgumentException("unknown opcode " + opcode);
        }
    }

    /** The command kind, unless this is a replication request. */
    public Optional<CommandType> commandType() {
        return CommandType.fromOpcode(opcode);
    }

    /** The replication opcode, if this is one. */
    public Optional<ReplicationOpcode> replicationOpcode() {
        return ReplicationOpcode.fromOpcode(opcode);
    }

    public boolean isReplication() {
        return replicationOpcode().isPresent();
    }

    public int payloadLength() {
        return payload.remaining();
    }

    /** Writes the envelope of a request body (the payload follows). */
    public static void encodeHeader(BodyWriter out, UUID requestId, int opcode, RequestMetadata metadata) {
        out.u8(metadata.flags()).uuid(requestId).u8(opcode);
        if (metadata.deadlineMs().isPresent()) {
            out.u64(metadata.deadlineMs().getAsLong());
        }
        if (metadata.traceId().isPresent()) {
            out.uuid(metadata.traceId().get());
        }
        if (metadata.sequence().isPresent()) {
            out.u64(metadata.sequence().getAsLong());
        }
    }

    /**
     * Decodes the envelope of a request body, in this order: fewer than 18 bytes → {@code TRN-007}; unknown
     * metadata flag bits → {@code TRN-008}; unknown opcode → {@code TRN-002 unknown opcode: 0xNN}; missing
     * optional fields → {@code TRN-007}. The payload is whatever follows; it may be empty.
     *
     * @param body a frame body; its position is not changed, and the returned payload shares its content
     */
    public static RequestEnvelope decode(ByteBuffer body) {
        BodyReader in = new BodyReader().reset(body);
        in.require(Vtp2.REQUEST_MIN_BYTES);
        int flags = in.u8();
        if ((flags & ~RequestMetadata.KNOWN_FLAGS) != 0) {
            throw ErrorCode.TRN_008.exception();
        }
        UUID requestId = in.uuid();
        int opcode = in.u8();
        if (!isKnownOpcode(opcode)) {
            throw ErrorCode.TRN_002.exception(opcode);
        }
        OptionalLong deadline = (flags & RequestMetadata.FLAG_DEADLINE) != 0 ? OptionalLong.of(in.u64()) : OptionalLong.empty();
        Optional<UUID> traceId = (flags & RequestMetadata.FLAG_TRACE_ID) != 0 ? Optional.of(in.uuid()) : Optional.empty();
        OptionalLong sequence = (flags & RequestMetadata.FLAG_SEQUENCE) != 0 ? OptionalLong.of(in.u64()) : OptionalLong.empty();
        RequestMetadata metadata = flags == 0 ? RequestMetadata.NONE : new RequestMetadata(deadline, traceId, sequence);
        int consumed = body.remaining() - in.remaining();
        ByteBuffer payload = body.slice(body.position() + consumed, in.remaining());
        return new RequestEnvelope(requestId, opcode, metadata, payload);
    }

    /** True for 0x01–0x49: the command opcodes and the replication opcodes. */
    public static boolean isKnownOpcode(int opcode) {
        return CommandType.fromOpcode(opcode).isPresent() || ReplicationOpcode.fromOpcode(opcode).isPresent();
    }
}

package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Request bodies: envelope (§3.1) plus opcode payload (§5), in both directions. Stateless and thread-safe;
 * the {@link BodyWriter}/{@link BodyReader} passed in carry the state.
 */
public final class RequestCodec {

    private RequestCodec() {
    }

    /**
     * Writes the whole request body of {@code command} into {@code out} (which is reset first).
     *
     * @throws dev.vaylix.api.VaylixException TRN-004 for HELP/EXIT; TRN-008 when a length or count does not
     *     fit its prefix; TRN-012 for text without a UTF-8 form; TRN-006 beyond 8 MiB
     */
    public static void encode(BodyWriter out, UUID requestId, RequestMetadata metadata, Command command) {
        CommandType type = command.type();
        if (type.isLocal()) {
            throw ErrorCode.TRN_004.exception(type.name().toLowerCase(java.util.Locale.ROOT));
        }
        out.reset();
        RequestEnvelope.encodeHeader(out, requestId, type.opcode(), metadata);
        CommandPayloads.encode(command, out);
    }

    /** Writes the whole request body of a replication request into {@code out} (which is reset first). */
    public static void encode(BodyWriter out, UUID requestId, RequestMetadata metadata, ReplicationRequest request) {
        out.reset();
        RequestEnvelope.encodeHeader(out, requestId, request.opcode().opcode(), metadata);
        out.raw(request.payload());
    }

    /** Decodes the envelope of a request body; see {@link RequestEnvelope#decode}. */
    public static RequestEnvelope decodeEnvelope(ByteBuffer body) {
        return RequestEnvelope.decode(body);
    }

    /**
     * Decodes the command in a request envelope, consuming its payload exactly.
     *
     * @throws dev.vaylix.api.VaylixException TRN-004 ({@code unsupported command for transport: replication})
     *     for a replication opcode; TRN-007 / TRN-008 / TRN-012 for a malformed payload
     */
    public static Command decodeCommand(RequestEnvelope envelope) {
        CommandType type = envelope.commandType()
                .orElseThrow(() -> ErrorCode.TRN_004.exception("replication"));
        return decodePayload(type, envelope.payload());
    }

    /** Decodes the payload of a command opcode; see {@link #decodeCommand}. */
    public static Command decodePayload(CommandType type, ByteBuffer payload) {
        return CommandPayloads.decode(type, new BodyReader().reset(payload));
    }

    /** The raw payload of a replication request envelope (a copy). */
    public static ReplicationRequest decodeReplication(RequestEnvelope envelope) {
        ReplicationOpcode opcode = envelope.replicationOpcode()
                .orElseThrow(() -> new IllegalArgumentException("not a replication opcode: " + envelope.opcode()));
        return new ReplicationRequest(opcode, new BodyReader().reset(envelope.payload()).rest());
    }

    /** Writes only the payload of {@code command} (no envelope), appending to {@code out}. */
    public static void encodePayload(Command command, BodyWriter out) {
        CommandPayloads.encode(command, out);
    }
}

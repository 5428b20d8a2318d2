package dev.vaylix.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * A decoded response body (§3.2) whose payload has not been decoded yet; decoding it needs the request's
 * shape ({@link ReplyShape}), see {@link ResponseCodec#decodeReply}.
 *
 * @param requestId copied from the request being answered
 * @param status    OK, ERROR or NOT_FOUND
 * @param payload   a view of the receive buffer, valid until the connection's next receive
 */
public record ResponseEnvelope(UUID requestId, Status status, ByteBuffer payload) {

    public ResponseEnvelope {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payload, "payload");
    }

    /** Writes the envelope of a response body (the payload follows). */
    public static void encodeHeader(BodyWriter out, UUID requestId, Status status) {
        out.uuid(requestId).u8(status.wireByte());
    }

    /**
     * Decodes the envelope: fewer than 17 bytes → {@code TRN-007}; a status other than 0/1/2 →
     * {@code TRN-003 unknown status: 0xNN}.
     */
    public static ResponseEnvelope decode(ByteBuffer body) {
        BodyReader in = new BodyReader().reset(body);
        in.require(Vtp2.RESPONSE_MIN_BYTES);
        UUID requestId = in.uuid();
        Status status = Status.fromWireByte(in.u8());
        return new ResponseEnvelope(requestId, status, body.slice(body.position() + Vtp2.RESPONSE_MIN_BYTES, in.remaining()));
    }
}

package dev.vaylix.transport;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.reply.Reply;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Response bodies: envelope (§3.2) plus payload (§6), in both directions. Stateless and thread-safe.
 */
public final class ResponseCodec {

    private ResponseCodec() {
    }

    /**
     * Writes the response body answering {@code requestId} with {@code reply} into {@code out} (reset first).
     * The status follows from the reply kind. An error reply whose payload cannot be encoded is replaced by
     * the {@code TRN-011 Remote Error Encoding Failure} payload (§6.9).
     *
     * @throws dev.vaylix.api.VaylixException TRN-008 / TRN-012 / TRN-006 if a non-error reply cannot be
     *     encoded (for example an entry key longer than 65 535 bytes)
     */
    public static void encode(BodyWriter out, UUID requestId, Reply reply) {
        out.reset();
        ResponseEnvelope.encodeHeader(out, requestId, ReplyPayloads.statusOf(reply));
        ReplyPayloads.encode(reply, out);
    }

    /** Writes a status-OK response with a raw payload (the answer to a replication opcode, §8). */
    public static void encodeRaw(BodyWriter out, UUID requestId, Bytes payload) {
        out.reset();
        ResponseEnvelope.encodeHeader(out, requestId, Status.OK);
        out.raw(payload);
    }

    /** Decodes the envelope of a response body; see {@link ResponseEnvelope#decode}. */
    public static ResponseEnvelope decodeEnvelope(ByteBuffer body) {
        return ResponseEnvelope.decode(body);
    }

    /**
     * Decodes the reply in a response envelope, consuming its payload exactly.
     *
     * @param shape what a successful reply to the request looks like ({@link ReplyShape#of})
     * @throws dev.vaylix.api.VaylixException TRN-007 (short), TRN-008 (bad bool/flag/tag, trailing bytes, a
     *     non-empty NotFound), TRN-012 (a key or error text that is not UTF-8)
     */
    public static Reply decodeReply(ResponseEnvelope envelope, ReplyShape shape) {
        return ReplyPayloads.decode(shape, envelope.status(), new BodyReader().reset(envelope.payload()));
    }

    /** Writes only the payload of {@code reply} (no envelope), appending to {@code out}. */
    public static void encodePayload(Reply reply, BodyWriter out) {
        ReplyPayloads.encode(reply, out);
    }
}

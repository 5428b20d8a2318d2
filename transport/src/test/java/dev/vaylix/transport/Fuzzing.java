package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

/** Shared checks of the fuzz harnesses: only documented codes, and whatever decodes re-encodes to itself. */
final class Fuzzing {

    static final Set<ErrorCode> PAYLOAD_ERRORS = EnumSet.of(ErrorCode.TRN_007, ErrorCode.TRN_008, ErrorCode.TRN_012);

    private Fuzzing() {
    }

    static void requireCode(VaylixException e, Set<ErrorCode> allowed) {
        if (!allowed.contains(e.code())) {
            throw new AssertionError("undocumented error from a decoder: " + e.describe(), e);
        }
    }

    /** Decodes {@code body} as a request (envelope, then payload) and as a response under every shape. */
    static void decodeAsRequestAndResponse(byte[] body) {
        decodeRequest(body);
        for (ReplyShape shape : ReplyShape.values()) {
            decodeResponse(body, shape);
        }
    }

    static void decodeRequest(byte[] body) {
        RequestEnvelope envelope;
        try {
            envelope = RequestCodec.decodeEnvelope(ByteBuffer.wrap(body));
        } catch (VaylixException e) {
            requireCode(e, EnumSet.of(ErrorCode.TRN_002, ErrorCode.TRN_007, ErrorCode.TRN_008));
            return;
        }
        if (envelope.isReplication()) {
            RequestCodec.decodeReplication(envelope);
            return;
        }
        Command command;
        try {
            command = RequestCodec.decodeCommand(envelope);
        } catch (VaylixException e) {
            requireCode(e, PAYLOAD_ERRORS);
            return;
        }
        BodyWriter again = new BodyWriter();
        RequestCodec.encode(again, envelope.requestId(), envelope.metadata(), command);
        Command reparsed = RequestCodec.decodeCommand(RequestCodec.decodeEnvelope(ByteBuffer.wrap(again.toByteArray())));
        if (!reparsed.equals(command)) {
            throw new AssertionError("re-encoding changed the command: " + command + " became " + reparsed);
        }
    }

    static void decodeResponse(byte[] body, ReplyShape shape) {
        Reply reply;
        try {
            ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(ByteBuffer.wrap(body));
            reply = ResponseCodec.decodeReply(envelope, shape);
        } catch (VaylixException e) {
            requireCode(e, EnumSet.of(ErrorCode.TRN_003, ErrorCode.TRN_007, ErrorCode.TRN_008, ErrorCode.TRN_012));
            return;
        }
        if (shape == ReplyShape.RAW) {
            return; // raw payloads are opaque
        }
        BodyWriter again = new BodyWriter();
        ResponseCodec.encode(again, new java.util.UUID(0, 0), reply);
        Reply reparsed = ResponseCodec.decodeReply(ResponseCodec.decodeEnvelope(ByteBuffer.wrap(again.toByteArray())), shape);
        if (!reparsed.equals(reply)) {
            throw new AssertionError("re-encoding changed the reply: " + reply + " became " + reparsed);
        }
    }
}

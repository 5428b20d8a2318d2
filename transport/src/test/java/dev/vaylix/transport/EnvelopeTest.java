package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request (§3.1) and response (§3.2) envelopes. */
class EnvelopeTest {

    private static final String ID = "01912d3c7a4e7b2a8f000123456789ab";

    private static RequestEnvelope request(String hex) {
        return RequestCodec.decodeEnvelope(ByteBuffer.wrap(Hex.bytes(hex)));
    }

    @Test
    void aRequestBodyIsAtLeastEighteenBytes() {
        for (int length = 0; length < 18; length++) {
            byte[] body = new byte[length];
            Expect.error(ErrorCode.TRN_007, () -> RequestCodec.decodeEnvelope(ByteBuffer.wrap(body)));
        }
        assertEquals(CommandType.PING.opcode(), request("00" + ID + "02").opcode());
    }

    @Test
    void unknownMetadataFlagBitsAreCorrupted() {
        for (int flags : new int[] {0x08, 0x10, 0x80, 0xFF}) {
            Expect.error(ErrorCode.TRN_008, () -> request(String.format("%02x", flags) + ID + "02" + "00".repeat(40)));
        }
    }

    @Test
    void unknownOpcodesAreReportedWithTheirByte() {
        Expect.error(ErrorCode.TRN_002, "unknown opcode: 0x00", () -> request("00" + ID + "00"));
        Expect.error(ErrorCode.TRN_002, "unknown opcode: 0x4A", () -> request("00" + ID + "4a"));
        Expect.error(ErrorCode.TRN_002, "unknown opcode: 0xFF", () -> request("00" + ID + "ff"));
    }

    @Test
    void flagsAreCheckedBeforeTheOpcodeAndTheOpcodeBeforeTheOptionalFields() {
        Expect.error(ErrorCode.TRN_008, () -> request("08" + ID + "ff"));
        Expect.error(ErrorCode.TRN_002, () -> request("07" + ID + "ff"));
    }

    @Test
    void missingOptionalFieldsAreUnexpectedEnd() {
        Expect.error(ErrorCode.TRN_007, () -> request("01" + ID + "02" + "00000000000013"));
        Expect.error(ErrorCode.TRN_007, () -> request("02" + ID + "02" + "00".repeat(15)));
        Expect.error(ErrorCode.TRN_007, () -> request("04" + ID + "02" + "00".repeat(7)));
        Expect.error(ErrorCode.TRN_007, () -> request("07" + ID + "02" + "00".repeat(31)));
    }

    @Test
    void optionalFieldsComeInOrderDeadlineTraceSequence() {
        RequestEnvelope envelope = request("05" + ID + "02" + "0000000000000000" + "0000000000000009" + "00");
        assertEquals(new RequestMetadata(OptionalLong.of(0), Optional.empty(), OptionalLong.of(9)), envelope.metadata());
        assertTrue(envelope.metadata().deadlineExpired());
        assertEquals(1, envelope.payloadLength());
        assertEquals(new Command.Ping(Optional.empty()), RequestCodec.decodeCommand(envelope));
    }

    @Test
    void replicationOpcodesAreNotCommands() {
        RequestEnvelope envelope = request("00" + ID + "44" + "7b7d");
        assertTrue(envelope.isReplication());
        Expect.error(ErrorCode.TRN_004, "unsupported command for transport: replication",
                () -> RequestCodec.decodeCommand(envelope));
        assertEquals(new ReplicationRequest(ReplicationOpcode.FETCH, Bytes.utf8("{}")), RequestCodec.decodeReplication(envelope));
    }

    @Test
    void everyReplicationOpcodeRoundTripsWithItsOpaquePayload() {
        for (ReplicationOpcode opcode : ReplicationOpcode.values()) {
            ReplicationRequest request = new ReplicationRequest(opcode, Bytes.of((byte) 0, (byte) 0xFF, (byte) opcode.opcode()));
            BodyWriter out = new BodyWriter();
            RequestCodec.encode(out, new UUID(1, 1), RequestMetadata.NONE, request);
            RequestEnvelope envelope = RequestCodec.decodeEnvelope(ByteBuffer.wrap(out.toByteArray()));
            assertEquals(opcode.opcode(), envelope.opcode());
            assertEquals(request, RequestCodec.decodeReplication(envelope));
        }
        assertEquals(0x42, ReplicationOpcode.STATUS.opcode());
        assertEquals(0x49, ReplicationOpcode.INSTALL_SNAPSHOT.opcode());
    }

    @Test
    void aResponseBodyIsAtLeastSeventeenBytesWithAKnownStatus() {
        for (int length = 0; length < 17; length++) {
            byte[] body = new byte[length];
            Expect.error(ErrorCode.TRN_007, () -> ResponseCodec.decodeEnvelope(ByteBuffer.wrap(body)));
        }
        Expect.error(ErrorCode.TRN_003, "unknown status: 0x03",
                () -> ResponseCodec.decodeEnvelope(ByteBuffer.wrap(Hex.bytes(ID + "03"))));
        ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(ByteBuffer.wrap(Hex.bytes(ID + "02")));
        assertEquals(Status.NOT_FOUND, envelope.status());
        assertEquals(UUID.fromString("01912d3c-7a4e-7b2a-8f00-0123456789ab"), envelope.requestId());
    }

    @Test
    void rawResponsesCarryTheirBytesWithoutALengthPrefix() {
        BodyWriter out = new BodyWriter();
        ResponseCodec.encodeRaw(out, new UUID(0, 5), Bytes.utf8("{\"term\":1}"));
        ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(ByteBuffer.wrap(out.toByteArray()));
        assertEquals(27, out.length());
        assertEquals(new dev.vaylix.api.reply.Reply.Data(Bytes.utf8("{\"term\":1}")),
                ResponseCodec.decodeReply(envelope, ReplyShape.RAW));
    }
}

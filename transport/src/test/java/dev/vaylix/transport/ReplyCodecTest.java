package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.reply.Reply;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Response payloads (§6, §6.1, §6.9) and the client-side QUEUED rule (COMMANDS.md §11.4). */
class ReplyCodecTest {

    private static final UUID ID = new UUID(0, 1);
    private static final String ID_HEX = "00000000000000000000000000000001";

    private static String responseHex(Reply reply) {
        BodyWriter out = new BodyWriter();
        ResponseCodec.encode(out, ID, reply);
        return Hex.of(out.toByteArray());
    }

    private static Reply decode(ReplyShape shape, String status, String payloadHex) {
        ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(ByteBuffer.wrap(Hex.bytes(ID_HEX + status + payloadHex)));
        return ResponseCodec.decodeReply(envelope, shape);
    }

    private static void assertLayout(Reply reply, ReplyShape shape, String statusAndPayload) {
        assertEquals(Hex.of(Hex.bytes(ID_HEX + statusAndPayload)), responseHex(reply));
        String compact = Hex.of(Hex.bytes(statusAndPayload));
        assertEquals(reply, decode(shape, compact.substring(0, 2), compact.substring(2)));
    }

    @Test
    void everyReplyKindHasItsLayout() {
        assertLayout(Reply.OK, ReplyShape.OK, "00");
        assertLayout(Reply.NOT_FOUND, ReplyShape.VALUE, "02");
        assertLayout(new Reply.Data(Bytes.of((byte) 0xFF)), ReplyShape.VALUE, "00 00000001 ff");
        assertLayout(Reply.TRUE, ReplyShape.BOOLEAN, "00 01");
        assertLayout(Reply.FALSE, ReplyShape.BOOLEAN, "00 00");
        assertLayout(new Reply.Count(-1L), ReplyShape.COUNT, "00 ffffffffffffffff");
        assertLayout(new Reply.Int(-2), ReplyShape.INTEGER, "00 fffffffffffffffe");
        assertLayout(new Reply.Entries(List.of(Reply.Entry.text("a", "1"), new Reply.Entry("b", Bytes.of((byte) 0)))),
                ReplyShape.ENTRIES, "00 00000002 0001 61 00000001 31 0001 62 00000001 00");
        assertLayout(new Reply.Values(List.of(Optional.of(Bytes.utf8("x")), Optional.empty())), ReplyShape.VALUES,
                "00 00000002 01 00000001 78 00");
        assertLayout(new Reply.ScanPage(9, List.of(Key.of("k"))), ReplyShape.SCAN_PAGE, "00 0000000000000009 00000001 0001 6b");
        assertLayout(new Reply.ExecResults(List.of()), ReplyShape.EXEC_RESULTS, "00 00000000");
        assertLayout(new Reply.Error("ENG-015", "Invalid Integer Value", "engine failure: x"), ReplyShape.INTEGER,
                "01 0007 454e472d303135 0015 496e76616c696420496e74656765722056616c7565 00000011 656e67696e65206661696c7572653a2078");
    }

    @Test
    void execResultsTagEveryItemKind() {
        Reply.ExecResults results = new Reply.ExecResults(List.of(Reply.OK, Reply.NOT_FOUND, Reply.Data.utf8("v"),
                Reply.TRUE, new Reply.Count(1), new Reply.Int(-1), new Reply.Entries(List.of(Reply.Entry.text("k", "v"))),
                new Reply.Values(List.of(Optional.empty())), new Reply.ScanPage(0, List.of())));
        assertLayout(results, ReplyShape.EXEC_RESULTS, """
                00 00000009
                00
                01
                02 00000001 76
                03 01
                04 0000000000000001
                05 ffffffffffffffff
                06 00000001 0001 6b 00000001 76
                07 00000001 00
                08 0000000000000000 00000000""");
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.EXEC_RESULTS, "00", "00000001 09"));
    }

    @Test
    void queuedIsRecognisedWhateverTheShape() {
        String queued = "00000006 515545554544";
        for (ReplyShape shape : ReplyShape.values()) {
            if (shape != ReplyShape.RAW) {
                assertEquals(Reply.QUEUED, decode(shape, "00", queued), shape.name());
            }
        }
        assertEquals(new Reply.Data(Bytes.of(Hex.bytes(queued))), decode(ReplyShape.RAW, "00", queued));
        assertEquals(Hex.of(Hex.bytes(ID_HEX + "00" + queued)), responseHex(Reply.QUEUED));
    }

    @Test
    void payloadsAreConsumedExactly() {
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.OK, "00", "00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.VALUE, "02", "00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.BOOLEAN, "00", "0100"));
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.BOOLEAN, "00", "02"));
        Expect.error(ErrorCode.TRN_007, () -> decode(ReplyShape.COUNT, "00", "00000000"));
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.VALUES, "00", "00000001 02"));
        Expect.error(ErrorCode.TRN_008, () -> decode(ReplyShape.VALUE, "01", "0000 0000 00000000 00"));
    }

    @Test
    void aListCountLargerThanTheRemainingBytesCanHoldIsUnexpectedEnd() {
        Expect.error(ErrorCode.TRN_007, () -> decode(ReplyShape.ENTRIES, "00", "ffffffff"));
        Expect.error(ErrorCode.TRN_007, () -> decode(ReplyShape.VALUES, "00", "00000002 00"));
        Expect.error(ErrorCode.TRN_007, () -> decode(ReplyShape.SCAN_PAGE, "00", "0000000000000000 7fffffff 0000"));
        Expect.error(ErrorCode.TRN_007, () -> decode(ReplyShape.EXEC_RESULTS, "00", "ffffffff 00"));
    }

    @Test
    void anErrorThatCannotBeEncodedBecomesRemoteErrorEncodingFailure() {
        String substitute = "01 0007 54524e2d303131 001d 52656d6f7465204572726f7220456e636f64696e67204661696c757265"
                + " 00000029 6661696c656420746f20656e636f64652073747275637475726564206572726f72207061796c6f6164";
        assertEquals(Hex.of(Hex.bytes(ID_HEX + substitute)), responseHex(new Reply.Error("X".repeat(70_000), "n", "m")));
        assertEquals(Hex.of(Hex.bytes(ID_HEX + substitute)), responseHex(new Reply.Error("SRV-001", "n", "bad \uD800")));
        Reply decoded = decode(ReplyShape.OK, "01", substitute.substring(3));
        assertEquals(new Reply.Error("TRN-011", "Remote Error Encoding Failure", "failed to encode structured error payload"),
                decoded);
    }

    @Test
    void errorTextMustBeUtf8() {
        Expect.error(ErrorCode.TRN_012, () -> decode(ReplyShape.OK, "01", "0001 ff 0000 00000000"));
    }
}

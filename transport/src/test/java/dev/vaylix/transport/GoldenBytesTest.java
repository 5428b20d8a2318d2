package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every worked example of VTP2.md §10, byte for byte, in both directions: our encoder produces exactly the
 * header (length, CRC) and payload shown, and our decoder turns those bytes back into the same value.
 */
class GoldenBytesTest {

    private static final UUID ID_AB = UUID.fromString("01912d3c-7a4e-7b2a-8f00-0123456789ab");
    private static final UUID ID_AC = UUID.fromString("01912d3c-7a4e-7b2a-8f00-0123456789ac");
    private static final UUID ID_AD = UUID.fromString("01912d3c-7a4e-7b2a-8f00-0123456789ad");
    private static final UUID ID_AE = UUID.fromString("01912d3c-7a4e-7b2a-8f00-0123456789ae");
    private static final String ID_AB_HEX = "01 91 2d 3c 7a 4e 7b 2a 8f 00 01 23 45 67 89 ab";
    private static final String ID_AE_HEX = "01 91 2d 3c 7a 4e 7b 2a 8f 00 01 23 45 67 89 ae";

    /** Every §10 example is uncompressed. */
    private static final FrameSettings PLAIN = FrameSettings.HELLO;

    @Test
    void clientHello_10_1() {
        ClientHello hello = new ClientHello(2, "vaylix-client", "0.9.0", Capabilities.ALL, Compression.ZSTD,
                8_388_608, true);
        byte[] frame = frame("56 54 50 32 02 00 00 00 00 26 72 7f c4 40", """
                f0 02 00 0d 76 61 79 6c 69 78 2d 63 6c 69 65 6e 74 00 05 30 2e 39 2e 30
                00 00 00 00 00 00 00 1f 01 00 80 00 00 01""");
        BodyWriter body = new BodyWriter();
        hello.encode(body);
        assertFrame(frame, body);
        assertEquals(hello, ClientHello.decode(Frames.decode(frame, PLAIN)));
    }

    @Test
    void serverHelloOk_10_2() {
        ServerHello hello = new ServerHello(2, Capabilities.ALL, Compression.ZSTD, 8_388_608,
                UUID.fromString("01912d3c-0000-7000-8000-000000000001"), Status.OK,
                Optional.empty(), Optional.empty(), Optional.empty());
        byte[] frame = frame("56 54 50 32 02 00 00 00 00 23 ae 0b a7 68", """
                f1 02 00 00 00 00 00 00 00 1f 01 00 80 00 00
                01 91 2d 3c 00 00 70 00 80 00 00 00 00 00 00 01  00  00 00 00""");
        BodyWriter body = new BodyWriter();
        hello.encode(body);
        assertFrame(frame, body);
        assertEquals(hello, ServerHello.decode(Frames.decode(frame, PLAIN)));
    }

    @Test
    void serverHelloRejection_10_3() {
        byte[] frame = Hex.concat(Hex.bytes("56 54 50 32 02 00 00 00 00 84 3a cd 19 35"), Hex.bytes(
                "f10200000000000000000000800000000000000000000000000000000000000101000754524e2d30313401001b50726f"
                + "746f636f6c204e65676f74696174696f6e204661696c656401003970726f746f636f6c206e65676f74696174696f"
                + "6e206661696c65643a20756e737570706f727465642070726f746f636f6c2076657273696f6e"));
        ClientHello oldClient = new ClientHello(1, "vaylix-client", "0.1.0", Capabilities.ALL, Compression.ZSTD,
                8_388_608, true);
        var outcome = Negotiation.negotiate(oldClient, Negotiation.ServerOptions.DEFAULT, UUID.randomUUID());
        BodyWriter body = new BodyWriter();
        outcome.reply().encode(body);
        assertEquals(Negotiation.Rejected.class, outcome.getClass());
        assertFrame(frame, body);
        assertEquals(Negotiation.rejection(), ServerHello.decode(Frames.decode(frame, PLAIN)));
    }

    @Test
    void pingRequestAndPong_10_4() {
        byte[] request = frame("56 54 50 32 02 00 00 00 00 13 e0 e2 b9 06", "00 | " + ID_AB_HEX + " | 02 | 00");
        assertRequest(request, ID_AB, RequestMetadata.NONE, new Command.Ping(Optional.empty()));
        byte[] response = frame("56 54 50 32 02 00 00 00 00 19 ec ce 30 62",
                ID_AB_HEX + " | 00 | 00 00 00 04 50 4f 4e 47");
        assertResponse(response, ID_AB, ReplyShape.VALUE, Reply.Data.utf8("PONG"));
    }

    @Test
    void getRequestAndItsThreeReplies_10_5() {
        String id = "01 91 2d 3c 7a 4e 7b 2a 8f 00 01 23 45 67 89 ac";
        byte[] request = frame("56 54 50 32 02 00 00 00 00 18 fb 55 f1 f8", "00 | " + id + " | 03 | 00 04 6e 61 6d 65");
        assertRequest(request, ID_AC, RequestMetadata.NONE, new Command.Get(Key.of("name")));

        byte[] value = frame("56 54 50 32 02 00 00 00 00 1a 4c c1 52 1d", id + " | 00 | 00 00 00 05 61 6c 69 63 65");
        assertResponse(value, ID_AC, ReplyShape.VALUE, Reply.Data.utf8("alice"));

        byte[] notFound = frame("56 54 50 32 02 00 00 00 00 11 d9 8f c0 1b", id + " | 02");
        assertResponse(notFound, ID_AC, ReplyShape.VALUE, Reply.NOT_FOUND);

        byte[] error = frame("56 54 50 32 02 00 00 00 00 58 3f fe a7 e8", id + """
                | 01
                00 07 53 52 56 2d 30 30 37
                00 17 41 75 74 68 65 6e 74 69 63 61 74 69 6f 6e 20 52 65 71 75 69 72 65 64
                00 00 00 21 63 6c 69 65 6e 74 20 61 75 74 68 65 6e 74 69 63 61 74 69 6f 6e
                20 69 73 20 72 65 71 75 69 72 65 64""");
        assertResponse(error, ID_AC, ReplyShape.VALUE, Reply.Error.of(ErrorCode.SRV_007));
    }

    @Test
    void setWithAllMetadata_10_6() {
        byte[] request = frame("56 54 50 32 02 00 00 00 00 4f 12 cf df d0", """
                07
                01 91 2d 3c 7a 4e 7b 2a 8f 00 01 23 45 67 89 ad
                06
                00 00 00 00 00 00 13 88
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 63
                00 00 00 00 00 00 00 01
                00 07 73 65 73 73 69 6f 6e
                00 00 00 03 61 62 63
                01
                01 00 00 00 00 00 00 00 3c
                00 00
                00""");
        RequestMetadata metadata = new RequestMetadata(OptionalLong.of(5000), Optional.of(new UUID(0, 0x63)),
                OptionalLong.of(1));
        Command.Set set = new Command.Set(Key.of("session"), Bytes.utf8("abc"), SetCondition.NX, OptionalLong.empty(),
                Expiration.seconds(60), false, false);
        assertRequest(request, ID_AD, metadata, set);
        assertEquals(ReplyShape.BOOLEAN, ReplyShape.of(set));

        String id = "01 91 2d 3c 7a 4e 7b 2a 8f 00 01 23 45 67 89 ad";
        byte[] created = Frames.encode(Hex.bytes(id + " | 00 | 01"), PLAIN);
        assertResponse(created, ID_AD, ReplyShape.BOOLEAN, Reply.TRUE);
    }

    @Test
    void execResults_10_7() {
        byte[] response = frame("56 54 50 32 02 00 00 00 00 29 f2 61 5c 6b", ID_AE_HEX + """
                | 00
                00 00 00 03 | 00 | 02 00 00 00 05 61 6c 69 63 65 | 05 ff ff ff ff ff ff ff fe""");
        assertResponse(response, ID_AE, ReplyShape.EXEC_RESULTS,
                new Reply.ExecResults(List.of(Reply.OK, Reply.Data.utf8("alice"), new Reply.Int(-2))));
    }

    @Test
    void authRequest_10_8() {
        byte[] request = frame("56 54 50 32 02 00 00 00 00 24 40 0c 4a 0f",
                "00 " + ID_AB_HEX + " 01 00 06 76 61 79 6c 69 78 00 00 00 06 76 61 79 6c 69 78");
        assertRequest(request, ID_AB, RequestMetadata.NONE, new Command.Auth("vaylix", "vaylix"));
    }

    @Test
    void scanRequest_10_8() {
        byte[] request = frame("56 54 50 32 02 00 00 00 00 26 55 84 1c 1b",
                "00 " + ID_AE_HEX + " 13 00 00 00 00 00 00 00 00 01 00 06 75 73 65 72 3a 2a 01 00 19");
        assertRequest(request, ID_AE, RequestMetadata.NONE,
                new Command.Scan(0, Optional.of("user:*"), OptionalInt.of(25)));
    }

    /** Header and payload as written in the spec, after checking the header's length field against the payload. */
    private static byte[] frame(String header, String payload) {
        byte[] head = Hex.bytes(header);
        byte[] body = Hex.bytes(payload);
        assertEquals(body.length, ByteBuffer.wrap(head, 6, 4).getInt(), "the example's length field");
        return Hex.concat(head, body);
    }

    private static void assertFrame(byte[] expectedFrame, BodyWriter body) {
        assertEquals(Hex.of(expectedFrame), Hex.of(Frames.encode(body.toByteArray(), PLAIN)));
    }

    private static void assertRequest(byte[] frame, UUID id, RequestMetadata metadata, Command command) {
        BodyWriter body = new BodyWriter();
        RequestCodec.encode(body, id, metadata, command);
        assertFrame(frame, body);

        RequestEnvelope envelope = RequestCodec.decodeEnvelope(ByteBuffer.wrap(Frames.decode(frame, PLAIN)));
        assertEquals(id, envelope.requestId());
        assertEquals(metadata, envelope.metadata());
        assertEquals(command.type().opcode(), envelope.opcode());
        assertEquals(command, RequestCodec.decodeCommand(envelope));
    }

    private static void assertResponse(byte[] frame, UUID id, ReplyShape shape, Reply reply) {
        BodyWriter body = new BodyWriter();
        ResponseCodec.encode(body, id, reply);
        assertFrame(frame, body);

        ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(ByteBuffer.wrap(Frames.decode(frame, PLAIN)));
        assertEquals(id, envelope.requestId());
        assertEquals(reply, ResponseCodec.decodeReply(envelope, shape));
    }
}

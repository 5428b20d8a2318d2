package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.ErrorCode;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hello decoder rules (§2.3), including the reference's ServerHello panic turned into TRN-007 (note 2). */
class HelloCodecTest {

    private static final ClientHello CLIENT = new ClientHello(2, "vaylix-client", "0.9.0", Capabilities.ALL,
            Compression.ZSTD, Vtp2.MAX_FRAME_LEN, true);
    private static final ServerHello SERVER = new ServerHello(2, Capabilities.ALL, Compression.ZSTD, Vtp2.MAX_FRAME_LEN,
            new UUID(1, 2), Status.OK, Optional.empty(), Optional.empty(), Optional.empty());

    private static byte[] encode(ClientHello hello) {
        BodyWriter out = new BodyWriter();
        hello.encode(out);
        return out.toByteArray();
    }

    private static byte[] encode(ServerHello hello) {
        BodyWriter out = new BodyWriter();
        hello.encode(out);
        return out.toByteArray();
    }

    /** Offsets in the encoded {@link #CLIENT}: after the two strings come caps (8), compression, max (4), auth. */
    private static final int CLIENT_COMPRESSION_OFFSET = 2 + 2 + 13 + 2 + 5 + 8;

    @Test
    void aClientHelloNeedsTwoBytesAndTheClientHelloTag() {
        Expect.error(ErrorCode.TRN_007, () -> ClientHello.decode(new byte[0]));
        Expect.error(ErrorCode.TRN_007, () -> ClientHello.decode(new byte[] {(byte) 0xF0}));
        Expect.error(ErrorCode.TRN_018, "protocol state violation: expected client hello",
                () -> ClientHello.decode(new byte[] {0x00, 0x02}));
        Expect.error(ErrorCode.TRN_018, () -> ClientHello.decode(encode(SERVER)));
    }

    @Test
    void aClientHelloTruncatedAnywhereIsUnexpectedEnd() {
        byte[] body = encode(CLIENT);
        for (int cut = 0; cut < body.length; cut++) {
            byte[] truncated = Arrays.copyOf(body, cut);
            Expect.error(ErrorCode.TRN_007, () -> ClientHello.decode(truncated));
        }
        assertEquals(CLIENT, ClientHello.decode(body));
    }

    @Test
    void aClientHelloCompressionByteOtherThanZeroOrOneIsACapabilityMismatch() {
        byte[] body = encode(CLIENT);
        body[CLIENT_COMPRESSION_OFFSET] = 2;
        Expect.error(ErrorCode.TRN_015, "transport capability mismatch: unknown compression mode",
                () -> ClientHello.decode(body));
    }

    @Test
    void aClientHelloAuthIntentOtherThanZeroOrOneIsCorrupted() {
        byte[] body = encode(CLIENT);
        body[body.length - 1] = 2;
        Expect.error(ErrorCode.TRN_008, "corrupted payload", () -> ClientHello.decode(body));
    }

    @Test
    void aClientHelloWithTrailingBytesIsCorrupted() {
        byte[] body = Hex.concat(encode(CLIENT), new byte[] {0});
        Expect.error(ErrorCode.TRN_008, () -> ClientHello.decode(body));
    }

    @Test
    void aClientNameThatIsNotUtf8IsInvalidUtf8() {
        byte[] body = Hex.bytes("f0 02 0002 c328 0000 0000000000000000 00 00000000 00");
        Expect.error(ErrorCode.TRN_012, "invalid utf-8 in payload", () -> ClientHello.decode(body));
    }

    @Test
    void aClientHelloWithAnyProtocolVersionDecodes_negotiationRejectsIt() {
        byte[] body = encode(CLIENT);
        body[1] = 7;
        assertEquals(7, ClientHello.decode(body).protocolVersion());
    }

    @Test
    void aServerHelloShorterThan35BytesIsUnexpectedEnd_evenWhereTheReferencePanics() {
        byte[] body = encode(SERVER);
        assertEquals(ServerHello.MIN_BYTES, body.length);
        for (int length = 0; length < ServerHello.MIN_BYTES; length++) {
            byte[] truncated = Arrays.copyOf(body, length);
            Expect.error(ErrorCode.TRN_007, () -> ServerHello.decode(truncated));
        }
        assertEquals(SERVER, ServerHello.decode(body));
    }

    @Test
    void aServerHelloNeedsItsTag() {
        byte[] body = encode(SERVER);
        body[0] = (byte) 0xF0;
        Expect.error(ErrorCode.TRN_018, "protocol state violation: expected server hello", () -> ServerHello.decode(body));
    }

    @Test
    void aServerHelloStatusMustBeKnown_andNotFoundDecodes() {
        byte[] body = encode(SERVER);
        int statusOffset = 1 + 1 + 8 + 1 + 4 + 16;
        body[statusOffset] = 3;
        Expect.error(ErrorCode.TRN_003, "unknown status: 0x03", () -> ServerHello.decode(body));
        body[statusOffset] = 2;
        assertEquals(Status.NOT_FOUND, ServerHello.decode(body).status());
    }

    @Test
    void aServerHelloCompressionByteMustBeKnown() {
        byte[] body = encode(SERVER);
        body[10] = 5;
        Expect.error(ErrorCode.TRN_015, () -> ServerHello.decode(body));
    }

    @Test
    void aServerHelloPresenceByteOtherThanZeroOrOneIsCorrupted() {
        byte[] body = encode(SERVER);
        body[body.length - 2] = 2;
        Expect.error(ErrorCode.TRN_008, () -> ServerHello.decode(body));
    }

    @Test
    void aServerHelloWithTrailingBytesIsCorrupted() {
        Expect.error(ErrorCode.TRN_008, () -> ServerHello.decode(Hex.concat(encode(SERVER), new byte[] {0})));
    }

    @Test
    void aRejectionCarriesItsThreeStringsAndRoundTrips() {
        ServerHello rejection = Negotiation.rejection();
        assertEquals(rejection, ServerHello.decode(encode(rejection)));
        assertEquals(Optional.of("TRN-014"), rejection.errorCode());
    }

    @Test
    void helloStringsLongerThanTheirPrefixCannotBeEncoded() {
        ClientHello longName = new ClientHello(2, "x".repeat(65_536), "0.9.0", 0, Compression.NONE, 0, false);
        Expect.error(ErrorCode.TRN_008, () -> encode(longName));
    }
}

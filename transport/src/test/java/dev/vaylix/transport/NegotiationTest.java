package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vaylix.api.ErrorCode;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The server algorithm (§2.4), the rejection (§2.5) and the client's checks. */
class NegotiationTest {

    private static final UUID SERVER_ID = new UUID(7, 7);

    private static ClientHello client(long capabilities, Compression compression, long maxFrameLen) {
        return new ClientHello(2, "vaylix-client", "0.9.0", capabilities, compression, maxFrameLen, false);
    }

    private static Negotiation.Accepted accept(ClientHello hello, Negotiation.ServerOptions server) {
        return assertInstanceOf(Negotiation.Accepted.class, Negotiation.negotiate(hello, server, SERVER_ID));
    }

    @Test
    void zstdIsNegotiatedWhenServerAndClientWantItAndTheClientHasTheBit() {
        Negotiation.Accepted accepted = accept(client(Capabilities.ALL, Compression.ZSTD, Vtp2.MAX_FRAME_LEN),
                Negotiation.ServerOptions.DEFAULT);
        assertEquals(Compression.ZSTD, accepted.reply().compression());
        assertEquals(Capabilities.ALL, accepted.reply().acceptedCapabilities());
        assertEquals(new FrameSettings(Compression.ZSTD, 1024, Vtp2.MAX_FRAME_LEN, Vtp2.MAX_FRAME_LEN), accepted.settings());
        assertEquals(SERVER_ID, accepted.reply().serverId());
        assertEquals(Status.OK, accepted.reply().status());
        assertEquals(Optional.empty(), accepted.reply().errorCode());
    }

    @Test
    void withoutAnyOfTheThreeConditionsCompressionIsOffAndBitZeroCleared() {
        var noServerZstd = new Negotiation.ServerOptions(Compression.NONE, 0, Vtp2.MAX_FRAME_LEN);
        var accepted = accept(client(Capabilities.ALL, Compression.ZSTD, Vtp2.MAX_FRAME_LEN), noServerZstd);
        assertEquals(Compression.NONE, accepted.reply().compression());
        assertEquals(0x1E, accepted.reply().acceptedCapabilities());

        accepted = accept(client(Capabilities.ALL, Compression.NONE, Vtp2.MAX_FRAME_LEN), Negotiation.ServerOptions.DEFAULT);
        assertEquals(Compression.NONE, accepted.reply().compression());
        assertEquals(0x1E, accepted.reply().acceptedCapabilities());

        accepted = accept(client(0x1E, Compression.ZSTD, Vtp2.MAX_FRAME_LEN), Negotiation.ServerOptions.DEFAULT);
        assertEquals(Compression.NONE, accepted.reply().compression());
        assertEquals(Compression.NONE, accepted.settings().compression());
    }

    @Test
    void unknownCapabilityBitsAreDropped() {
        var accepted = accept(client(-1L, Compression.ZSTD, Vtp2.MAX_FRAME_LEN), Negotiation.ServerOptions.DEFAULT);
        assertEquals(Capabilities.ALL, accepted.reply().acceptedCapabilities());
    }

    @Property
    void theFrameLimitIsTheSmallestOfClientServerAndEightMebibytes(
            @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long clientMax,
            @ForAll @LongRange(min = 0, max = Vtp2.MAX_FRAME_LEN) long serverMax) {
        var server = new Negotiation.ServerOptions(Compression.ZSTD, 1024, (int) serverMax);
        var accepted = accept(client(Capabilities.ALL, Compression.ZSTD, clientMax), server);
        long expected = Math.min(clientMax, serverMax);
        assertEquals(expected, accepted.reply().maxFrameLen());
        assertEquals(expected, accepted.settings().maxFrameLen());
        assertEquals(expected, accepted.settings().maxDecompressedFrameLen());
    }

    @Test
    void aClientOfAnotherProtocolVersionGetsTheRejection() {
        var outcome = Negotiation.negotiate(new ClientHello(3, "x", "y", Capabilities.ALL, Compression.ZSTD, 1, true),
                Negotiation.ServerOptions.DEFAULT, SERVER_ID);
        var rejected = assertInstanceOf(Negotiation.Rejected.class, outcome);
        ServerHello hello = rejected.reply();
        assertEquals(Negotiation.NIL_UUID, hello.serverId());
        assertEquals(Status.ERROR, hello.status());
        assertEquals(0, hello.acceptedCapabilities());
        assertEquals(Vtp2.MAX_FRAME_LEN, hello.maxFrameLen());
        assertEquals(Optional.of("Protocol Negotiation Failed"), hello.errorName());
        assertEquals(Optional.of("protocol negotiation failed: unsupported protocol version"), hello.errorMessage());
    }

    @Test
    void theClientRefusesARejectionThenAWrongVersion() {
        Expect.error(ErrorCode.TRN_014, "protocol negotiation failed: server rejected startup",
                () -> Negotiation.clientSettings(Negotiation.rejection(), 0));
        ServerHello wrongVersion = new ServerHello(3, 0, Compression.NONE, 100, SERVER_ID, Status.OK,
                Optional.empty(), Optional.empty(), Optional.empty());
        Expect.error(ErrorCode.TRN_014, "protocol negotiation failed: unsupported server protocol version",
                () -> Negotiation.clientSettings(wrongVersion, 0));
        ServerHello rejectedAndWrong = new ServerHello(3, 0, Compression.NONE, 100, SERVER_ID, Status.ERROR,
                Optional.empty(), Optional.empty(), Optional.empty());
        Expect.error(ErrorCode.TRN_014, "protocol negotiation failed: server rejected startup",
                () -> Negotiation.clientSettings(rejectedAndWrong, 0));
    }

    @Test
    void theClientAdoptsTheAnnouncedCompressionAndLimit_clampedToEightMebibytes() {
        ServerHello hello = new ServerHello(2, 0x1F, Compression.ZSTD, 0xFFFF_FFFFL, SERVER_ID, Status.OK,
                Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(new FrameSettings(Compression.ZSTD, 1024, Vtp2.MAX_FRAME_LEN, Vtp2.MAX_FRAME_LEN),
                Negotiation.clientSettings(hello, 1024));
        ServerHello small = new ServerHello(2, 0, Compression.NONE, 4096, SERVER_ID, Status.OK,
                Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(new FrameSettings(Compression.NONE, 0, 4096, 4096), Negotiation.clientSettings(small, 0));
    }
}

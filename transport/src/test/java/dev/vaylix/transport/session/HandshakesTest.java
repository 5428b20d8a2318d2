package dev.vaylix.transport.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.transport.BodyReader;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Capabilities;
import dev.vaylix.transport.ClientHello;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.Expect;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.ServerHello;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.net.InMemoryTransport;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server side of startup (§2.2, §2.5) on a real connection. */
class HandshakesTest {

    private static final UUID SERVER_ID = new UUID(3, 4);

    private static CompletableFuture<Object> serverSide(InMemoryTransport.Pair pair) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(Handshakes.accept(pair.server(), Negotiation.ServerOptions.DEFAULT, SERVER_ID));
            } catch (VaylixException e) {
                result.complete(e);
            }
        });
        return result;
    }

    private static void sendHello(InMemoryTransport.Pair pair, int protocolVersion) {
        BodyWriter out = new BodyWriter();
        new ClientHello(protocolVersion, "vaylix-client", "0.9.0", Capabilities.ALL, Compression.ZSTD, Vtp2.MAX_FRAME_LEN,
                true).encode(out);
        pair.client().send(out);
        pair.client().flush();
    }

    @Test
    void aGoodHelloIsAnsweredAndBothSidesSwitchSettings() throws Exception {
        var pair = InMemoryTransport.pair();
        var result = serverSide(pair);
        ServerHello hello = Handshakes.connect(pair.client(), ClientOptions.defaults("t", "1"));
        var accepted = (Handshakes.ServerResult) ((java.util.Optional<?>) result.get(10, TimeUnit.SECONDS)).orElseThrow();
        assertEquals(SERVER_ID, hello.serverId());
        assertEquals(hello, accepted.serverHello());
        assertEquals("t", accepted.clientHello().clientName());
        assertEquals(accepted.settings(), pair.server().settings());
        assertEquals(Compression.ZSTD, pair.client().settings().compression());
    }

    @Test
    void anOldProtocolVersionGetsTheRejectionThenNegotiationFailure() throws Exception {
        var pair = InMemoryTransport.pair();
        var result = serverSide(pair);
        sendHello(pair, 1);
        ByteBuffer reply = pair.client().receive();
        assertEquals(Negotiation.rejection(), ServerHello.decode(new BodyReader().reset(reply)));
        VaylixException e = (VaylixException) result.get(10, TimeUnit.SECONDS);
        assertEquals(ErrorCode.TRN_014, e.code());
        assertEquals("protocol negotiation failed: unsupported protocol version", e.getMessage());
    }

    @Test
    void aFirstFrameThatIsNotAClientHelloIsAStateViolationAndGetsNoReply() throws Exception {
        var pair = InMemoryTransport.pair();
        var result = serverSide(pair);
        BodyWriter request = new BodyWriter().u8(0).uuid(new UUID(0, 1)).u8(0x02).u8(0); // a PING request
        pair.client().send(request);
        pair.client().flush();
        VaylixException e = (VaylixException) result.get(10, TimeUnit.SECONDS);
        assertEquals(ErrorCode.TRN_018, e.code());
        assertEquals("protocol state violation: expected client hello", e.getMessage());
        pair.server().close(); // what the server does on any startup error
        assertNull(pair.client().receive(), "no server hello was sent");
    }

    @Test
    void aCleanCloseBeforeTheHelloIsNotAnError() throws Exception {
        var pair = InMemoryTransport.pair();
        var result = serverSide(pair);
        pair.client().close();
        assertTrue(((java.util.Optional<?>) result.get(10, TimeUnit.SECONDS)).isEmpty());
    }

    @Test
    void aHelloTimeoutEndsTheWait() {
        var pair = InMemoryTransport.pair();
        pair.server().readTimeoutMs(30);
        VaylixException e = Expect.error(ErrorCode.TRN_013,
                () -> Handshakes.accept(pair.server(), Negotiation.ServerOptions.DEFAULT, SERVER_ID));
        assertTrue(dev.vaylix.transport.TransportErrors.isTimeout(e));
    }
}

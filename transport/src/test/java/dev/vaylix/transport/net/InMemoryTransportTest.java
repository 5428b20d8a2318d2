package dev.vaylix.transport.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Expect;
import dev.vaylix.transport.FrameSettings;
import dev.vaylix.transport.TransportErrors;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory transport behaves like a socket: frames, back-pressure, close and timeouts. */
class InMemoryTransportTest {

    private static BodyWriter body(byte[] content) {
        return new BodyWriter().raw(content, 0, content.length);
    }

    private static byte[] copy(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void framesTravelBothWays() {
        var pair = InMemoryTransport.pair();
        pair.client().send(body("ping".getBytes()));
        pair.client().flush();
        assertArrayEquals("ping".getBytes(), copy(pair.server().receive()));
        pair.server().send(body("pong".getBytes()));
        pair.server().flush();
        assertArrayEquals("pong".getBytes(), copy(pair.client().receive()));
    }

    @Test
    void aFrameLargerThanThePipeFlowsThroughWhileThePeerReads() throws Exception {
        var pair = InMemoryTransport.pair(1024);
        byte[] big = new byte[100_000];
        big[99_999] = 9;
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> copy(pair.server().receive()),
                r -> Thread.ofVirtual().start(r));
        pair.client().send(body(big));
        pair.client().flush();
        assertArrayEquals(big, received.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingOneEndIsACleanEndOfStreamForTheOther() {
        var pair = InMemoryTransport.pair();
        pair.client().send(body(new byte[] {1}));
        pair.client().flush();
        pair.client().close();
        assertArrayEquals(new byte[] {1}, copy(pair.server().receive()));
        assertNull(pair.server().receive());
        assertFalse(pair.client().isOpen());
        Expect.error(ErrorCode.TRN_013, () -> pair.client().send(body(new byte[] {2})));
    }

    @Test
    void closingUnblocksABlockedReceive() throws Exception {
        var pair = InMemoryTransport.pair();
        CompletableFuture<VaylixException> failure = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                pair.server().receive();
                failure.complete(null);
            } catch (VaylixException e) {
                failure.complete(e);
            }
        });
        pair.server().close();
        assertEquals(ErrorCode.TRN_013, failure.get(10, TimeUnit.SECONDS).code());
    }

    @Test
    void aReadTimeoutIsReportedAsATimeout() {
        var pair = InMemoryTransport.pair();
        pair.server().readTimeoutMs(20);
        VaylixException e = Expect.error(ErrorCode.TRN_013, () -> pair.server().receive());
        assertTrue(TransportErrors.isTimeout(e));
    }

    @Test
    void settingsApplyToBothDirections() {
        var pair = InMemoryTransport.pair();
        FrameSettings tiny = FrameSettings.negotiated(dev.vaylix.transport.Compression.NONE, 0, 3);
        pair.client().settings(tiny);
        assertEquals(tiny, pair.client().settings());
        Expect.error(ErrorCode.TRN_006, () -> pair.client().send(body(new byte[4])));
        pair.client().send(body(new byte[3])); // the failed send left the connection usable
        pair.client().flush();
        assertEquals(3, pair.server().receive().remaining());
    }

    @Test
    void aListenerHandsOutTheServerEndsAndStopsOnClose() throws Exception {
        var listener = InMemoryTransport.listen("test", 2);
        Connection client = listener.connector().connect();
        Connection server = listener.accept();
        client.send(body(new byte[] {7}));
        client.flush();
        assertArrayEquals(new byte[] {7}, copy(server.receive()));
        assertEquals("memory:test", listener.localAddress());

        listener.connector().connect();
        listener.connector().connect();
        Expect.error(ErrorCode.TRN_013, () -> listener.connector().connect()); // backlog of 2 is full

        CompletableFuture<VaylixException> accepted = new CompletableFuture<>();
        var emptyListener = InMemoryTransport.listen("empty", 1);
        Thread.ofVirtual().start(() -> {
            try {
                emptyListener.accept();
            } catch (VaylixException e) {
                accepted.complete(e);
            }
        });
        emptyListener.close();
        assertEquals(ErrorCode.SRV_002, accepted.get(10, TimeUnit.SECONDS).code());
        assertFalse(emptyListener.isOpen());
    }
}

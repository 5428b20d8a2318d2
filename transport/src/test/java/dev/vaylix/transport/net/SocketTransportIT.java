package dev.vaylix.transport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.Expect;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.session.AsyncClientSession;
import dev.vaylix.transport.session.ClientOptions;
import dev.vaylix.transport.session.ClientSession;
import dev.vaylix.transport.session.RequestIds;
import dev.vaylix.transport.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** VTP2 over real TCP sockets on 127.0.0.1. */
class SocketTransportIT {

    private final SocketListener listener = SocketTransport.listen(new InetSocketAddress("127.0.0.1", 0), 64);
    private final TestServer server = new TestServer(listener);
    private final ClientOptions options = ClientOptions.defaults("vaylix-client", "0.9.0");

    @AfterEach
    void stop() {
        server.close();
    }

    private Connector connector() {
        return SocketTransport.tcp("127.0.0.1", listener.port(), 5_000);
    }

    @Test
    void aClientTalksToTheServerOverTcp() {
        try (ClientSession session = ClientSession.open(connector().connect(), options, RequestIds.sequential(1))) {
            assertEquals(Reply.Data.utf8("PONG"), session.execute(new Command.Ping(Optional.empty())));
            assertEquals(Reply.Data.utf8("k"), session.execute(new Command.Get(Key.of("k"))));
            assertTrue(session.connection().peerAddress().startsWith("127.0.0.1:"));
            assertTrue(session.connection().tlsSession().isEmpty());
        }
    }

    @Test
    void aThousandPipelinedRequestsComeBackInOrder() {
        try (ClientSession session = ClientSession.open(connector().connect(), options, RequestIds.sequential(2))) {
            List<Command> commands = new ArrayList<>();
            List<Reply> expected = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                commands.add(new Command.Get(Key.of("key:" + i)));
                expected.add(Reply.Data.utf8("key:" + i));
            }
            assertEquals(expected, session.executeAll(commands));
        }
    }

    @Test
    void asyncSessionsPipelineFromManyThreads() throws Exception {
        try (AsyncClientSession session = AsyncClientSession.open(connector().connect(), options,
                RequestIds.sequential(3), 128, Thread.ofVirtual().factory())) {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                replies.add(session.submit(new Command.Incr(Key.of("x".repeat(i % 40)))));
            }
            for (int i = 0; i < replies.size(); i++) {
                assertEquals(new Reply.Int(i % 40), replies.get(i).get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void largeValuesTravelCompressedBothWays() {
        try (ClientSession session = ClientSession.open(connector().connect(), options.withCompressionThresholdBytes(0),
                RequestIds.sequential(4))) {
            String big = "0123456789abcdef".repeat(200_000); // 3.2 MB of text, well under 8 MiB compressed or not
            assertEquals(Reply.Data.utf8(big), session.execute(new Command.Ping(Optional.of(big))));
        }
    }

    @Test
    void garbageFromOneClientDoesNotDisturbAnother() throws Exception {
        try (ClientSession healthy = ClientSession.open(connector().connect(), options, RequestIds.sequential(5));
             Socket attacker = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = attacker.getOutputStream();
            out.write("GET / HTTP/1.1\r\n\r\n".getBytes());
            out.flush();
            InputStream in = attacker.getInputStream();
            attacker.setSoTimeout(10_000);
            assertEquals(-1, in.read(), "the server closes the connection without answering");
            assertEquals(Reply.Data.utf8("PONG"), healthy.execute(new Command.Ping(Optional.empty())));
            waitFor(() -> !server.errors().isEmpty());
            assertEquals(ErrorCode.TRN_001, server.errors().peek().code());
        }
    }

    @Test
    void aClientThatStopsMidFrameDoesNotHoldUpOthers() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", listener.port())) {
            stalled.getOutputStream().write(ByteBuffer.allocate(8).putInt(Vtp2.MAGIC).put((byte) 2).array());
            stalled.getOutputStream().flush();
            try (ClientSession healthy = ClientSession.open(connector().connect(), options, RequestIds.sequential(6))) {
                assertEquals(Reply.Data.utf8("PONG"), healthy.execute(new Command.Ping(Optional.empty())));
            }
        }
    }

    @Test
    void connectingToAClosedPortIsAnIoFailure() {
        int port = listener.port();
        server.close();
        Expect.error(ErrorCode.TRN_013, () -> SocketTransport.tcp("127.0.0.1", port, 2_000).connect());
    }

    @Test
    void bindingATakenPortIsABindFailure() {
        Expect.error(ErrorCode.SRV_001, () -> SocketTransport.listen(new InetSocketAddress("127.0.0.1", listener.port()), 1));
    }

    @Test
    void aClosedListenerStopsAccepting() {
        SocketListener other = SocketTransport.listen(new InetSocketAddress("127.0.0.1", 0), 1);
        other.close();
        Expect.error(ErrorCode.SRV_002, "failed to accept client connection: listener closed", other::accept);
    }

    @Test
    void aPeerThatClosesBetweenFramesIsACleanEnd() {
        Connection client = connector().connect();
        client.close();
        SocketListener direct = SocketTransport.listen(new InetSocketAddress("127.0.0.1", 0), 1);
        try (direct) {
            Connection outgoing = SocketTransport.tcp("127.0.0.1", direct.port(), 2_000).connect();
            Connection incoming = direct.accept();
            outgoing.close();
            assertNull(incoming.receive());
            incoming.close();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}

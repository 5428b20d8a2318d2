package dev.vaylix.transport.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Capabilities;
import dev.vaylix.transport.ClientHello;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.Expect;
import dev.vaylix.transport.FrameSettings;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.ReplicationOpcode;
import dev.vaylix.transport.ReplicationRequest;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestEnvelope;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.InMemoryTransport;
import dev.vaylix.transport.testing.TestServer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The synchronous client over the in-memory transport against the test server. */
class ClientSessionTest {

    private final InMemoryTransport.InMemoryListener listener = InMemoryTransport.listen("session", 16);
    private final TestServer server = new TestServer(listener);
    private final ClientOptions options = ClientOptions.defaults("vaylix-client", "0.9.0");

    @AfterEach
    void stop() {
        server.close();
    }

    private ClientSession open(ClientOptions clientOptions) {
        return ClientSession.open(listener.connector().connect(), clientOptions, RequestIds.sequential(42));
    }

    @Test
    void theHelloNegotiatesAndRequestsGetTheirReplies() {
        try (ClientSession session = open(options)) {
            assertEquals(Compression.ZSTD, session.serverHello().compression());
            assertEquals(Capabilities.ALL, session.serverHello().acceptedCapabilities());
            assertEquals(FrameSettings.negotiated(Compression.ZSTD, 1024, 8 * 1024 * 1024), session.connection().settings());
            assertEquals(Reply.Data.utf8("PONG"), session.execute(new Command.Ping(Optional.empty())));
            assertEquals(Reply.Data.utf8("k"), session.execute(new Command.Get(Key.of("k"))));
            assertEquals(Reply.NOT_FOUND, session.execute(new Command.Get(Key.of("missing"))));
            assertEquals(Reply.Error.of(ErrorCode.SRV_008), session.execute(new Command.Auth("u", "wrong")));
            assertEquals(Reply.OK, session.execute(new Command.Auth("u", "right")));
        }
    }

    @Test
    void withoutCompressionBothSidesSendPlainFrames() {
        try (ClientSession session = open(options.withCompression(Compression.NONE))) {
            assertEquals(Compression.NONE, session.serverHello().compression());
            assertEquals(0x1E, session.serverHello().acceptedCapabilities());
            String big = "x".repeat(10_000);
            assertEquals(Reply.Data.utf8(big), session.execute(new Command.Ping(Optional.of(big))));
        }
    }

    @Test
    void largeRequestsAndRepliesAreCompressedAndStillRoundTrip() {
        try (ClientSession session = open(options.withCompressionThresholdBytes(0))) {
            String big = "value ".repeat(50_000);
            assertEquals(Reply.Data.utf8(big), session.execute(new Command.Ping(Optional.of(big))));
        }
    }

    @Test
    void aPipelinedBatchGetsEveryReplyInOrder_evenBeyondTheWindow() {
        try (ClientSession session = open(options)) {
            List<Command> commands = new ArrayList<>();
            List<Reply> expected = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                String key = "key-" + i + "-" + "p".repeat(i % 50);
                commands.add(new Command.Get(Key.of(key)));
                expected.add(Reply.Data.utf8(key));
            }
            assertEquals(expected, session.executeAll(commands));
            assertEquals(Reply.Data.utf8("PONG"), session.execute(new Command.Ping(Optional.empty())));
        }
    }

    @Test
    void aBatchWithACommandThatCannotBeEncodedLeavesTheSessionInStep() {
        try (ClientSession session = open(options)) {
            List<Command> commands = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                commands.add(new Command.Get(Key.of("k" + i)));
            }
            commands.add(new Command.Get(Key.of("x".repeat(70_000))));
            Expect.error(ErrorCode.TRN_008, () -> session.executeAll(commands));
            assertEquals(Reply.Data.utf8("after"), session.execute(new Command.Get(Key.of("after"))));
        }
    }

    @Test
    void replicationRequestsGetRawReplies() {
        try (ClientSession session = open(options)) {
            var request = new ReplicationRequest(ReplicationOpcode.APPEND, dev.vaylix.api.Bytes.utf8("{\"term\":3}"));
            assertEquals(new Reply.Data(request.payload()), session.replicate(request));
        }
    }

    @Test
    void aResponseForAnotherRequestIsAnIdMismatch() {
        var pair = InMemoryTransport.pair();
        Thread.ofVirtual().start(() -> answerWithWrongIds(pair.server()));
        try (ClientSession session = ClientSession.open(pair.client(), options, RequestIds.sequential(1))) {
            Expect.error(ErrorCode.CLI_006, () -> session.execute(new Command.Ping(Optional.empty())));
        }
    }

    @Test
    void aServerThatClosesInsteadOfAnsweringIsUnexpectedEnd() {
        var pair = InMemoryTransport.pair();
        Thread.ofVirtual().start(() -> {
            pair.server().receive();
            pair.server().close();
        });
        Expect.error(ErrorCode.TRN_007, () -> ClientSession.open(pair.client(), options, RequestIds.sequential(1)));
    }

    @Test
    void aRejectedHelloIsNegotiationFailure() {
        var pair = InMemoryTransport.pair();
        Thread.ofVirtual().start(() -> {
            pair.server().receive();
            BodyWriter out = new BodyWriter();
            Negotiation.rejection().encode(out);
            pair.server().send(out);
            pair.server().flush();
        });
        Expect.error(ErrorCode.TRN_014, "protocol negotiation failed: server rejected startup",
                () -> ClientSession.open(pair.client(), options, RequestIds.sequential(1)));
        assertEquals(false, pair.client().isOpen());
    }

    @Test
    void uuidV7IdsCarryTheClockAndNeverRepeat() {
        RequestIds ids = RequestIds.uuidV7(new dev.vaylix.api.Clock() {
            @Override
            public long wallTimeMs() {
                return 0x01912d3c7a4eL;
            }

            @Override
            public long monotonicNanos() {
                return 0;
            }
        });
        UUID first = ids.next();
        UUID second = ids.next();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertEquals(0x01912d3c7a4eL, first.getMostSignificantBits() >>> 16);
        assertEquals(false, first.equals(second));
    }

    /** Answers the hello properly, then every request with a response carrying a wrong id. */
    private static void answerWithWrongIds(Connection connection) {
        ByteBuffer hello = connection.receive();
        var outcome = Negotiation.negotiate(ClientHello.decode(new dev.vaylix.transport.BodyReader().reset(hello)),
                Negotiation.ServerOptions.DEFAULT, new UUID(0, 0));
        BodyWriter out = new BodyWriter();
        outcome.reply().encode(out);
        connection.send(out);
        connection.flush();
        connection.settings(((Negotiation.Accepted) outcome).settings());
        ByteBuffer body;
        while ((body = connection.receive()) != null) {
            RequestEnvelope envelope = RequestCodec.decodeEnvelope(body);
            assertEquals(false, envelope.requestId().equals(new UUID(9, 9)));
            ResponseCodec.encode(out, new UUID(9, 9), Reply.Data.utf8("PONG"));
            connection.send(out);
            connection.flush();
        }
    }
}

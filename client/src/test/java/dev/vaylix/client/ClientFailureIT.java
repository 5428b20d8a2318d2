package dev.vaylix.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.testing.FakeServerExtension;
import dev.vaylix.client.testing.FakeVaylixServer;
import dev.vaylix.client.testing.FakeVaylixServer.Action;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the client classifies failures: definite, outcome unknown, timeouts, refused transactions. */
class ClientFailureIT {

    @RegisterExtension
    final FakeServerExtension fake = FakeServerExtension.perTest();

    private FakeVaylixServer server;
    private VaylixClient client;

    @BeforeEach
    void start() {
        server = fake.server();
        client = VaylixClient.connect(config().build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private ClientConfig.Builder config() {
        return server.clientConfig();
    }

    private static boolean isSetOf(Command command, String key) {
        return command instanceof Command.Set set && set.key().text().equals(key);
    }

    @Test
    void aWriteWhoseConnectionDiesBeforeTheReplyHasAnUnknownOutcome() {
        server.intercept(command -> isSetOf(command, "k") ? new Action.Drop() : null);
        OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class, () -> client.set("k", "v"));
        assertEquals(ErrorCode.TRN_013, unknown.code());
        assertFalse(client.isOpen());
    }

    @Test
    void aReadWhoseConnectionDiesIsADefiniteTransportFailure() {
        server.intercept(command -> command instanceof Command.Get ? new Action.Drop() : null);
        VaylixException failure = assertThrows(VaylixException.class, () -> client.get("k"));
        assertEquals(ErrorCode.TRN_013, failure.code());
        VaylixException later = assertThrows(VaylixException.class, () -> client.set("k", "v"),
                "a write on a connection already known dead was never sent: definite");
        assertEquals(ErrorCode.TRN_013, later.code());
    }

    @Test
    void replicationAcknowledgementTimeoutIsAnUnknownOutcomeButARawReply() {
        Reply.Error timeout = Reply.Error.of(ErrorCode.SRV_035, 7L, "majority");
        server.intercept(command -> command instanceof Command.Set ? new Action.Answer(timeout) : null);
        OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class, () -> client.set("k", "v"));
        assertEquals(ErrorCode.SRV_035, unknown.code());
        assertEquals(timeout.message(), unknown.reason().getMessage());
        assertEquals(timeout, client.execute(Command.Set.of(Key.of("k"), Bytes.utf8("v"))));
        assertTrue(client.isOpen(), "an error reply does not break the connection");
    }

    @Test
    void aReadThatTimesOutIsDefiniteAndTheConnectionStaysInStep() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.intercept(command -> command instanceof Command.Get get && get.key().text().equals("slow")
                ? new Action.Hold(release) : null);
        try (VaylixClient impatient = VaylixClient.connect(config().requestTimeoutMs(100).build())) {
            VaylixException timeout = assertThrows(VaylixException.class, () -> impatient.get("slow"));
            assertEquals(ErrorCode.TRN_016, timeout.code());
            release.countDown();
            // The follow-up waits without the 100 ms bound (async calls have none): on a busy machine a healthy
            // reply can take longer than that, and only the held GET is meant to time out.
            impatient.callAsync(Requests.set("after", "1")).get(30, TimeUnit.SECONDS);
            assertEquals(Optional.of(Bytes.utf8("1")), impatient.callAsync(Requests.get("after")).get(30, TimeUnit.SECONDS),
                    "the late reply was matched and discarded");
        }
    }

    @Test
    void aWriteThatTimesOutHasAnUnknownOutcome() {
        CountDownLatch release = new CountDownLatch(1);
        server.intercept(command -> isSetOf(command, "slow") ? new Action.Hold(release) : null);
        try (VaylixClient impatient = VaylixClient.connect(config().requestTimeoutMs(100).build())) {
            OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class, () -> impatient.set("slow", "v"));
            assertEquals(ErrorCode.TRN_016, unknown.code());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRequestThatCannotBeEncodedIsDefiniteAndSendsNothing() {
        String hugeKey = "k".repeat(70_000); // longer than a str16 can carry
        int before = server.requestsReceived();
        VaylixException failure = assertThrows(VaylixException.class, () -> client.set(hugeKey, "v"));
        assertEquals(ErrorCode.TRN_008, failure.code());
        assertTrue(client.isOpen());
        assertEquals("PONG", client.ping());
        assertEquals(before + 1, server.requestsReceived(), "only the PING reached the server");
    }

    @Test
    void asyncFailuresCarryTheSameClassification() {
        server.intercept(command -> command instanceof Command.Incr ? new Action.Drop() : null);
        CompletableFuture<Long> future = client.callAsync(Requests.incr("n"));
        ExecutionException failure = assertThrows(ExecutionException.class, future::get);
        assertInstanceOf(OutcomeUnknownException.class, failure.getCause());
    }

    @Test
    void anUnknownErrorCodeIsReportedVerbatim() {
        Reply.Error future = new Reply.Error("SRV-099", "Something New", "a newer server said no");
        server.intercept(command -> command instanceof Command.Get ? new Action.Answer(future) : null);
        UnrecognizedErrorException failure = assertThrows(UnrecognizedErrorException.class, () -> client.get("k"));
        assertEquals("SRV-099", failure.code());
        assertEquals("Something New", failure.name());
        assertEquals("a newer server said no", failure.serverMessage());
    }

    @Test
    void aTransactionWithARefusedCommandIsDiscardedWhole() {
        Reply.Error denied = Reply.Error.of(ErrorCode.SRV_017);
        server.intercept(command -> isSetOf(command, "forbidden") ? new Action.Answer(denied) : null);
        Transaction tx = client.multi();
        Response<Void> allowed = tx.add(Requests.set("allowed", "1"));
        tx.add(Requests.set("forbidden", "2"));
        TransactionAbortedException aborted = assertThrows(TransactionAbortedException.class, tx::exec);
        assertEquals(List.of(new TransactionAbortedException.Refusal(1, denied)), aborted.refusals());
        assertThrows(TransactionAbortedException.class, allowed::get);
        assertEquals(Optional.empty(), server.store().value("allowed"), "nothing was applied");
        client.set("after", "x");
        assertEquals(Optional.of(Bytes.utf8("x")), server.store().value("after"), "DISCARD left MULTI: writes apply again");
    }

    @Test
    void aTransactionWhoseExecIsLostHasAnUnknownOutcome() {
        server.intercept(command -> command instanceof Command.Exec ? new Action.Drop() : null);
        Transaction tx = client.multi();
        Response<Void> write = tx.add(Requests.set("k", "v"));
        assertThrows(OutcomeUnknownException.class, tx::exec);
        assertThrows(OutcomeUnknownException.class, write::get);
    }

    @Test
    void aTransactionRefusedAtMultiLeavesTheConnectionUsable() {
        server.intercept(command -> command instanceof Command.Multi
                ? new Action.Answer(Reply.Error.of(ErrorCode.SRV_033)) : null);
        Transaction tx = client.multi();
        tx.add(Requests.set("k", "v"));
        VaylixException refused = assertThrows(VaylixException.class, tx::exec);
        assertEquals(ErrorCode.SRV_033, refused.code());
        assertTrue(client.isOpen());
        assertEquals(Optional.empty(), server.store().value("k"));
    }

    @Test
    void anEmptyTransactionSendsNothing() {
        int before = server.requestsReceived();
        client.multi().exec();
        assertEquals(before, server.requestsReceived());
    }

    @Test
    void connectingToAClosedPortIsATransportFailure() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int closedPort = port;
        VaylixException failure = assertThrows(VaylixException.class,
                () -> VaylixClient.connect(config().port(closedPort).build()));
        assertEquals(ErrorCode.TRN_013, failure.code());
    }

    @Test
    void localCommandsAreRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> client.execute(new Command.Help()));
        assertThrows(IllegalArgumentException.class, () -> new Request<>(new Command.Exit(), reply -> reply));
    }
}

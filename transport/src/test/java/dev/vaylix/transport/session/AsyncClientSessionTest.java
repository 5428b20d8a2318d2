package dev.vaylix.transport.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.ReplicationOpcode;
import dev.vaylix.transport.ReplicationRequest;
import dev.vaylix.transport.net.InMemoryTransport;
import dev.vaylix.transport.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous client: many submitters, one reader, replies matched to their requests. */
class AsyncClientSessionTest {

    private final InMemoryTransport.InMemoryListener listener = InMemoryTransport.listen("async", 16);
    private final TestServer server = new TestServer(listener);

    @AfterEach
    void stop() {
        server.close();
    }

    private AsyncClientSession open(int maxInFlight) {
        return AsyncClientSession.open(listener.connector().connect(), ClientOptions.defaults("vaylix-client", "0.9.0"),
                RequestIds.sequential(7), maxInFlight, Thread.ofVirtual().factory());
    }

    @Test
    void concurrentSubmittersEachGetTheirOwnReply() throws Exception {
        try (AsyncClientSession session = open(64)) {
            List<Thread> submitters = new ArrayList<>();
            List<CompletableFuture<Boolean>> checks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                CompletableFuture<Boolean> check = new CompletableFuture<>();
                checks.add(check);
                submitters.add(Thread.ofVirtual().start(() -> {
                    List<CompletableFuture<Reply>> replies = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        replies.add(session.submit(new Command.Get(Key.of("t" + thread + "-" + i))));
                    }
                    boolean allMatch = true;
                    for (int i = 0; i < 100; i++) {
                        allMatch &= replies.get(i).join().equals(Reply.Data.utf8("t" + thread + "-" + i));
                    }
                    check.complete(allMatch);
                }));
            }
            for (CompletableFuture<Boolean> check : checks) {
                assertEquals(true, check.get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void replicationAndCommandsShareTheConnection() throws Exception {
        try (AsyncClientSession session = open(4)) {
            var vote = session.submit(new ReplicationRequest(ReplicationOpcode.VOTE, Bytes.utf8("{\"term\":1}")));
            var incr = session.submit(new Command.Incr(Key.of("abc")));
            assertEquals(new Reply.Data(Bytes.utf8("{\"term\":1}")), vote.get(10, TimeUnit.SECONDS));
            assertEquals(new Reply.Int(3), incr.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRequestThatCannotBeEncodedFailsAloneAndTheSessionGoesOn() throws Exception {
        try (AsyncClientSession session = open(4)) {
            var bad = session.submit(new Command.Get(Key.of("x".repeat(70_000))));
            var help = session.submit(new Command.Help());
            var good = session.submit(new Command.Ping(Optional.of("still here")));
            assertEquals(ErrorCode.TRN_008, cause(bad).code());
            assertEquals(ErrorCode.TRN_004, cause(help).code());
            assertEquals(Reply.Data.utf8("still here"), good.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingFailsWhatIsUnansweredAndEverythingAfter() throws Exception {
        AsyncClientSession session = open(4);
        assertEquals(Reply.Data.utf8("PONG"), session.submit(new Command.Ping(Optional.empty())).get(10, TimeUnit.SECONDS));
        session.close();
        assertFalse(session.isOpen());
        assertEquals(ErrorCode.TRN_013, cause(session.submit(new Command.Ping(Optional.empty()))).code());
    }

    @Test
    void aServerThatGoesAwayFailsTheSession() throws Exception {
        AsyncClientSession session = open(4);
        assertEquals(Reply.OK, session.submit(new Command.Multi()).get(10, TimeUnit.SECONDS));
        server.close();
        VaylixException failure = cause(session.submit(new Command.Ping(Optional.empty())));
        assertEquals(ErrorCode.TRN_013, failure.code());
        assertFalse(session.isOpen());
    }

    private static VaylixException cause(CompletableFuture<Reply> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(VaylixException.class, e.getCause());
    }
}

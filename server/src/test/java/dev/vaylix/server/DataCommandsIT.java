package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.assertError;
import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.SharedServer;
import dev.vaylix.server.testing.Wire;
import dev.vaylix.transport.RequestMetadata;
import dev.vaylix.transport.session.ClientSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every key/value and transaction command of COMMANDS.md §3.2 and §9, end to end through a real server. */
class DataCommandsIT {

    private ClientSession session;

    @BeforeEach
    void connect() {
        ServerProcess server = SharedServer.get();
        session = server.connect("vaylix", "vaylix");
    }

    @AfterEach
    void disconnect() {
        session.close();
    }

    @Test
    void pingAnswersPongOrTheMessage() {
        assertEquals(text("PONG"), run(session, "ping"));
        assertEquals(text("hello there"), run(session, "ping \"hello there\""));
    }

    @Test
    void setWithEveryOptionFollowsItsReplyRules() {
        assertEquals(Reply.OK, run(session, "set d:s v1"));
        assertEquals(Reply.FALSE, run(session, "set d:s v2 nx"));
        assertEquals(Reply.TRUE, run(session, "set d:s v2 xx"));
        assertEquals(Reply.FALSE, run(session, "set d:missing v xx"));
        assertEquals(text("v2"), run(session, "set d:s v3 get"));
        assertEquals(Reply.NOT_FOUND, run(session, "set d:fresh v get"));
        // Versions: v1 -> 1, v2 -> 2, v3 -> 3.
        assertEquals(Reply.FALSE, run(session, "set d:s v4 if version 2"));
        assertEquals(Reply.TRUE, run(session, "set d:s v4 if version 3"));
        assertEquals(Reply.FALSE, run(session, "set d:nothing v if version 0"));
        assertEquals(Reply.OK, run(session, "set d:s v5 ex 100"));
        assertEquals(new Reply.Int(100), run(session, "ttl d:s"));
        assertEquals(Reply.OK, run(session, "set d:s v6 keepttl"));
        assertEquals(new Reply.Int(100), run(session, "ttl d:s"));
        assertEquals(Reply.OK, run(session, "set d:s v7"));
        assertEquals(new Reply.Int(-1), run(session, "ttl d:s"));
        assertEquals(Reply.OK, run(session, "set d:s v8 px 0"));
        assertEquals(Reply.NOT_FOUND, run(session, "get d:s"), "PX 0 deletes the key in the same entry");
    }

    @Test
    void binaryValuesRoundTrip() {
        Bytes value = Bytes.of((byte) 0, (byte) 0xff, (byte) 0x80, (byte) '\n');
        assertEquals(Reply.OK, session.execute(Command.Set.of(Key.of("d:bin"), value)));
        assertEquals(new Reply.Data(value), run(session, "get d:bin"));
    }

    @Test
    void readAndDeleteCommands() {
        assertEquals(Reply.TRUE, run(session, "setnx d:a 1"));
        assertEquals(Reply.FALSE, run(session, "setnx d:a 2"));
        assertEquals(text("1"), run(session, "get d:a"));
        assertEquals(Reply.TRUE, run(session, "exists d:a"));
        assertEquals(text("1"), run(session, "getdel d:a"));
        assertEquals(Reply.FALSE, run(session, "exists d:a"));
        assertEquals(Reply.NOT_FOUND, run(session, "getdel d:a"));
        assertEquals(Reply.NOT_FOUND, run(session, "get d:a"));
        assertEquals(Reply.OK, run(session, "mset d:m1 x d:m2 y"));
        assertEquals(new Reply.Values(List.of(Optional.of(Bytes.utf8("x")), Optional.empty(), Optional.of(Bytes.utf8("y")))),
                run(session, "mget d:m1 d:none d:m2"));
        assertEquals(new Reply.Count(2), run(session, "del d:m1 d:m2 d:m1 d:none"));
    }

    @Test
    void expiryCommands() {
        assertEquals(Reply.OK, run(session, "set d:e v"));
        assertEquals(text("v"), run(session, "getex d:e"));
        assertEquals(text("v"), run(session, "getex d:e ex 50"));
        assertEquals(new Reply.Int(50), run(session, "ttl d:e"));
        assertEquals(text("v"), run(session, "getex d:e persist"));
        assertEquals(new Reply.Int(-1), run(session, "ttl d:e"));
        assertEquals(Reply.TRUE, run(session, "expire d:e 30"));
        assertEquals(new Reply.Int(30), run(session, "ttl d:e"));
        assertEquals(Reply.TRUE, run(session, "persist d:e"));
        assertEquals(Reply.FALSE, run(session, "persist d:e"));
        assertEquals(Reply.FALSE, run(session, "expire d:gone 30"));
        assertEquals(new Reply.Int(-2), run(session, "ttl d:gone"));
        assertEquals(Reply.TRUE, run(session, "expire d:e 0"));
        assertEquals(Reply.NOT_FOUND, run(session, "get d:e"));
    }

    @Test
    void countersAndTheirErrors() {
        assertEquals(new Reply.Int(1), run(session, "incr d:n"));
        assertEquals(new Reply.Int(2), run(session, "incr d:n"));
        assertEquals(new Reply.Int(1), run(session, "decr d:n"));
        assertEquals(Reply.OK, run(session, "set d:text hello"));
        Reply.Error error = assertError(ErrorCode.ENG_015, run(session, "incr d:text"));
        assertEquals("engine failure: value for key 'd:text' is not a valid integer: hello", error.message());
        assertEquals(Reply.OK, run(session, "set d:max 9223372036854775807"));
        assertError(ErrorCode.ENG_016, run(session, "incr d:max"));
    }

    @Test
    void renameMovesTheValueAndItsTtl() {
        assertEquals(Reply.OK, run(session, "set d:src v ex 100"));
        assertEquals(Reply.TRUE, run(session, "rename d:src d:dst"));
        assertEquals(text("v"), run(session, "get d:dst"));
        assertEquals(new Reply.Int(100), run(session, "ttl d:dst"));
        assertEquals(Reply.FALSE, run(session, "rename d:src d:dst"));
        assertEquals(Reply.OK, run(session, "set d:other w"));
        assertEquals(Reply.FALSE, run(session, "renamenx d:dst d:other"));
        assertEquals(Reply.TRUE, run(session, "renamenx d:dst d:third"));
    }

    @Test
    void scanWalksMatchingKeysByPosition() {
        for (String suffix : List.of("a", "b", "c", "d", "e")) {
            assertEquals(Reply.OK, run(session, "set d:scan:" + suffix + " 1"));
        }
        Reply.ScanPage first = assertInstanceOf(Reply.ScanPage.class, run(session, "scan 0 match d:scan:* count 2"));
        assertEquals(2, first.nextCursor());
        assertEquals(List.of(Key.of("d:scan:a"), Key.of("d:scan:b")), first.keys());
        Reply.ScanPage last = assertInstanceOf(Reply.ScanPage.class, run(session, "scan 4 match d:scan:* count 2"));
        assertEquals(0, last.nextCursor());
        assertEquals(List.of(Key.of("d:scan:e")), last.keys());
        assertEquals(new Reply.ScanPage(0, List.of(Key.of("d:scan:a"), Key.of("d:scan:b"), Key.of("d:scan:c"), Key.of("d:scan:d"),
                Key.of("d:scan:e"))), run(session, "scan 0 match d:scan:? count 10"));
    }

    @Test
    void clearEmptiesTheKeyspaceAndCountsFollow() {
        assertEquals(Reply.OK, run(session, "mset d:c1 1 d:c2 2"));
        Reply.Count before = assertInstanceOf(Reply.Count.class, run(session, "dbsize"));
        assertTrue(before.value() >= 2);
        assertEquals(before, run(session, "count"));
        assertTrue(entries(run(session, "list")).containsKey("d:c1"));
        assertEquals(Reply.OK, run(session, "flushdb"));
        assertEquals(new Reply.Count(0), run(session, "dbsize"));
        assertEquals(new Reply.Entries(List.of()), run(session, "list"));
    }

    @Test
    void transactionsQueueAndApplyAtomically() {
        assertEquals(Reply.OK, run(session, "multi"));
        assertEquals(Reply.QUEUED, run(session, "set d:tx 1"));
        assertEquals(Reply.QUEUED, run(session, "incr d:tx"));
        assertEquals(Reply.QUEUED, run(session, "get d:tx"));
        assertError(ErrorCode.SRV_014, run(session, "multi"));
        assertError(ErrorCode.SRV_016, run(session, "save")); // not queueable; the transaction stays open
        assertEquals(new Reply.ExecResults(List.of(Reply.OK, new Reply.Int(2), text("2"))), run(session, "exec"));
        assertError(ErrorCode.SRV_015, run(session, "exec"));
        assertError(ErrorCode.SRV_015, run(session, "discard"));

        assertEquals(Reply.OK, run(session, "multi"));
        assertEquals(Reply.QUEUED, run(session, "set d:tx2 text"));
        assertEquals(Reply.QUEUED, run(session, "incr d:tx2"));
        assertError(ErrorCode.ENG_015, run(session, "exec"));
        assertEquals(Reply.NOT_FOUND, run(session, "get d:tx2"), "a failed EXEC applies nothing");

        assertEquals(Reply.OK, run(session, "multi"));
        assertEquals(Reply.QUEUED, run(session, "set d:tx3 1"));
        assertEquals(Reply.OK, run(session, "discard"));
        assertEquals(Reply.NOT_FOUND, run(session, "get d:tx3"));

        assertEquals(Reply.OK, run(session, "multi"));
        assertEquals(new Reply.ExecResults(List.of()), run(session, "exec"));
    }

    @Test
    void aTransactionRefusesPipelinedRequestsAndAFullQueue() {
        assertEquals(Reply.OK, run(session, "multi"));
        RequestMetadata sequenced = new RequestMetadata(OptionalLong.empty(), Optional.empty(), OptionalLong.of(7));
        Reply.Error error = assertError(ErrorCode.TRN_018, session.execute(Wire.command("get d:x"), sequenced));
        assertEquals("protocol state violation: pipelined requests are not supported inside transactions", error.message());
        List<String> queue = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            queue.add("incr d:q");
        }
        for (Reply reply : Wire.pipeline(session, queue)) {
            assertEquals(Reply.QUEUED, reply);
        }
        assertError(ErrorCode.SRV_013, run(session, "incr d:q")); // --max-transaction-queue-len 128 admits 128
        Reply.ExecResults results = assertInstanceOf(Reply.ExecResults.class, run(session, "exec"));
        assertEquals(128, results.results().size());
        assertEquals(new Reply.Int(128), results.results().getLast());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndSeeEarlierWrites() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("set d:p:" + (i % 10) + " " + i);
            lines.add("get d:p:" + (i % 10));
            lines.add("incr d:p:counter");
        }
        List<Reply> replies = Wire.pipeline(session, lines);
        for (int i = 0; i < 200; i++) {
            assertEquals(Reply.OK, replies.get(3 * i));
            assertEquals(text(Integer.toString(i)), replies.get(3 * i + 1), "a read sees the connection's earlier write");
            assertEquals(new Reply.Int(i + 1), replies.get(3 * i + 2));
        }
    }

    @Test
    void quotasAndDeadlinesAreErrorRepliesOnAUsableConnection() {
        assertError(ErrorCode.SRV_013, run(session, "get " + "k".repeat(1025)));
        StringBuilder mget = new StringBuilder("mget");
        for (int i = 0; i < 257; i++) {
            mget.append(" k").append(i);
        }
        assertError(ErrorCode.SRV_013, run(session, mget.toString()));
        assertError(ErrorCode.SRV_013, session.execute(Command.Set.of(Key.of("d:big"), Bytes.wrapUnsafe(new byte[262_145]))));
        RequestMetadata expired = new RequestMetadata(OptionalLong.of(0), Optional.empty(), OptionalLong.empty());
        Reply.Error error = assertError(ErrorCode.TRN_016, session.execute(Wire.command("get d:x"), expired));
        assertEquals("request deadline exceeded", error.message());
        RequestMetadata later = new RequestMetadata(OptionalLong.of(5000), Optional.empty(), OptionalLong.empty());
        assertEquals(text("PONG"), session.execute(Wire.command("ping"), later));
    }
}

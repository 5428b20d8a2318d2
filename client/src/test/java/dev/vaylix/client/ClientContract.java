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
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client library promises against any Vaylix server: the fake one here
 * ({@code FakeServerClientIT}) and the real server in the end-to-end tests, which extend this class and
 * point {@link #config()} at a running {@code vaylix} (auth enabled, default user). Every test works in its
 * own key namespace, so a server that holds other data is fine.
 */
public abstract class ClientContract {

    /** A client configuration for the server under test, with working credentials. */
    protected abstract ClientConfig config();

    protected VaylixClient client;
    private String namespace;

    @BeforeEach
    void connect() {
        client = VaylixClient.connect(config());
        namespace = "contract:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /** A key private to this test. */
    protected String key(String name) {
        return namespace + name;
    }

    @Test
    void pingAnswersPongOrEchoesTheMessage() {
        assertEquals("PONG", client.ping());
        assertEquals("hello there", client.call(Requests.ping("hello there")));
    }

    @Test
    void aValueSetIsReadBackAndAMissingKeyIsEmpty() {
        client.set(key("name"), "alice");
        assertEquals(Optional.of("alice"), client.getString(key("name")));
        assertEquals(Optional.empty(), client.get(key("missing")));
        assertTrue(client.exists(key("name")));
        assertFalse(client.exists(key("missing")));
    }

    @Test
    void binaryValuesRoundTripByteForByte() {
        Bytes binary = Bytes.of((byte) 0x00, (byte) 0xFF, (byte) 0xC3, (byte) 0x28, (byte) 0x80);
        client.set(key("binary"), binary);
        assertEquals(Optional.of(binary), client.get(key("binary")));
    }

    @Test
    void conditionalSetsReportWhetherTheyWrote() {
        Bytes first = Bytes.utf8("1");
        assertTrue(client.set(key("c"), first, SetOptions.NONE.nx()));
        assertFalse(client.set(key("c"), Bytes.utf8("2"), SetOptions.NONE.nx()));
        assertFalse(client.set(key("absent"), Bytes.utf8("x"), SetOptions.NONE.xx()));
        assertTrue(client.set(key("c"), Bytes.utf8("3"), SetOptions.NONE.xx()));
        assertTrue(client.set(key("plain"), first, SetOptions.NONE));
        assertEquals(Optional.of("3"), client.getString(key("c")));
        assertEquals(Optional.empty(), client.get(key("absent")));
    }

    @Test
    void setAndGetReturnsThePreviousValue() {
        assertEquals(Optional.empty(), client.setAndGet(key("s"), Bytes.utf8("one"), SetOptions.NONE));
        assertEquals(Optional.of(Bytes.utf8("one")), client.setAndGet(key("s"), Bytes.utf8("two"), SetOptions.NONE));
        assertEquals(Optional.of("two"), client.getString(key("s")));
    }

    @Test
    void setNxGetDelAndDelBehaveAsDocumented() {
        assertTrue(client.setNx(key("n"), Bytes.utf8("v")));
        assertFalse(client.setNx(key("n"), Bytes.utf8("w")));
        assertEquals(Optional.of(Bytes.utf8("v")), client.getDel(key("n")));
        assertEquals(Optional.empty(), client.getDel(key("n")));
        client.set(key("a"), "1");
        client.set(key("b"), "2");
        assertEquals(2, client.del(key("a"), key("b"), key("nope")));
    }

    @Test
    void countersIncrementAndRefuseText() {
        assertEquals(1, client.incr(key("counter")));
        assertEquals(2, client.incr(key("counter")));
        assertEquals(1, client.decr(key("counter")));
        client.set(key("text"), "abc");
        VaylixException refused = assertThrows(VaylixException.class, () -> client.incr(key("text")));
        assertEquals(ErrorCode.ENG_015, refused.code());
        assertFalse(refused.getMessage().startsWith("engine failure: "), refused.getMessage());
        assertTrue(client.isOpen(), "an error reply leaves the connection usable");
    }

    @Test
    void msetAndMgetKeepTheOrderOfKeys() {
        Map<String, Bytes> pairs = new LinkedHashMap<>();
        pairs.put(key("m1"), Bytes.utf8("one"));
        pairs.put(key("m2"), Bytes.utf8("two"));
        client.mset(pairs);
        assertEquals(List.of(Optional.of(Bytes.utf8("two")), Optional.empty(), Optional.of(Bytes.utf8("one"))),
                client.mget(key("m2"), key("none"), key("m1")));
    }

    @Test
    void expiryIsSetReportedAndRemoved() {
        client.set(key("e"), "v");
        assertEquals(-1, client.ttl(key("e")));
        assertTrue(client.expire(key("e"), 100));
        long ttl = client.ttl(key("e"));
        assertTrue(ttl > 0 && ttl <= 100, "ttl " + ttl);
        assertTrue(client.persist(key("e")));
        assertEquals(-1, client.ttl(key("e")));
        assertEquals(-2, client.ttl(key("gone")));
        assertFalse(client.expire(key("gone"), 10));
    }

    @Test
    void renamesMoveValues() {
        client.set(key("from"), "v");
        assertTrue(client.rename(key("from"), key("to")));
        assertEquals(Optional.empty(), client.get(key("from")));
        assertEquals(Optional.of("v"), client.getString(key("to")));
        assertFalse(client.rename(key("from"), key("to")));
        client.set(key("other"), "w");
        assertFalse(client.renameNx(key("other"), key("to")));
    }

    @Test
    void scanPagesThroughMatchingKeys() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            client.set(key("scan:" + i), "v");
            expected.add(key("scan:" + i));
        }
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        do {
            Reply.ScanPage page = client.scan(cursor, Optional.of(key("scan:") + "*"), OptionalInt.of(2));
            page.keys().stream().map(Key::text).forEach(seen::add);
            cursor = page.nextCursor();
            pages++;
        } while (cursor != 0 && pages < 10);
        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @Test
    void listHoldsEveryKeyWithItsValue() {
        client.set(key("l1"), "x");
        List<KeyValue> all = client.list();
        assertTrue(all.contains(new KeyValue(Key.of(key("l1")), Bytes.utf8("x"))), all.toString());
        assertTrue(client.dbSize() >= 1);
    }

    @Test
    void rawExecuteReturnsErrorRepliesAsValues() {
        client.set(key("t"), "text");
        Reply reply = client.execute(new Command.Incr(Key.of(key("t"))));
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply);
        assertEquals("ENG-015", error.code());
        assertTrue(error.message().startsWith("engine failure: "), error.message());
    }

    @Test
    void pipelinedRequestsAnswerInOrder() {
        Pipeline pipeline = client.pipeline();
        List<Response<Long>> responses = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            responses.add(pipeline.add(Requests.incr(key("pipelined"))));
        }
        Response<Optional<Bytes>> last = pipeline.add(Requests.get(key("pipelined")));
        pipeline.sync();
        for (int i = 0; i < responses.size(); i++) {
            assertEquals(i + 1, responses.get(i).get());
        }
        assertEquals(Optional.of(Bytes.utf8("300")), last.get());
    }

    @Test
    void asyncCallsFromManyThreadsShareOneConnection() throws Exception {
        int threads = 4;
        int perThread = 100;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<CompletableFuture<Long>>>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                submitted.add(pool.submit(() -> {
                    List<CompletableFuture<Long>> futures = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        futures.add(client.callAsync(Requests.incr(key("async"))));
                    }
                    return futures;
                }));
            }
            List<Long> values = new ArrayList<>();
            for (Future<List<CompletableFuture<Long>>> batch : submitted) {
                for (CompletableFuture<Long> future : batch.get()) {
                    values.add(future.get());
                }
            }
            assertEquals(threads * perThread, values.stream().distinct().count(), "every increment is distinct");
        }
        assertEquals(threads * perThread, client.incr(key("async")) - 1);
    }

    @Test
    void transactionsApplyAllCommandsAndTypeTheirResults() {
        client.set(key("stock"), "10");
        Transaction tx = client.multi();
        Response<Long> stock = tx.add(Requests.decr(key("stock")));
        Response<Void> order = tx.add(Requests.set(key("order"), "paid"));
        Response<Optional<Bytes>> read = tx.add(Requests.get(key("order")));
        assertThrows(IllegalStateException.class, stock::get, "no result before exec");
        tx.exec();
        assertEquals(9, stock.get());
        assertEquals(null, order.get());
        assertEquals(Optional.of(Bytes.utf8("paid")), read.get());
        assertEquals("PONG", client.ping(), "the connection is out of MULTI afterwards");
    }

    @Test
    void aFailingTransactionAppliesNothing() {
        client.set(key("text"), "abc");
        Transaction tx = client.multi();
        Response<Void> write = tx.add(Requests.set(key("written"), "x"));
        tx.add(Requests.incr(key("text")));
        VaylixException failure = assertThrows(VaylixException.class, tx::exec);
        assertEquals(ErrorCode.ENG_015, failure.code());
        assertThrows(VaylixException.class, write::get);
        assertEquals(Optional.empty(), client.get(key("written")));
    }

    @Test
    void transactionsRefuseCommandsThatCannotBeQueued() {
        Transaction tx = client.multi();
        assertThrows(IllegalArgumentException.class, () -> tx.add(Requests.info()));
        assertThrows(IllegalArgumentException.class, () -> tx.add(Requests.auth("a", "b")));
        tx.discard();
        assertThrows(IllegalStateException.class, tx::exec);
    }

    @Test
    void aClientWithoutCredentialsMustAuthenticateFirst() {
        try (VaylixClient anonymous = VaylixClient.connect(config().toBuilder().noCredentials().build())) {
            VaylixException refused = assertThrows(VaylixException.class, () -> anonymous.get(key("x")));
            assertEquals(ErrorCode.SRV_007, refused.code());
            assertEquals("PONG", anonymous.ping(), "PING needs no authentication");
        }
    }

    @Test
    void wrongCredentialsFailTheConnect() {
        VaylixException refused = assertThrows(VaylixException.class,
                () -> VaylixClient.connect(config().toBuilder().credentials("vaylix", "not-the-password").build()));
        assertEquals(ErrorCode.SRV_008, refused.code());
    }

    @Test
    void adminViewsDecodeAsOrderedText() {
        Map<String, String> health = client.admin().health();
        assertEquals("true", health.get("ready"));
        assertFalse(client.admin().info().isEmpty());
    }

    @Test
    void whoamiNamesTheAuthenticatedAdministratorAndAllItsPermissions() {
        Map<String, String> whoami = client.whoami();
        assertEquals(config().credentials().orElseThrow().username(), whoami.get("username"));
        assertEquals("read,write,admin,backup,restore,metrics,snapshot,clear,user_admin,role_admin", whoami.get("permissions"),
                "the pattern-* permissions in the fixed order of COMMANDS.md §3.4");
    }
}

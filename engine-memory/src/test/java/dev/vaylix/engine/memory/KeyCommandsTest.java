package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.bytes;
import static dev.vaylix.engine.memory.EngineDriver.data;
import static dev.vaylix.engine.memory.EngineDriver.get;
import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET, SETNX, GETDEL, GETEX, MGET, MSET, DEL, EXISTS, PING (COMMANDS.md §3.2). */
class KeyCommandsTest {

    private static final long T = 1_000_000L;
    private final EngineDriver driver = new EngineDriver(T);

    @Test
    void get_returns_the_value_or_not_found() {
        assertEquals(Reply.NOT_FOUND, driver.read(get("k")));
        driver.apply(set("k", "v"));
        assertEquals(data("v"), driver.read(get("k")));
    }

    @Test
    void setnx_never_overwrites_and_a_new_key_gets_version_1_and_no_ttl() {
        assertEquals(Reply.TRUE, driver.apply(new Command.SetNx(key("k"), bytes("a"))));
        assertEquals(Reply.FALSE, driver.apply(new Command.SetNx(key("k"), bytes("b"))));
        assertEquals(new Value(bytes("a"), 1, Value.NO_EXPIRY), driver.stored("k"));
    }

    @Test
    void getdel_returns_the_value_then_deletes_or_not_found() {
        driver.apply(set("k", "v"));
        assertEquals(data("v"), driver.apply(new Command.GetDel(key("k"))));
        assertNull(driver.stored("k"));
        assertEquals(Reply.NOT_FOUND, driver.apply(new Command.GetDel(key("k"))));
    }

    @Test
    void getex_without_options_is_a_read() {
        driver.apply(set("k", "v"));
        assertEquals(data("v"), driver.read(new Command.GetEx(key("k"), Expiration.NONE, false)));
        assertEquals(Reply.NOT_FOUND, driver.read(new Command.GetEx(key("x"), Expiration.NONE, false)));
        assertThrows(IllegalArgumentException.class,
                () -> driver.read(new Command.GetEx(key("k"), Expiration.seconds(1), false)), "GETEX EX is a write");
    }

    @Test
    void getex_sets_an_expiry_or_persists_without_changing_the_version() {
        driver.apply(set("k", "v"));
        assertEquals(data("v"), driver.apply(new Command.GetEx(key("k"), Expiration.seconds(3), false)));
        assertEquals(new Value(bytes("v"), 1, T + 3_000), driver.stored("k"));
        assertEquals(data("v"), driver.apply(new Command.GetEx(key("k"), Expiration.NONE, true)));
        assertEquals(new Value(bytes("v"), 1, Value.NO_EXPIRY), driver.stored("k"));
    }

    @Test
    void getex_with_a_zero_expiry_returns_the_value_and_deletes_the_key() {
        driver.apply(set("k", "v"));
        assertEquals(data("v"), driver.apply(new Command.GetEx(key("k"), Expiration.millis(0), false)));
        assertNull(driver.stored("k"));
        assertEquals(Reply.NOT_FOUND, driver.apply(new Command.GetEx(key("k"), Expiration.seconds(5), false)));
    }

    @Test
    void getex_expiration_wins_over_persist_when_both_arrive_on_the_wire() {
        driver.apply(set("k", "v"));
        driver.apply(new Command.GetEx(key("k"), Expiration.millis(50), true));
        assertEquals(T + 50, driver.stored("k").expiresAtMs());
    }

    @Test
    void mget_answers_in_request_order_with_misses() {
        driver.apply(set("a", "1"));
        driver.apply(set("c", "3"));
        assertEquals(new Reply.Values(List.of(Optional.of(bytes("3")), Optional.empty(), Optional.of(bytes("1")), Optional.of(bytes("3")))),
                driver.read(new Command.MGet(List.of(key("c"), key("b"), key("a"), key("c")))));
    }

    @Test
    void mset_clears_ttls_and_a_repeated_key_keeps_the_last_value_with_one_version_step_per_occurrence() {
        driver.apply(set("a", "old", dev.vaylix.api.command.SetCondition.NONE, java.util.OptionalLong.empty(),
                Expiration.seconds(9), false, false));
        assertEquals(Reply.OK, driver.apply(new Command.MSet(List.of(
                new KeyValue(key("a"), bytes("1")), new KeyValue(key("b"), bytes("x")),
                new KeyValue(key("b"), bytes("y")), new KeyValue(key("b"), bytes("z"))))));
        assertEquals(new Value(bytes("1"), 2, Value.NO_EXPIRY), driver.stored("a"));
        assertEquals(new Value(bytes("z"), 3, Value.NO_EXPIRY), driver.stored("b"));
    }

    @Test
    void del_counts_keys_that_existed_and_a_duplicate_once() {
        driver.apply(set("a", "1"));
        driver.apply(set("b", "2"));
        assertEquals(new Reply.Count(2), driver.apply(new Command.Del(List.of(key("a"), key("a"), key("b"), key("zz")))));
        assertEquals(List.of(), driver.storedKeys());
        assertEquals(new Reply.Count(0), driver.apply(new Command.Del(List.of())));
    }

    @Test
    void exists_is_a_boolean() {
        assertEquals(Reply.FALSE, driver.read(new Command.Exists(key("k"))));
        driver.apply(set("k", ""));
        assertEquals(Reply.TRUE, driver.read(new Command.Exists(key("k"))), "an empty value still exists");
    }

    @Test
    void ping_in_a_transaction_answers_its_message_or_pong() {
        assertEquals(new Reply.ExecResults(List.of(data("PONG"), data("hi"))),
                driver.transaction(new Command.Ping(Optional.empty()), new Command.Ping(Optional.of("hi"))));
    }

    @Test
    void values_are_binary_safe() {
        Bytes binary = Bytes.fromHex("00ff00c0af80");
        driver.apply(Command.Set.of(key("b"), binary));
        assertEquals(new Reply.Data(binary), driver.read(get("b")));
        assertEquals(new Reply.Entries(List.of(new Reply.Entry("b", binary))), driver.read(new Command.ListAll()));
    }
}

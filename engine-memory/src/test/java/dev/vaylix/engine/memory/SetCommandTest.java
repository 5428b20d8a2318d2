package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.data;
import static dev.vaylix.engine.memory.EngineDriver.get;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** SET (COMMANDS.md §3.2), one test per rule. */
class SetCommandTest {

    private static final long T = 1_700_000_000_000L;
    private final EngineDriver driver = new EngineDriver(T);

    @Test
    void plain_set_replies_ok_and_assigns_version_1_then_previous_plus_1() {
        assertEquals(Reply.OK, driver.apply(set("k", "a")));
        assertEquals(1, driver.stored("k").version());
        assertEquals(Reply.OK, driver.apply(set("k", "b")));
        assertEquals(new Value(EngineDriver.bytes("b"), 2, Value.NO_EXPIRY), driver.stored("k"));
    }

    @Test
    void nx_writes_only_when_absent_and_replies_a_boolean() {
        assertEquals(Reply.TRUE, driver.apply(set("k", "a", SetCondition.NX, OptionalLong.empty(), Expiration.NONE, false, false)));
        assertEquals(Reply.FALSE, driver.apply(set("k", "b", SetCondition.NX, OptionalLong.empty(), Expiration.NONE, false, false)));
        assertEquals(data("a"), driver.read(get("k")));
    }

    @Test
    void xx_writes_only_when_present() {
        assertEquals(Reply.FALSE, driver.apply(set("k", "a", SetCondition.XX, OptionalLong.empty(), Expiration.NONE, false, false)));
        assertEquals(Reply.NOT_FOUND, driver.read(get("k")));
        driver.apply(set("k", "a"));
        assertEquals(Reply.TRUE, driver.apply(set("k", "b", SetCondition.XX, OptionalLong.empty(), Expiration.NONE, false, false)));
        assertEquals(data("b"), driver.read(get("k")));
    }

    @Test
    void if_version_writes_only_on_an_exact_version_match() {
        driver.apply(set("k", "a"));
        assertEquals(Reply.FALSE, driver.apply(set("k", "b", SetCondition.NONE, OptionalLong.of(2), Expiration.NONE, false, false)));
        assertEquals(Reply.TRUE, driver.apply(set("k", "b", SetCondition.NONE, OptionalLong.of(1), Expiration.NONE, false, false)));
        assertEquals(2, driver.stored("k").version());
    }

    @Test
    void if_version_never_matches_a_missing_key_not_even_version_0() {
        assertEquals(Reply.FALSE, driver.apply(set("k", "a", SetCondition.NONE, OptionalLong.of(0), Expiration.NONE, false, false)));
        assertEquals(Reply.FALSE, driver.apply(set("k", "a", SetCondition.NONE, OptionalLong.of(1), Expiration.NONE, false, false)));
        assertNull(driver.stored("k"));
    }

    @Test
    void conditions_are_a_conjunction_so_nx_with_if_version_never_writes() {
        Command.Set both = set("k", "a", SetCondition.NX, OptionalLong.of(1), Expiration.NONE, false, false);
        assertEquals(Reply.FALSE, driver.apply(both));
        driver.apply(set("k", "a"));
        assertEquals(Reply.FALSE, driver.apply(both));
        assertEquals(Reply.TRUE, driver.apply(set("k", "b", SetCondition.XX, OptionalLong.of(1), Expiration.NONE, false, false)));
    }

    @Test
    void ex_and_px_set_an_absolute_expiry_from_the_leader_time() {
        driver.apply(set("s", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(5), false, false));
        driver.apply(set("m", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(5), false, false));
        assertEquals(T + 5_000, driver.stored("s").expiresAtMs());
        assertEquals(T + 5, driver.stored("m").expiresAtMs());
    }

    @Test
    void a_plain_set_clears_the_ttl() {
        driver.apply(set("k", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(5), false, false));
        driver.apply(set("k", "w"));
        assertEquals(Value.NO_EXPIRY, driver.stored("k").expiresAtMs());
    }

    @Test
    void keepttl_retains_the_previous_expiry_and_a_missing_key_gets_none() {
        driver.apply(set("k", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(5), false, false));
        driver.at(T + 1_000).apply(set("k", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, true, false));
        assertEquals(new Value(EngineDriver.bytes("w"), 2, T + 5_000), driver.stored("k"));
        driver.apply(set("new", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, true, false));
        assertEquals(Value.NO_EXPIRY, driver.stored("new").expiresAtMs());
    }

    @Test
    void an_explicit_expiry_wins_over_keepttl_when_both_arrive_on_the_wire() {
        driver.apply(set("k", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(5), false, false));
        driver.apply(set("k", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(9), true, false));
        assertEquals(T + 9_000, driver.stored("k").expiresAtMs());
    }

    @Test
    void an_expiry_of_zero_deletes_the_key_in_the_same_entry() {
        driver.apply(set("k", "v"));
        assertEquals(Reply.OK, driver.apply(set("k", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(0), false, false)));
        assertNull(driver.stored("k"));
        assertEquals(Reply.TRUE, driver.apply(set("k", "w", SetCondition.NX, OptionalLong.empty(), Expiration.seconds(0), false, false)),
                "the write happened, then the key expired at once");
        assertNull(driver.stored("k"));
    }

    @Test
    void get_replies_the_previous_value_even_when_nothing_is_written() {
        assertEquals(Reply.NOT_FOUND, driver.apply(set("k", "a", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, false, true)));
        assertEquals(data("a"), driver.apply(set("k", "b", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, false, true)));
        assertEquals(data("b"), driver.apply(set("k", "c", SetCondition.NX, OptionalLong.empty(), Expiration.NONE, false, true)),
                "NX failed, GET still answers");
        assertEquals(data("b"), driver.read(get("k")));
    }

    @Test
    void a_key_that_expired_counts_as_absent_and_restarts_at_version_1() {
        driver.apply(set("k", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(10), false, false));
        driver.apply(set("k", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(10), true, false));
        assertEquals(2, driver.stored("k").version());
        assertEquals(Reply.TRUE, driver.at(T + 10).apply(set("k", "w", SetCondition.NX, OptionalLong.empty(), Expiration.NONE, false, false)));
        assertEquals(1, driver.stored("k").version());
    }

    @Test
    void a_version_at_u64_max_cannot_advance() {
        String dump = "{\"version\":2,\"created_at_ms\":0,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":"
                + "[{\"key\":\"k\",\"value_base64\":\"\",\"expires_at_ms\":null,\"version\":18446744073709551615}]}";
        driver.apply(new Command.Restore(dump));
        Reply reply = driver.apply(set("k", "v"));
        assertEquals(Reply.Error.of(ErrorCode.ENG_016, "k"), reply);
        assertEquals(-1L, driver.stored("k").version(), "nothing changed");
    }
}

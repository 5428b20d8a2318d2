package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.data;
import static dev.vaylix.engine.memory.EngineDriver.get;
import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** EXPIRE, TTL, PERSIST, purging and the engine clock (COMMANDS.md §3.2, Engine contract). */
class ExpiryTest {

    private static final long T = 1_700_000_000_000L;
    private final EngineDriver driver = new EngineDriver(T);

    private static Command.Set setPx(String key, long millis) {
        return set(key, "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(millis), false, false);
    }

    @Test
    void expire_on_a_missing_key_is_false() {
        assertEquals(Reply.FALSE, driver.apply(new Command.Expire(key("k"), 5)));
    }

    @Test
    void expire_sets_now_plus_seconds_without_changing_the_version() {
        driver.apply(set("k", "v"));
        assertEquals(Reply.TRUE, driver.apply(new Command.Expire(key("k"), 7)));
        assertEquals(new Value(EngineDriver.bytes("v"), 1, T + 7_000), driver.stored("k"));
    }

    @Test
    void expire_zero_deletes_and_answers_true() {
        driver.apply(set("k", "v"));
        assertEquals(Reply.TRUE, driver.apply(new Command.Expire(key("k"), 0)));
        assertNull(driver.stored("k"));
    }

    @Test
    void expiry_arithmetic_saturates_instead_of_wrapping_into_the_past() {
        driver.apply(set("k", "v"));
        driver.apply(new Command.Expire(key("k"), -1L)); // u64 max seconds
        assertEquals(-1L, driver.stored("k").expiresAtMs());
        assertEquals(data("v"), driver.at(Long.MAX_VALUE).read(get("k")));
    }

    @Test
    void ttl_is_minus_2_when_missing_minus_1_without_expiry_and_rounds_up() {
        assertEquals(new Reply.Int(-2), driver.read(new Command.Ttl(key("k"))));
        driver.apply(set("k", "v"));
        assertEquals(new Reply.Int(-1), driver.read(new Command.Ttl(key("k"))));
        driver.apply(setPx("k", 2_001));
        assertEquals(new Reply.Int(3), driver.engine.read(new Command.Ttl(key("k")), T));
        assertEquals(new Reply.Int(2), driver.engine.read(new Command.Ttl(key("k")), T + 1));
        assertEquals(new Reply.Int(1), driver.engine.read(new Command.Ttl(key("k")), T + 2_000));
        assertEquals(new Reply.Int(-2), driver.engine.read(new Command.Ttl(key("k")), T + 2_001));
    }

    @Test
    void persist_is_true_only_when_a_ttl_was_removed() {
        assertEquals(Reply.FALSE, driver.apply(new Command.Persist(key("k"))));
        driver.apply(set("k", "v"));
        assertEquals(Reply.FALSE, driver.apply(new Command.Persist(key("k"))));
        driver.apply(new Command.Expire(key("k"), 5));
        assertEquals(Reply.TRUE, driver.apply(new Command.Persist(key("k"))));
        assertEquals(Value.NO_EXPIRY, driver.stored("k").expiresAtMs());
    }

    @Test
    void a_key_is_gone_at_exactly_its_expiry() {
        driver.apply(setPx("k", 100));
        assertEquals(data("v"), driver.engine.read(get("k"), T + 99));
        assertEquals(Reply.NOT_FOUND, driver.engine.read(get("k"), T + 100));
        assertEquals(new Reply.Count(0), driver.engine.read(new Command.DbSize(), T + 100));
        assertEquals(new Reply.Entries(List.of()), driver.engine.read(new Command.ListAll(), T + 100));
    }

    @Test
    void every_entry_purges_keys_expired_at_its_time() {
        driver.apply(setPx("a", 10));
        driver.apply(setPx("b", 20));
        driver.apply(set("c", "v"));
        driver.at(T + 10).apply(new WriteBatch.Noop());
        assertEquals(List.of("b", "c"), driver.storedKeys());
        assertEquals(new Reply.Count(1), driver.at(T + 25).apply(new WriteBatch.PurgeExpired()));
        assertEquals(List.of("c"), driver.storedKeys());
        assertEquals(new Reply.Count(0), driver.apply(new WriteBatch.PurgeExpired()));
    }

    @Test
    void a_leader_time_that_goes_backwards_does_not_move_the_clock_back() {
        driver.apply(setPx("k", 100));
        driver.at(T + 100).apply(new WriteBatch.Noop());
        assertEquals(T + 100, driver.engine.clockMs());
        Reply reply = driver.at(T).apply(new Command.SetNx(key("k"), EngineDriver.bytes("new")));
        assertEquals(Reply.TRUE, reply, "the key expired at the engine clock, not at the stale leader time");
        assertEquals(T + 100, driver.engine.clockMs());
        driver.apply(setPx("fresh", 50));
        assertEquals(T + 150, driver.stored("fresh").expiresAtMs(), "expiry counts from the engine clock");
    }

    @Test
    void reads_never_run_before_the_engine_clock() {
        driver.apply(setPx("k", 100));
        driver.at(T + 100).apply(new WriteBatch.Noop());
        assertEquals(Reply.NOT_FOUND, driver.engine.read(get("k"), T), "a lagging local clock cannot resurrect a key");
        driver.at(T + 100).apply(setPx("j", 1_000));
        assertEquals(new Reply.Int(1), driver.engine.read(new Command.Ttl(key("j")), 0));
    }
}

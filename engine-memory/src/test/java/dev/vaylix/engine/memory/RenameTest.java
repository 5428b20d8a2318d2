package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.bytes;
import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RENAME / RENAMENX (COMMANDS.md §3.2). */
class RenameTest {

    private static final long T = 10_000L;
    private final EngineDriver driver = new EngineDriver(T);

    @Test
    void a_missing_source_answers_false_without_error() {
        assertEquals(Reply.FALSE, driver.apply(new Command.Rename(key("a"), key("b"))));
        assertEquals(Reply.FALSE, driver.apply(new Command.RenameNx(key("a"), key("b"))));
    }

    @Test
    void the_destination_gets_value_and_ttl_and_version_1_when_new() {
        driver.apply(set("a", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(5), false, false));
        driver.apply(set("a", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, true, false));
        assertEquals(Reply.TRUE, driver.apply(new Command.Rename(key("a"), key("b"))));
        assertEquals(List.of("b"), driver.storedKeys());
        assertEquals(new Value(bytes("w"), 1, T + 5_000), driver.stored("b"), "the source's version 2 is not carried");
    }

    @Test
    void an_existing_destination_advances_its_own_version() {
        driver.apply(set("a", "v"));
        driver.apply(set("b", "old"));
        driver.apply(set("b", "old2"));
        assertEquals(Reply.TRUE, driver.apply(new Command.Rename(key("a"), key("b"))));
        assertEquals(new Value(bytes("v"), 3, Value.NO_EXPIRY), driver.stored("b"));
        assertNull(driver.stored("a"));
    }

    @Test
    void renamenx_refuses_an_existing_destination() {
        driver.apply(set("a", "v"));
        driver.apply(set("b", "w"));
        assertEquals(Reply.FALSE, driver.apply(new Command.RenameNx(key("a"), key("b"))));
        assertEquals(bytes("v"), driver.stored("a").data());
        assertEquals(Reply.TRUE, driver.apply(new Command.RenameNx(key("a"), key("c"))));
        assertEquals(new Value(bytes("v"), 1, Value.NO_EXPIRY), driver.stored("c"));
    }

    @Test
    void renaming_a_key_onto_itself_changes_nothing() {
        driver.apply(set("a", "v"));
        driver.apply(set("a", "v2", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(9), false, false));
        Value before = driver.stored("a");
        assertEquals(Reply.TRUE, driver.apply(new Command.Rename(key("a"), key("a"))));
        assertEquals(before, driver.stored("a"), "the reference reset the version to 1 here");
        assertEquals(Reply.FALSE, driver.apply(new Command.RenameNx(key("a"), key("a"))));
        assertEquals(before, driver.stored("a"));
    }

    @Test
    void an_expired_destination_counts_as_absent() {
        driver.apply(set("a", "v"));
        driver.apply(set("b", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(5), false, false));
        assertEquals(Reply.TRUE, driver.at(T + 5).apply(new Command.RenameNx(key("a"), key("b"))));
        assertEquals(new Value(bytes("v"), 1, Value.NO_EXPIRY), driver.stored("b"));
    }
}

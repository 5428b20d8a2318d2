package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.bytes;
import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** INCR / DECR (COMMANDS.md §3.2). */
class IncrDecrTest {

    private static final long T = 5_000L;
    private final EngineDriver driver = new EngineDriver(T);

    @Test
    void a_missing_key_counts_as_zero() {
        assertEquals(new Reply.Int(1), driver.apply(new Command.Incr(key("n"))));
        assertEquals(new Reply.Int(-1), driver.apply(new Command.Decr(key("m"))));
        assertEquals(new Value(bytes("1"), 1, Value.NO_EXPIRY), driver.stored("n"));
    }

    @Test
    void the_result_is_stored_as_decimal_text_with_the_next_version() {
        driver.apply(set("n", "+41"));
        assertEquals(new Reply.Int(42), driver.apply(new Command.Incr(key("n"))));
        assertEquals(new Value(bytes("42"), 2, Value.NO_EXPIRY), driver.stored("n"));
    }

    @ParameterizedTest
    @CsvSource({"007, 8", "-0, 1", "-5, -4", "+0, 1", "9223372036854775806, 9223372036854775807"})
    void rust_i64_forms_parse(String stored, long expected) {
        driver.apply(set("n", stored));
        assertEquals(new Reply.Int(expected), driver.apply(new Command.Incr(key("n"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", " 1", "1 ", "1.0", "0x10", "1e3", "٣", "9223372036854775808", "abc", "--1", "+-1"})
    void anything_else_is_eng_015_and_changes_nothing(String stored) {
        driver.apply(set("n", stored));
        Reply reply = driver.apply(new Command.Incr(key("n")));
        assertEquals(Reply.Error.of(ErrorCode.ENG_015, "n", stored), reply);
        assertEquals(new Value(bytes(stored), 1, Value.NO_EXPIRY), driver.stored("n"));
    }

    @Test
    void the_eng_015_message_is_exact() {
        driver.apply(set("n", "abc"));
        Reply.Error error = (Reply.Error) driver.apply(new Command.Decr(key("n")));
        assertEquals("ENG-015", error.code());
        assertEquals("Invalid Integer Value", error.name());
        assertEquals("engine failure: value for key 'n' is not a valid integer: abc", error.message());
    }

    @Test
    void a_non_utf8_value_is_eng_015_with_a_readable_message() {
        driver.apply(Command.Set.of(key("n"), Bytes.fromHex("31ff")));
        Reply.Error error = (Reply.Error) driver.apply(new Command.Incr(key("n")));
        assertEquals("engine failure: value for key 'n' is not a valid integer: 1\uFFFD", error.message());
    }

    @Test
    void overflow_is_eng_016_with_the_exact_message_and_changes_nothing() {
        driver.apply(set("max", "9223372036854775807"));
        driver.apply(set("min", "-9223372036854775808"));
        Reply.Error up = (Reply.Error) driver.apply(new Command.Incr(key("max")));
        assertEquals("engine failure: numeric overflow for key 'max'", up.message());
        assertEquals("Numeric Overflow", up.name());
        assertEquals(Reply.Error.of(ErrorCode.ENG_016, "min"), driver.apply(new Command.Decr(key("min"))));
        assertEquals(bytes("9223372036854775807"), driver.stored("max").data());
        assertEquals(1, driver.stored("max").version());
    }

    @Test
    void incr_keeps_the_ttl_unlike_the_reference() {
        driver.apply(set("n", "1", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(10), false, false));
        driver.apply(new Command.Incr(key("n")));
        assertEquals(new Value(bytes("2"), 2, T + 10_000), driver.stored("n"));
    }
}

package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** SCAN, DBSIZE, COUNT, LIST, CLEAR (COMMANDS.md §3.2). */
class ScanTest {

    private static final long T = 1_000L;
    private final EngineDriver driver = new EngineDriver(T);

    private void store(String... keys) {
        for (String k : keys) {
            driver.apply(set(k, "v-" + k));
        }
    }

    private Reply scan(long cursor, String pattern, Integer count) {
        return driver.read(new Command.Scan(cursor, Optional.ofNullable(pattern),
                count == null ? OptionalInt.empty() : OptionalInt.of(count)));
    }

    private static Reply.ScanPage page(long next, String... keys) {
        return new Reply.ScanPage(next, java.util.Arrays.stream(keys).map(Key::of).toList());
    }

    @Test
    void keys_come_in_byte_order_and_the_cursor_is_an_index() {
        store("b", "a", "é", "😀", "\uE000", "A");
        assertEquals(page(2, "A", "a"), scan(0, null, 2));
        assertEquals(page(4, "b", "é"), scan(2, null, 2));
        assertEquals(page(0, "\uE000", "😀"), scan(4, null, 2), "the end was reached: U+E000 sorts before U+1F600");
    }

    @Test
    void count_defaults_to_10_and_0_behaves_as_1() {
        String[] keys = new String[12];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = String.format("k%02d", i);
        }
        store(keys);
        Reply.ScanPage first = (Reply.ScanPage) scan(0, null, null);
        assertEquals(10, first.keys().size());
        assertEquals(10, first.nextCursor());
        assertEquals(page(1, "k00"), scan(0, null, 0));
    }

    @Test
    void the_next_cursor_is_0_when_the_page_reaches_the_end_exactly() {
        store("a", "b");
        assertEquals(page(0, "a", "b"), scan(0, null, 2));
        assertEquals(page(0), scan(2, null, 2), "a cursor at the end");
        assertEquals(page(0), scan(-1L, null, 2), "a cursor far past the end (u64 max)");
    }

    @Test
    void an_empty_keyspace_gives_an_empty_page() {
        assertEquals(page(0), scan(0, null, null));
        assertEquals(page(0), scan(0, "a*", null));
    }

    @Test
    void match_filters_before_the_cursor_counts() {
        store("user:1", "user:2", "user:3", "users", "admin:1", "user:10");
        assertEquals(page(2, "user:1", "user:10"), scan(0, "user:?*", 2));
        assertEquals(page(0, "user:2", "user:3"), scan(2, "user:?*", 2));
        assertEquals(page(0, "user:1", "user:2", "user:3"), scan(0, "user:?", 10));
        assertEquals(page(0, "admin:1", "user:1"), scan(0, "*:1", 10));
        assertEquals(page(0, "users"), scan(0, "users", 10));
    }

    @Test
    void question_mark_matches_one_unicode_scalar() {
        store("a😀b", "aéb", "ab", "axyb");
        assertEquals(page(0, "aéb", "a😀b"), scan(0, "a?b", null));
        assertEquals(page(0, "ab", "axyb", "aéb", "a😀b"), scan(0, "a*b", null));
    }

    @Test
    void expired_keys_are_skipped_by_scan_dbsize_count_and_list() {
        store("a", "c");
        driver.apply(set("b", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(10), false, false));
        long later = T + 10;
        assertEquals(page(0, "a", "c"), driver.engine.read(new Command.Scan(0, Optional.empty(), OptionalInt.empty()), later));
        assertEquals(page(1, "a"), driver.engine.read(new Command.Scan(0, Optional.of("*"), OptionalInt.of(1)), later));
        assertEquals(page(0, "c"), driver.engine.read(new Command.Scan(1, Optional.of("*"), OptionalInt.of(1)), later));
        assertEquals(new Reply.Count(2), driver.engine.read(new Command.DbSize(), later));
        assertEquals(new Reply.Count(2), driver.engine.read(new Command.Count(), later));
        assertEquals(new Reply.Count(3), driver.read(new Command.DbSize()));
        assertEquals(new Reply.Entries(List.of(new Reply.Entry("a", EngineDriver.bytes("v-a")),
                new Reply.Entry("c", EngineDriver.bytes("v-c")))), driver.engine.read(new Command.ListAll(), later));
    }

    @Test
    void clear_removes_everything_and_answers_ok_even_when_empty() {
        store("a", "b");
        assertEquals(Reply.OK, driver.apply(new Command.Clear()));
        assertEquals(new Reply.Count(0), driver.read(new Command.DbSize()));
        assertEquals(Reply.OK, driver.apply(new Command.Clear()));
        assertEquals(Reply.NOT_FOUND, driver.read(new Command.Get(key("a"))));
    }
}

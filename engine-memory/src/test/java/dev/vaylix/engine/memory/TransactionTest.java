package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.bytes;
import static dev.vaylix.engine.memory.EngineDriver.data;
import static dev.vaylix.engine.memory.EngineDriver.get;
import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** EXEC batches (COMMANDS.md §9) and which commands each batch kind may carry. */
class TransactionTest {

    private static final long T = 50_000L;
    private final EngineDriver driver = new EngineDriver(T);

    @Test
    void each_command_sees_the_effects_of_the_earlier_ones() {
        Reply reply = driver.transaction(set("k", "1"), new Command.Incr(key("k")), get("k"),
                new Command.Rename(key("k"), key("j")), new Command.Exists(key("k")), new Command.DbSize());
        assertEquals(new Reply.ExecResults(List.of(Reply.OK, new Reply.Int(2), data("2"), Reply.TRUE, Reply.FALSE,
                new Reply.Count(1))), reply);
        assertEquals(List.of("j"), driver.storedKeys());
    }

    @Test
    void a_failing_command_applies_nothing_and_its_error_is_the_reply() {
        driver.apply(set("text", "abc"));
        driver.apply(set("k", "old"));
        Reply reply = driver.transaction(set("k", "new"), new Command.Del(List.of(key("text"))), set("x", "1"),
                new Command.Incr(key("x")), new Command.Incr(key("k")), set("never", "reached"));
        assertEquals(Reply.Error.of(ErrorCode.ENG_015, "k", "new"), reply);
        assertEquals(List.of("k", "text"), driver.storedKeys());
        assertEquals(data("old"), driver.read(get("k")));
        assertEquals(1, driver.stored("k").version());
        assertEquals(3, driver.engine.appliedIndex(), "the failed entry still counts as applied");
    }

    @Test
    void expired_keys_are_purged_once_at_the_start() {
        driver.apply(set("k", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(5), false, false));
        Reply reply = driver.at(T + 5).transaction(new Command.Exists(key("k")), new Command.SetNx(key("k"), bytes("w")),
                new Command.Ttl(key("k")));
        assertEquals(new Reply.ExecResults(List.of(Reply.FALSE, Reply.TRUE, new Reply.Int(-1))), reply);
    }

    @Test
    void all_writes_in_one_transaction_share_the_entry_time() {
        driver.transaction(set("a", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(1), false, false),
                new Command.Expire(key("a"), 2), set("b", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(1), false, false));
        assertEquals(T + 2_000, driver.stored("a").expiresAtMs());
        assertEquals(T + 1, driver.stored("b").expiresAtMs());
    }

    @Test
    void an_empty_transaction_answers_no_results() {
        assertEquals(new Reply.ExecResults(List.of()), driver.transaction());
    }

    @Test
    void a_command_that_cannot_be_queued_fails_the_whole_transaction_with_eng_017() {
        Reply reply = driver.engine.apply(1, T, new WriteBatch.Transaction(List.of(set("a", "1"),
                new Command.ClusterJoin("n2", "127.0.0.1:1"))));
        assertEquals(Reply.Error.of(ErrorCode.ENG_017), reply);
        assertEquals(List.of(), driver.storedKeys());
        assertEquals(Reply.Error.of(ErrorCode.ENG_017),
                driver.engine.apply(2, T, new WriteBatch.Transaction(List.of(new Command.Restore("{}")))));
    }

    @Test
    void a_single_entry_refuses_commands_that_are_not_logged_alone() {
        Reply reply = driver.engine.apply(1, T, new WriteBatch.Single(get("k")));
        assertEquals("ENG-011", ((Reply.Error) reply).code());
        assertEquals(1, driver.engine.appliedIndex());
    }

    @Test
    void a_failing_single_command_keeps_the_purge_of_its_entry() {
        driver.apply(set("e", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(1), false, false));
        driver.apply(set("t", "x"));
        assertEquals(Reply.Error.of(ErrorCode.ENG_015, "t", "x"), driver.at(T + 1).apply(new Command.Incr(key("t"))));
        assertEquals(List.of("t"), driver.storedKeys(), "e expired at the entry's time whatever the command did");
    }
}

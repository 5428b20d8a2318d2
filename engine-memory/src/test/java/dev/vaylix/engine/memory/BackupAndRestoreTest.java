package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.bytes;
import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Value;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** BACKUP through read() and RESTORE through the log (STORAGE.md §11). */
class BackupAndRestoreTest {

    private static final String SPEC_DUMP = "{\"version\":2,\"created_at_ms\":1700000002000,\"source_engine_version\":3,"
            + "\"source_sequence\":7,\"entries\":[{\"key\":\"bin\",\"value_base64\":\"AAEC+v8=\",\"expires_at_ms\":null,"
            + "\"version\":2},{\"key\":\"name\",\"value_base64\":\"YWxpY2U=\",\"expires_at_ms\":1700000060000,\"version\":1}]}";

    private static String dump(String entries) {
        return "{\"version\":2,\"created_at_ms\":0,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[" + entries + "]}";
    }

    @Test
    void backup_of_an_engine_reproduces_the_spec_example_and_its_hash() {
        MemoryEngine engine = new MemoryEngine();
        engine.apply(5, 1700000001000L, new dev.vaylix.api.engine.WriteBatch.Single(Command.Set.of(key("bin"), bytes("x"))));
        engine.apply(6, 1700000001500L, new dev.vaylix.api.engine.WriteBatch.Single(Command.Set.of(key("bin"), Bytes.fromHex("000102faff"))));
        engine.apply(7, 1700000002000L, new dev.vaylix.api.engine.WriteBatch.Single(
                set("name", "alice", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(58_000), false, false)));
        Reply.Data reply = (Reply.Data) engine.read(new Command.Backup(), 1700000002000L);
        assertEquals(SPEC_DUMP, new String(reply.value().toByteArray(), StandardCharsets.UTF_8));
        assertEquals("aca305ca743041d0b52196925559eaa124e8b02f5192c5a56e0b85cdf345ab8b",
                LogicalBackup.sha256Hex(reply.value().toByteArray()));
    }

    @Test
    void backup_holds_only_live_keys_at_the_read_time() {
        EngineDriver driver = new EngineDriver(1_000);
        driver.apply(set("a", "1"));
        driver.apply(set("b", "2", SetCondition.NONE, OptionalLong.empty(), Expiration.millis(10), false, false));
        byte[] dump = ((Reply.Data) driver.engine.read(new Command.Backup(), 1_010)).value().toByteArray();
        assertEquals(List.of(key("a")), LogicalBackup.parse(dump).entries().stream().map(e -> e.key()).toList());
        assertEquals(1_010, LogicalBackup.parse(dump).createdAtMs());
        assertEquals(2, LogicalBackup.parse(dump).sourceSequence());
    }

    @Test
    void restore_replaces_the_keyspace_and_counts_the_entries_restored() {
        EngineDriver driver = new EngineDriver(1_700_000_000_000L);
        driver.apply(set("old", "gone"));
        Reply reply = driver.apply(new Command.Restore(SPEC_DUMP));
        assertEquals(new Reply.Count(2), reply);
        assertEquals(List.of("bin", "name"), driver.storedKeys());
        assertEquals(new Value(Bytes.fromHex("000102faff"), 2, Value.NO_EXPIRY), driver.stored("bin"));
        assertEquals(new Value(bytes("alice"), 1, 1700000060000L), driver.stored("name"));
    }

    @Test
    void restore_skips_entries_expired_at_the_entry_time() {
        EngineDriver driver = new EngineDriver(1700000060000L);
        assertEquals(new Reply.Count(1), driver.apply(new Command.Restore(SPEC_DUMP)));
        assertEquals(List.of("bin"), driver.storedKeys());
    }

    @Test
    void a_later_duplicate_wins_and_versions_become_at_least_1() {
        EngineDriver driver = new EngineDriver(0);
        Reply reply = driver.apply(new Command.Restore(dump(
                "{\"key\":\"k\",\"value_base64\":\"YQ==\",\"version\":9},{\"key\":\"k\",\"value_base64\":\"Yg==\",\"version\":0}")));
        assertEquals(new Reply.Count(2), reply);
        assertEquals(new Value(bytes("b"), 1, Value.NO_EXPIRY), driver.stored("k"));
    }

    @Test
    void v1_dumps_restore() {
        EngineDriver driver = new EngineDriver(0);
        driver.apply(new Command.Restore("{\"version\":1,\"created_at_ms\":0,\"source_engine_version\":2,"
                + "\"source_sequence\":0,\"entries\":[{\"key\":\"k\",\"value\":\"text\",\"expires_at_ms\":5}]}"));
        assertEquals(new Value(bytes("text"), 1, 5), driver.stored("k"));
    }

    @Test
    void a_bad_dump_changes_nothing_and_answers_eng_004_or_eng_009() {
        EngineDriver driver = new EngineDriver(0);
        driver.apply(set("keep", "me"));
        Reply.Error malformed = (Reply.Error) driver.apply(new Command.Restore("{\"version\":2"));
        assertEquals("ENG-004", malformed.code());
        Reply.Error base64 = (Reply.Error) driver.apply(new Command.Restore(dump("{\"key\":\"k\",\"value_base64\":\"YQ\",\"version\":1}")));
        assertEquals("ENG-004", base64.code());
        assertEquals(Reply.Error.of(ErrorCode.ENG_009, "logical backup"), driver.apply(new Command.Restore("{\"version\":7}")));
        assertEquals(List.of("keep"), driver.storedKeys());
    }

    @Test
    void backup_then_restore_round_trips_binary_values_versions_and_expiries() {
        EngineDriver source = new EngineDriver(100);
        source.apply(Command.Set.of(key("nul"), Bytes.fromHex("00")));
        source.apply(Command.Set.of(key("bad-utf8"), Bytes.fromHex("c0afed a080".replace(" ", ""))));
        source.apply(set("ttl", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(60), false, false));
        source.apply(set("ttl", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, true, false));
        byte[] dump = ((Reply.Data) source.read(new Command.Backup())).value().toByteArray();
        EngineDriver target = new EngineDriver(100);
        target.apply(new Command.Restore(new String(dump, StandardCharsets.UTF_8)));
        assertEquals(source.engine.storedEntries(), target.engine.storedEntries());
    }
}

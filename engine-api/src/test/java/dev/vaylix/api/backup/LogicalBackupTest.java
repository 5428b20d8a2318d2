package dev.vaylix.api.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicalBackupTest {

    /** STORAGE.md §11.1, verbatim. */
    static final String SPEC_DUMP = "{\"version\":2,\"created_at_ms\":1700000002000,\"source_engine_version\":3,"
            + "\"source_sequence\":7,\"entries\":[{\"key\":\"bin\",\"value_base64\":\"AAEC+v8=\",\"expires_at_ms\":null,"
            + "\"version\":2},{\"key\":\"name\",\"value_base64\":\"YWxpY2U=\",\"expires_at_ms\":1700000060000,\"version\":1}]}";
    static final String SPEC_SHA256 = "aca305ca743041d0b52196925559eaa124e8b02f5192c5a56e0b85cdf345ab8b";

    /** STORAGE.md §11.4, verbatim. */
    static final String SPEC_MANIFEST = """
            {
              "manifest_version": 1,
              "backup_version": 2,
              "created_at_ms": 1700000002000,
              "source_engine_version": 3,
              "source_sequence": 7,
              "entry_count": 2,
              "byte_len": 257,
              "hash_algorithm": "sha256",
              "sha256": "aca305ca743041d0b52196925559eaa124e8b02f5192c5a56e0b85cdf345ab8b"
            }""";

    static final List<DumpEntry> SPEC_ENTRIES = List.of(
            new DumpEntry(Key.of("bin"), Bytes.fromHex("000102faff"), 2, OptionalLong.empty()),
            new DumpEntry(Key.of("name"), Bytes.utf8("alice"), 1, OptionalLong.of(1700000060000L)));

    @Test
    void the_spec_example_dump_is_reproduced_byte_for_byte() {
        byte[] dump = LogicalBackup.write(1700000002000L, 7, SPEC_ENTRIES);
        assertEquals(SPEC_DUMP, new String(dump, StandardCharsets.UTF_8));
        assertEquals(257, dump.length);
        assertEquals(SPEC_SHA256, LogicalBackup.sha256Hex(dump));
    }

    @Test
    void the_spec_example_manifest_is_reproduced_byte_for_byte() {
        assertEquals(SPEC_MANIFEST, LogicalBackup.manifest(SPEC_DUMP.getBytes(StandardCharsets.UTF_8)));
        assertEquals("backups/a.json.manifest.json", LogicalBackup.manifestPath("backups/a.json"));
    }

    @Test
    void the_spec_example_parses_back() {
        LogicalDump parsed = LogicalBackup.parse(utf8(SPEC_DUMP));
        assertEquals(new LogicalDump(2, 1700000002000L, 3, 7, SPEC_ENTRIES), parsed);
    }

    @Test
    void verify_reports_live_entries_all_entries_and_the_hash() {
        Verification verification = LogicalBackup.verify(utf8(SPEC_DUMP), 1700000060000L);
        assertEquals(new Verification(1, 2, SPEC_SHA256), verification, "name expired at exactly its expiry");
        assertEquals(List.of(Reply.Entry.text("status", "ok"), Reply.Entry.text("entries", "1"),
                Reply.Entry.text("entry_count", "2"), Reply.Entry.text("sha256", SPEC_SHA256)),
                verification.toReply().entries());
        assertEquals(2, LogicalBackup.check(utf8(SPEC_DUMP), 1700000059999L));
    }

    @Test
    void verify_from_accepts_the_matching_manifest_and_refuses_a_changed_one() {
        byte[] dump = utf8(SPEC_DUMP);
        assertEquals(2, LogicalBackup.verify(dump, utf8(SPEC_MANIFEST), 0).liveEntries());
        for (String[] change : new String[][] {
                {"\"entry_count\": 2", "\"entry_count\": 3"},
                {"\"byte_len\": 257", "\"byte_len\": 256"},
                {"\"source_sequence\": 7", "\"source_sequence\": 8"},
                {"\"created_at_ms\": 1700000002000", "\"created_at_ms\": 1"},
                {"\"backup_version\": 2", "\"backup_version\": 1"},
                {"\"source_engine_version\": 3", "\"source_engine_version\": 4"},
                {"ab8b\"", "ab8c\""}}) {
            byte[] manifest = utf8(SPEC_MANIFEST.replace(change[0], change[1]));
            VaylixException e = assertThrows(VaylixException.class, () -> LogicalBackup.verify(dump, manifest, 0));
            assertEquals(ErrorCode.SRV_029, e.code());
            assertEquals("backup verification failed: backup manifest does not match dump", e.getMessage());
        }
    }

    @Test
    void verify_from_names_bad_manifest_versions_and_algorithms() {
        byte[] dump = utf8(SPEC_DUMP);
        assertEquals("backup verification failed: unsupported manifest version 2", assertThrows(VaylixException.class,
                () -> LogicalBackup.verify(dump, utf8(SPEC_MANIFEST.replace("\"manifest_version\": 1", "\"manifest_version\": 2")), 0))
                .getMessage());
        assertEquals("backup verification failed: unsupported hash algorithm md5", assertThrows(VaylixException.class,
                () -> LogicalBackup.verify(dump, utf8(SPEC_MANIFEST.replace("\"sha256\",", "\"md5\",")), 0)).getMessage());
        VaylixException invalid = assertThrows(VaylixException.class, () -> LogicalBackup.verify(dump, utf8("{"), 0));
        assertEquals(ErrorCode.SRV_029, invalid.code());
        VaylixException missing = assertThrows(VaylixException.class,
                () -> LogicalBackup.verify(dump, utf8("{\"manifest_version\":1,\"hash_algorithm\":\"sha256\"}"), 0));
        assertEquals("backup verification failed: missing field `backup_version`", missing.getMessage());
    }

    @Test
    void v1_dumps_restore_as_text_with_version_1() {
        String v1 = "{\"version\":1,\"created_at_ms\":5,\"source_engine_version\":2,\"source_sequence\":3,"
                + "\"entries\":[{\"key\":\"k\",\"value\":\"héllo\",\"expires_at_ms\":null},{\"key\":\"t\",\"value\":\"x\"}]}";
        LogicalDump parsed = LogicalBackup.parse(utf8(v1));
        assertEquals(List.of(
                new DumpEntry(Key.of("k"), Bytes.utf8("héllo"), 1, OptionalLong.empty()),
                new DumpEntry(Key.of("t"), Bytes.utf8("x"), 1, OptionalLong.empty())), parsed.entries());
        assertEquals(1, parsed.version());
        assertEquals(2, LogicalBackup.verify(utf8(v1), 0).liveEntries());
    }

    @Test
    void extra_fields_are_ignored_and_expiry_may_be_omitted() {
        String dump = "{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"extra\":[1],"
                + "\"entries\":[{\"key\":\"k\",\"value_base64\":\"\",\"version\":0,\"note\":true}]}";
        DumpEntry entry = LogicalBackup.parse(utf8(dump)).entries().getFirst();
        assertEquals(new DumpEntry(Key.of("k"), Bytes.EMPTY, 0, OptionalLong.empty()), entry);
        assertEquals(1, entry.restoredVersion());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"version\":3}'                                       | ENG-009 | unsupported storage format for logical backup",
            "'{}'                                                    | ENG-004 | missing field `version`",
            "'[]'                                                    | ENG-004 | invalid type: sequence, expected a map",
            "'{\"version\":\"2\"}'                                   | ENG-004 | field `version`: invalid type: string",
            "'{\"version\":2'                                        | ENG-004 | EOF while parsing an object",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0}' | ENG-004 | missing field `entries`",
            "'{\"version\":2,\"created_at_ms\":-1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[]}' | ENG-004 | expected u64",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[{\"key\":\"k\",\"value_base64\":\"AA\",\"version\":1}]}' | ENG-004 | entries[0]: field `value_base64`: base64 is not canonical",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[{\"key\":\"k\",\"value_base64\":\"AB==\",\"version\":1}]}' | ENG-004 | base64 is not canonical",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[{\"key\":\"k\",\"value_base64\":\"A*==\",\"version\":1}]}' | ENG-004 | invalid base64",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[{\"key\":\"k\",\"value_base64\":\"\"}]}' | ENG-004 | entries[0]: missing field `version`",
            "'{\"version\":1,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[{\"key\":1,\"value\":\"\"}]}' | ENG-004 | entries[0]: field `key`: invalid type: integer `1`",
    })
    void malformed_dumps_fail_with_the_documented_codes(String dump, String code, String detail) {
        VaylixException e = assertThrows(VaylixException.class, () -> LogicalBackup.parse(utf8(dump)));
        assertEquals(code, e.code().code());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        VaylixException check = assertThrows(VaylixException.class, () -> LogicalBackup.check(utf8(dump), 0));
        assertEquals(code, check.code().code(), "RESTORE CHECK refuses what RESTORE refuses");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"version\":5,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":[]}' | backup verification failed: unsupported backup version 5",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0}' | backup verification failed: missing field `entries`",
            "'{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,\"entries\":{}}' | backup verification failed: field `entries`: invalid type: map, expected a sequence",
            "'not json'                                               | backup verification failed: expected value at line 1 column 1",
    })
    void verify_header_failures_are_srv_029(String dump, String message) {
        VaylixException e = assertThrows(VaylixException.class, () -> LogicalBackup.verify(utf8(dump), 0));
        assertEquals(ErrorCode.SRV_029, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void verify_reports_bad_entries_as_eng_004() {
        String dump = "{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":0,"
                + "\"entries\":[{\"key\":\"k\",\"value_base64\":\"!\",\"version\":1}]}";
        assertEquals(ErrorCode.ENG_004, assertThrows(VaylixException.class, () -> LogicalBackup.verify(utf8(dump), 0)).code());
    }

    @Test
    void writing_refuses_unsorted_or_repeated_keys() {
        DumpEntry a = new DumpEntry(Key.of("a"), Bytes.EMPTY, 1, OptionalLong.empty());
        DumpEntry b = new DumpEntry(Key.of("b"), Bytes.EMPTY, 1, OptionalLong.empty());
        assertThrows(IllegalArgumentException.class, () -> LogicalBackup.write(0, 0, List.of(b, a)));
        assertThrows(IllegalArgumentException.class, () -> LogicalBackup.write(0, 0, List.of(a, a)));
    }

    @Test
    void an_explicit_zero_expiry_is_in_the_past_not_absent() {
        DumpEntry zero = new DumpEntry(Key.of("k"), Bytes.EMPTY, 1, OptionalLong.of(0));
        assertEquals(false, zero.isLiveAt(0));
        assertEquals(true, new DumpEntry(Key.of("k"), Bytes.EMPTY, 1, OptionalLong.of(-1L)).isLiveAt(Long.MAX_VALUE),
                "expiry u64 max is after every signed time");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

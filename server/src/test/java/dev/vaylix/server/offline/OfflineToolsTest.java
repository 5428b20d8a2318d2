package dev.vaylix.server.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.server.config.Invocation;
import dev.vaylix.server.config.ServerCommandLine;
import dev.vaylix.server.testing.ManualClock;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.crypto.MasterKey;
import dev.vaylix.storage.offline.RestorePoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline subcommands end to end: command line → runner → storage → real files. */
class OfflineToolsTest {

    private static final String KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path root;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    private Path source() {
        return root.resolve("source");
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static Invocation parse(Map<String, String> env, String... args) {
        return ServerCommandLine.parse(List.of(args), env);
    }

    private int run(Map<String, String> env, String... args) {
        OfflineTools tools = new OfflineTools(env, ManualClock.started());
        return switch (parse(env, args)) {
            case Invocation.StorageVerify verify -> tools.verify(verify, out, err);
            case Invocation.StorageMigrate migrate -> tools.migrate(migrate, out, err);
            case Invocation.PitrInspect inspect -> tools.inspect(inspect, out, err);
            case Invocation.PitrRestore restore -> tools.restore(restore, out, err);
            case Invocation other -> throw new AssertionError("not an offline tool: " + other);
        };
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private static List<String> keys(String report) {
        return Arrays.stream(report.split("\n")).map(line -> line.substring(0, line.indexOf('='))).toList();
    }

    @Test
    void verify_replays_through_the_engine_prints_the_report_and_changes_no_byte_or_timestamp() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        Map<String, String> before = SourceDataDir.fingerprint(source());
        assertEquals(0, run("storage", "verify", "--data-dir", source().toString()), err());
        assertEquals(before, SourceDataDir.fingerprint(source()));
        assertEquals("", err());
        assertEquals(List.of("snapshot_present", "storage_format_version", "snapshot_size_bytes", "last_snapshot_index",
                "last_snapshot_at_ms", "wal_segment_count", "sealed_wal_segment_count", "active_wal_segment_count",
                "active_wal_start_index", "oldest_retained_index", "newest_index", "wal_size_bytes", "last_snapshot_term",
                "first_index", "last_index", "commit_index", "hard_state_term", "manifest_status", "torn_tail_bytes",
                "entries_verified", "entries_replayed"), keys(out()));
        assertTrue(out().startsWith("snapshot_present=true\nstorage_format_version=3\n"), out());
        assertTrue(out().contains("\nlast_snapshot_index=5\nlast_snapshot_at_ms=" + SourceDataDir.timeOf(5) + "\n"), out());
        assertTrue(out().contains("\nnewest_index=12\n"), out());
        assertTrue(out().contains("\ncommit_index=11\n"), out());
        assertTrue(out().endsWith("\nentries_replayed=7\n"), out());
    }

    @Test
    void verify_fails_closed_with_the_storage_code_on_stderr_and_nothing_on_stdout() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        Path snapshot = source().resolve("snapshot.bin");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 5] ^= 0x01;
        Files.write(snapshot, bytes);
        assertEquals(1, run("storage", "verify", "--data-dir", source().toString()));
        assertEquals("", out());
        assertTrue(err().startsWith("[ENG-007] Checksum Validation Failure: checksum validation failed for "), err());
        assertTrue(err().endsWith("\n") && err().lines().count() == 1, err());
    }

    @Test
    void verify_of_a_log_entry_the_state_machine_cannot_decode_is_an_error_not_a_skip() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        try (RecoveredStorage storage = StorageRecovery.open(SourceDataDir.config(source()))) {
            storage.log().append(List.of(new LogEntry(13, 1, EntryKind.COMMAND, SourceDataDir.timeOf(13), Bytes.utf8("junk"))),
                    new dev.vaylix.api.log.HardState(1, "n1", 13));
        }
        assertEquals(1, run("storage", "verify", "--data-dir", source().toString()));
        assertTrue(err().startsWith("[ENG-014] WAL Deserialization Failure: "), err());
    }

    @Test
    void a_missing_data_directory_is_reported_and_not_created() {
        Path missing = root.resolve("nothing-here");
        assertEquals(1, run("pitr", "inspect", "--data-dir", missing.toString()));
        assertEquals("[ENG-002] Filesystem I/O Failure: filesystem I/O failed: data directory " + missing + " does not exist\n",
                err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void inspect_prints_the_report_from_the_files_without_replay() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        Map<String, String> before = SourceDataDir.fingerprint(source());
        assertEquals(0, run(Map.of("VAYLIX_DATA_DIR", source().toString()), "pitr", "inspect"), err());
        assertEquals(before, SourceDataDir.fingerprint(source()));
        assertEquals(19, keys(out()).size());
        assertTrue(out().contains("\nsealed_wal_segment_count="), out());
        assertFalse(out().contains("entries_replayed"), out());
    }

    @Test
    void migrate_reports_the_current_format_and_refuses_the_legacy_layout() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        assertEquals(0, run("storage", "migrate", "--data-dir", source().toString()), err());
        assertTrue(out().endsWith("\nmigrated=false\n"), out());
        stdout.reset();
        Files.writeString(source().resolve("wal.log"), "legacy");
        assertEquals(1, run("storage", "migrate", "--data-dir", source().toString()));
        assertTrue(err().startsWith("[ENG-010] Storage Migration Required: storage migration is required for legacy wal layout"),
                err());
        assertEquals("", out());
    }

    @Test
    void restore_to_a_sequence_rebuilds_that_state_and_leaves_the_source_alone() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        Map<String, String> before = SourceDataDir.fingerprint(source());
        Path target = root.resolve("restored");
        assertEquals(0, run("pitr", "restore", "--source-dir", source().toString(), "--target-dir", target.toString(),
                "--to-sequence", "9"), err());
        assertEquals(before, SourceDataDir.fingerprint(source()));
        assertTrue(out().contains("\nlast_snapshot_index=9\n"), out());
        assertEquals(SourceDataDir.expectedAfter(9), SourceDataDir.snapshotState(SourceDataDir.config(target)));
        assertTrue(SourceDataDir.snapshotMachine(SourceDataDir.config(target)).authState().roles().containsKey(SourceDataDir.ROLE),
                "the auth entry (tag 0x02) at 3 is part of the restored state");
        try (RecoveredStorage restored = StorageRecovery.openReadOnly(SourceDataDir.config(target))) {
            assertEquals(SourceDataDir.MEMBERS_B, restored.snapshot().orElseThrow().meta().membership(),
                    "the CONFIG entry at 7 is the membership after 9");
            assertEquals(SourceDataDir.timeOf(9), restored.snapshot().orElseThrow().meta().createdAtMs());
        }
        assertEquals(0, run("storage", "verify", "--data-dir", target.toString()), err());
    }

    @Test
    void restore_to_a_timestamp_keeps_the_entries_up_to_it() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        Path target = root.resolve("by-time");
        assertEquals(0, run("pitr", "restore", "--source-dir", source().toString(), "--target-dir", target.toString(),
                "--to-timestamp-ms", Long.toString(SourceDataDir.timeOf(6) + 500)), err());
        assertEquals(SourceDataDir.expectedAfter(6), SourceDataDir.snapshotState(SourceDataDir.config(target)));
        Path everything = root.resolve("everything");
        assertEquals(0, run("pitr", "restore", "--source-dir", source().toString(), "--target-dir", everything.toString(),
                "--to-timestamp-ms", "18446744073709551615"), err());
        assertEquals(SourceDataDir.expectedAfter(SourceDataDir.COMMITTED),
                SourceDataDir.snapshotState(SourceDataDir.config(everything)), "only committed entries are restored");
    }

    @Test
    void restore_refuses_unavailable_points_and_bad_directories_with_their_codes() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        Path target = root.resolve("target");
        assertEquals(1, run("pitr", "restore", "--source-dir", source().toString(), "--target-dir", target.toString(),
                "--to-sequence", "4"));
        assertTrue(err().startsWith("[ENG-012] Restore Point Unavailable: restore point is unavailable: index 4 is older than"
                + " snapshot baseline 5"), err());
        stderr.reset();
        assertEquals(1, run("pitr", "restore", "--source-dir", source().toString(), "--target-dir", target.toString(),
                "--to-sequence", "18446744073709551615"));
        assertEquals("[ENG-012] Restore Point Unavailable: restore point is unavailable: index 18446744073709551615 is outside"
                + " retained committed history\n", err());
        stderr.reset();
        assertEquals(1, run("pitr", "restore", "--source-dir", source().toString(), "--target-dir", source().toString(),
                "--to-sequence", "6"));
        assertTrue(err().startsWith("[ENG-011] Invalid Storage Operation: invalid storage operation: source and target data"
                + " directories must differ"), err());
        assertFalse(Files.exists(target));
        assertEquals("", out());
    }

    @Test
    void a_directory_under_a_master_key_needs_that_key_from_the_environment() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()).withMasterKey(MasterKey.fromHex(KEY_HEX)));
        assertEquals(1, run("pitr", "inspect", "--data-dir", source().toString()));
        assertTrue(err().startsWith("[ENG-008] "), err());
        assertEquals(0, run(Map.of(MasterKey.ENV_KEY, KEY_HEX), "storage", "verify", "--data-dir", source().toString()), err());
        Path keyFile = root.resolve("master.key");
        Files.writeString(keyFile, KEY_HEX + "\n");
        stderr.reset();
        assertEquals(1, run(Map.of(MasterKey.ENV_KEY, KEY_HEX), "--master-key-file", keyFile.toString(),
                "pitr", "inspect", "--data-dir", source().toString()));
        assertTrue(err().contains("set one"), err());
    }

    @Test
    void a_segment_size_storage_cannot_use_is_an_argument_error() throws Exception {
        SourceDataDir.build(SourceDataDir.config(source()));
        assertEquals(1, run("--wal-segment-size-bytes", "100", "pitr", "restore", "--source-dir", source().toString(),
                "--target-dir", root.resolve("t").toString(), "--to-sequence", "6"));
        assertTrue(err().startsWith("[SRV-030] Invalid Arguments: invalid command-line arguments: invalid value for"
                + " --wal-segment-size-bytes: 100"), err());
    }

    @Test
    void u64_targets_beyond_the_signed_range_map_to_what_they_mean() {
        assertEquals(new RestorePoint.ToTimestamp(Long.MAX_VALUE),
                OfflineTools.restorePoint(new Invocation.RestoreTarget.ToTimestampMs(-1)));
        assertEquals(new RestorePoint.ToIndex(7), OfflineTools.restorePoint(new Invocation.RestoreTarget.ToSequence(7)));
        VaylixException e = assertThrows(VaylixException.class,
                () -> OfflineTools.restorePoint(new Invocation.RestoreTarget.ToSequence(-1)));
        assertEquals(ErrorCode.ENG_012, e.code());
    }

    @Test
    void replay_refuses_a_gap_instead_of_losing_writes() {
        var applier = ReplayApplier.factory(Optional.empty()).open(Optional.empty());
        applier.apply(SourceDataDir.entry(1));
        VaylixException gap = assertThrows(VaylixException.class, () -> applier.apply(SourceDataDir.entry(3)));
        assertEquals(ErrorCode.ENG_011, gap.code());
        VaylixException unknown = assertThrows(VaylixException.class, applier::membership);
        assertEquals(ErrorCode.ENG_011, unknown.code(), "no snapshot, CONFIG entry or node-id names the membership");
    }

    @Test
    void replay_without_snapshot_or_config_entry_takes_the_node_id_as_the_only_voter() {
        var applier = ReplayApplier.factory(Optional.of("n1")).open(Optional.empty());
        assertEquals(SourceDataDir.MEMBERS_A, applier.membership());
        applier.apply(SourceDataDir.entry(1));
        applier.apply(SourceDataDir.entry(2));
        applier.apply(SourceDataDir.entry(3));
        assertTrue(((ReplayApplier) applier).machine().authState().roles().containsKey(SourceDataDir.ROLE));
    }

    @Test
    void the_only_voter_commits_alone_and_a_member_of_a_larger_group_does_not() {
        var solo = ReplayApplier.factory(Optional.of("n1"));
        assertTrue(solo.commitsAlone(Optional.empty(), Optional.of(SourceDataDir.MEMBERS_A)), "{n1} written by n1");
        assertTrue(solo.commitsAlone(Optional.empty(), Optional.empty()), "no membership recorded: n1 bootstrapped alone");
        assertFalse(solo.commitsAlone(Optional.empty(), Optional.of(SourceDataDir.MEMBERS_B)), "{n1, n2}");
        assertFalse(ReplayApplier.factory(Optional.of("n2")).commitsAlone(Optional.empty(), Optional.of(SourceDataDir.MEMBERS_A)),
                "{n1} read from n2's directory");
        assertFalse(ReplayApplier.factory(Optional.empty()).commitsAlone(Optional.empty(), Optional.of(SourceDataDir.MEMBERS_A)),
                "without node-id the writer is unknown");
    }
}

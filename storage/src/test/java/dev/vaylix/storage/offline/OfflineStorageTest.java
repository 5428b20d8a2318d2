package dev.vaylix.storage.offline;

import static dev.vaylix.storage.testing.StorageAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.DataDirFixture;
import dev.vaylix.storage.RecoveredSnapshot;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.testing.FastTempDirs;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline tools on real files: verify and inspect change nothing, restore writes only its new target. */
class OfflineStorageTest {

    @TempDir(factory = FastTempDirs.class)
    Path root;

    private StorageConfig source() {
        return DataDirFixture.config(new ChannelFileIO(), root.resolve("source"));
    }

    /** 12 entries, committed to 11, snapshot at 5, one membership change at 7 (replacing command 7). */
    private void buildSource() {
        DataDirFixture.build(source(), 6, 6, 5);
        try (RecoveredStorage storage = StorageRecovery.open(source())) {
            storage.log().append(List.of(new LogEntry(7, 1, EntryKind.CONFIG, DataDirFixture.timeOf(7), Bytes.utf8("members-b"))),
                    new HardState(1, "n1", 7));
            for (long i = 8; i <= 12; i++) {
                storage.log().append(List.of(DataDirFixture.command(i)), new HardState(1, "n1", Math.min(11, i)));
            }
        }
    }

    /** Name, size, content hash and modification time of every file below {@code dir}. */
    private static Map<String, String> fingerprint(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                String content = Files.isRegularFile(file) ? Bytes.wrapUnsafe(Files.readAllBytes(file)).toHex() : "dir";
                out.put(dir.relativize(file).toString(), modified + " " + content);
            }
        }
        return out;
    }

    /** The state after entries 1..index of {@link #buildSource} (entry 7 changes membership only). */
    private static Bytes expectedState(long index) {
        TreeMap<String, String> state = new TreeMap<>();
        for (long i = 1; i <= index; i++) {
            if (i != 7) {
                state.put("k" + (i % 4), "v" + i);
            }
        }
        return KeyValueMachine.encode(state);
    }

    @Test
    void verify_checks_everything_replays_and_changes_nothing_not_even_a_torn_tail() throws Exception {
        buildSource();
        Path wal = root.resolve("source/wal");
        Path active;
        try (Stream<Path> files = Files.list(wal)) {
            active = files.filter(p -> p.getFileName().toString().startsWith("active-")).findFirst().orElseThrow();
        }
        Files.write(active, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Map<String, String> before = fingerprint(root.resolve("source"));
        OfflineStorage.Verified verified = OfflineStorage.verify(source(), Optional.of(KeyValueMachine.FACTORY));
        assertEquals(before, fingerprint(root.resolve("source")));
        assertEquals(7, verified.entriesVerified());
        assertEquals(7, verified.entriesReplayed().orElseThrow());
        assertEquals(3, verified.report().tornTailBytes());
        assertTrue(verified.render().contains("entries_replayed=7\n"), verified.render());
    }

    @Test
    void verify_fails_closed_on_a_flipped_bit_with_the_file_and_offset() throws Exception {
        buildSource();
        Path snapshot = root.resolve("source/snapshot.bin");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(snapshot, bytes);
        VaylixException e = assertThrows(VaylixException.class, () -> OfflineStorage.verify(source(), Optional.empty()));
        assertEquals(ErrorCode.ENG_007, e.code());
        assertTrue(e.getMessage().contains("snapshot.bin at offset"), e.getMessage());
    }

    @Test
    void inspect_prints_the_section_10_report_in_order_from_the_contents() {
        buildSource();
        InspectionReport report = OfflineStorage.inspect(source());
        List<String> keys = report.entries().stream().map(Map.Entry::getKey).toList();
        assertEquals(List.of("snapshot_present", "storage_format_version", "snapshot_size_bytes", "last_snapshot_index",
                "last_snapshot_at_ms", "wal_segment_count", "sealed_wal_segment_count", "active_wal_segment_count",
                "active_wal_start_index", "oldest_retained_index", "newest_index", "wal_size_bytes"), keys.subList(0, 12));
        String text = report.render();
        assertTrue(text.startsWith("snapshot_present=true\nstorage_format_version=3\n"), text);
        assertTrue(text.contains("last_snapshot_index=5\n"), text);
        assertTrue(text.contains("last_snapshot_at_ms=" + DataDirFixture.timeOf(5) + "\n"), text);
        assertTrue(text.contains("newest_index=12\n"), text);
        assertTrue(text.contains("commit_index=11\n"), text);
        assertEquals(DataDirFixture.stateAfter(5).length(), report.snapshotSizeBytes());
        assertEquals(1, report.activeWalSegmentCount());
    }

    @Test
    void migrate_reports_the_current_format_and_refuses_the_legacy_layout_with_eng_010() throws Exception {
        buildSource();
        OfflineStorage.Migrated migrated = OfflineStorage.migrate(source());
        assertFalse(migrated.migrated());
        assertTrue(migrated.render().endsWith("migrated=false\n"));
        Files.writeString(root.resolve("source/wal.log"), "legacy");
        VaylixException e = assertThrows(VaylixException.class, () -> OfflineStorage.migrate(source()));
        assertEquals(ErrorCode.ENG_010, e.code());
        assertTrue(e.getMessage().contains("BACKUP TO"), e.getMessage());
    }

    @Test
    void restore_to_an_index_rebuilds_that_state_in_a_new_directory_and_leaves_the_source_untouched() throws Exception {
        buildSource();
        Map<String, String> before = fingerprint(root.resolve("source"));
        Path target = root.resolve("restored");
        InspectionReport report = PointInTimeRestore.restore(source(), target, new RestorePoint.ToIndex(9), KeyValueMachine.FACTORY,
                WalOptions.DEFAULTS);
        assertEquals(before, fingerprint(root.resolve("source")));
        assertEquals(9, report.lastSnapshotIndex());
        try (RecoveredStorage restored = StorageRecovery.open(source().withDataDir(target))) {
            assertEquals(expectedState(9), restored.snapshot().orElseThrow().data());
            assertEquals(Bytes.utf8("members-b"), restored.snapshot().orElseThrow().meta().membership());
            assertEquals(DataDirFixture.timeOf(9), restored.snapshot().orElseThrow().meta().createdAtMs());
            assertEquals(10, restored.log().firstIndex());
            assertEquals(9, restored.log().lastIndex());
            assertEquals(new HardState(1, HardState.NO_VOTE, 9), restored.hardState());
        }
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of("restored", "source"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging directory is left behind");
        }
    }

    @Test
    void restore_to_a_timestamp_keeps_the_leading_entries_at_or_before_it_and_may_target_an_empty_directory() throws Exception {
        buildSource();
        Path target = Files.createDirectory(root.resolve("empty-target"));
        PointInTimeRestore.restore(source(), target, new RestorePoint.ToTimestamp(DataDirFixture.timeOf(8) + 999),
                KeyValueMachine.FACTORY, WalOptions.DEFAULTS);
        try (RecoveredStorage restored = StorageRecovery.open(source().withDataDir(target))) {
            assertEquals(8, restored.snapshot().orElseThrow().meta().index());
            assertEquals(expectedState(8), restored.snapshot().orElseThrow().data());
        }
        Path beyond = root.resolve("beyond");
        PointInTimeRestore.restore(source(), beyond, new RestorePoint.ToTimestamp(Long.MAX_VALUE), KeyValueMachine.FACTORY,
                WalOptions.DEFAULTS);
        try (RecoveredStorage restored = StorageRecovery.open(source().withDataDir(beyond))) {
            assertEquals(11, restored.snapshot().orElseThrow().meta().index(), "only committed entries are restored");
        }
    }

    @Test
    void a_writer_that_commits_alone_is_restored_to_its_whole_durable_log_not_its_trailing_commit_index() throws Exception {
        buildSource();
        List<Optional<Bytes>> asked = new java.util.ArrayList<>();
        EntryApplierFactory alone = new EntryApplierFactory() {
            @Override
            public EntryApplier open(Optional<RecoveredSnapshot> snapshot) {
                return KeyValueMachine.FACTORY.open(snapshot);
            }

            @Override
            public boolean commitsAlone(Optional<RecoveredSnapshot> snapshot, Optional<Bytes> lastMembership) {
                asked.add(lastMembership);
                return lastMembership.equals(Optional.of(Bytes.utf8("members-b")));
            }
        };
        Path everything = root.resolve("everything");
        PointInTimeRestore.restore(source(), everything, new RestorePoint.ToTimestamp(Long.MAX_VALUE), alone, WalOptions.DEFAULTS);
        assertEquals(List.of(Optional.of(Bytes.utf8("members-b"))), asked, "the last membership entry of the log is asked about");
        try (RecoveredStorage restored = StorageRecovery.open(source().withDataDir(everything))) {
            assertEquals(12, restored.snapshot().orElseThrow().meta().index(), "every durable entry, past commit index 11");
            assertEquals(expectedState(12), restored.snapshot().orElseThrow().data());
        }
        Path twelve = root.resolve("twelve");
        PointInTimeRestore.restore(source(), twelve, new RestorePoint.ToIndex(12), alone, WalOptions.DEFAULTS);
        try (RecoveredStorage restored = StorageRecovery.open(source().withDataDir(twelve))) {
            assertEquals(12, restored.snapshot().orElseThrow().meta().index());
        }
    }

    @Test
    void restore_refuses_bad_directories_and_unavailable_points_before_writing_anything() throws Exception {
        buildSource();
        Path target = root.resolve("target");
        assertCode(ErrorCode.ENG_011, () -> PointInTimeRestore.restore(source(), root.resolve("source/../source"),
                new RestorePoint.ToIndex(6), KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
        assertCode(ErrorCode.ENG_011, () -> PointInTimeRestore.restore(source(), root.resolve("source/inner"),
                new RestorePoint.ToIndex(6), KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
        Files.createDirectory(target);
        Files.writeString(target.resolve("something"), "x");
        assertCode(ErrorCode.ENG_011, () -> PointInTimeRestore.restore(source(), target, new RestorePoint.ToIndex(6),
                KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
        Path fresh = root.resolve("fresh");
        VaylixException older = assertThrows(VaylixException.class, () -> PointInTimeRestore.restore(source(), fresh,
                new RestorePoint.ToIndex(4), KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
        assertEquals(ErrorCode.ENG_012, older.code());
        assertTrue(older.getMessage().contains("older than snapshot baseline 5"), older.getMessage());
        assertCode(ErrorCode.ENG_012, () -> PointInTimeRestore.restore(source(), fresh, new RestorePoint.ToIndex(12),
                KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
        assertCode(ErrorCode.ENG_012, () -> PointInTimeRestore.restore(source(), fresh,
                new RestorePoint.ToTimestamp(DataDirFixture.timeOf(5) - 1), KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
        assertFalse(Files.exists(fresh));
        Files.writeString(root.resolve("source/wal.log"), "legacy");
        assertCode(ErrorCode.ENG_010, () -> PointInTimeRestore.restore(source(), fresh, new RestorePoint.ToIndex(6),
                KeyValueMachine.FACTORY, WalOptions.DEFAULTS));
    }
}

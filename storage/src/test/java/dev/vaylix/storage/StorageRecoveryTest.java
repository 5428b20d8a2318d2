package dev.vaylix.storage;

import static dev.vaylix.storage.testing.StorageAssertions.assertCode;
import static dev.vaylix.storage.DataDirFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.crypto.MasterKey;
import dev.vaylix.storage.io.FaultyFileIO;
import dev.vaylix.storage.snapshot.FileSnapshotStore;
import dev.vaylix.storage.wal.WalReport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageRecoveryTest {

    private static final Path DIR = Path.of("/recovery/data");

    private final FaultyFileIO fs = new FaultyFileIO();
    private final StorageConfig config = DataDirFixture.config(fs, DIR);

    /** Every file under the data directory with its content, to prove that something changed nothing. */
    private Map<String, String> files() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path dir : List.of(DIR, DIR.resolve("wal"))) {
            for (Path file : fs.list(dir)) {
                if (fs.isRegularFile(file)) {
                    out.put(file.toString(), Bytes.wrapUnsafe(fs.content(file)).toHex());
                }
            }
        }
        return out;
    }

    @Test
    void a_new_data_directory_gets_an_owner_only_keyring_an_empty_log_and_no_snapshot() throws Exception {
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            assertEquals(KeyringStore.Outcome.CREATED, storage.report().keyring());
            assertTrue(storage.snapshot().isEmpty());
            assertEquals(0, storage.log().lastIndex());
            assertEquals(1, storage.firstIndexToApply());
            assertEquals(HardState.INITIAL, storage.hardState());
            assertEquals(RecoveryReport.Positioning.CONSISTENT, storage.report().positioning());
        }
        assertTrue(fs.isOwnerOnly(DIR.resolve("keyring.bin")));
    }

    @Test
    void recovery_returns_the_snapshot_and_the_log_after_it_and_never_asks_to_reapply_covered_entries() {
        DataDirFixture.build(config, 10, 9, 6);
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            RecoveredSnapshot snapshot = storage.snapshot().orElseThrow();
            assertEquals(6, snapshot.meta().index());
            assertEquals(DataDirFixture.stateAfter(6), snapshot.data());
            assertEquals(7, storage.firstIndexToApply());
            assertEquals(10, storage.lastIndexToApply());
            assertEquals(7, storage.log().firstIndex());
            assertEquals(List.of(command(7), command(8), command(9), command(10)), storage.log().entries(7, 11, Long.MAX_VALUE));
            assertEquals(new HardState(1, "n1", 9), storage.hardState());
            assertEquals(RecoveryReport.Positioning.CONSISTENT, storage.report().positioning());
            assertEquals(FileSnapshotStore.ManifestStatus.CURRENT, storage.report().manifest());
        }
    }

    @Test
    void a_crash_between_the_snapshot_and_the_compaction_is_completed_at_recovery() {
        DataDirFixture.build(config, 10, 10, 0);
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            storage.snapshots().write(6, 1, Bytes.EMPTY, 0, DataDirFixture.stateAfter(6));
        }
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            assertEquals(RecoveryReport.Positioning.COMPACTED_TO_SNAPSHOT, storage.report().positioning());
            assertEquals(7, storage.log().firstIndex());
        }
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            assertEquals(RecoveryReport.Positioning.CONSISTENT, storage.report().positioning());
        }
    }

    @Test
    void a_snapshot_ahead_of_the_log_or_disagreeing_with_it_restarts_the_log_after_the_snapshot() {
        DataDirFixture.build(config, 10, 10, 0);
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            storage.snapshots().write(20, 2, Bytes.EMPTY, 0, Bytes.utf8("leader state"));
        }
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            assertEquals(RecoveryReport.Positioning.RESET_TO_SNAPSHOT, storage.report().positioning());
            assertEquals(21, storage.log().firstIndex());
            assertEquals(20, storage.log().lastIndex());
            assertEquals(2, storage.log().term(20));
            storage.log().append(List.of(new LogEntry(21, 2, command(21).kind(), 0, Bytes.EMPTY)), new HardState(2, "", 20));
        }
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            storage.snapshots().write(21, 3, Bytes.EMPTY, 0, Bytes.utf8("other leader"));
        }
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            assertEquals(RecoveryReport.Positioning.RESET_TO_SNAPSHOT, storage.report().positioning());
            assertEquals(3, storage.log().term(21));
            assertEquals(21, storage.lastIndexToApply());
        }
    }

    @Test
    void the_legacy_wal_log_blocks_recovery_with_eng_010() throws Exception {
        fs.createDirectories(DIR);
        fs.open(DIR.resolve("wal.log"), dev.vaylix.api.io.FileIO.OpenMode.CREATE_NEW).close();
        assertCode(ErrorCode.ENG_010, () -> StorageRecovery.open(config));
        assertCode(ErrorCode.ENG_010, () -> StorageRecovery.openReadOnly(config));
        assertFalse(fs.exists(DIR.resolve("keyring.bin")));
    }

    @Test
    void a_missing_keyring_beside_encrypted_data_is_eng_008_and_no_new_keyring_is_made() throws Exception {
        DataDirFixture.build(config, 3, 3, 2);
        fs.deleteIfExists(DIR.resolve("keyring.bin"));
        assertCode(ErrorCode.ENG_008, () -> StorageRecovery.open(config));
        assertFalse(fs.exists(DIR.resolve("keyring.bin")));
    }

    @Test
    void a_log_compacted_past_the_snapshot_or_without_one_fails_closed() throws Exception {
        DataDirFixture.build(config, 10, 10, 3);
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            storage.log().compact(6, 1);
        }
        assertCode(ErrorCode.ENG_014, () -> StorageRecovery.open(config));
        fs.deleteIfExists(DIR.resolve("manifest.bin"));
        fs.deleteIfExists(DIR.resolve("snapshot.bin"));
        VaylixException e = assertThrows(VaylixException.class, () -> StorageRecovery.open(config));
        assertEquals(ErrorCode.ENG_014, e.code());
        assertTrue(e.getMessage().contains("no snapshot"), e.getMessage());
    }

    @Test
    void a_read_only_recovery_reports_a_torn_tail_and_a_stale_manifest_but_changes_nothing() throws Exception {
        DataDirFixture.build(config, 8, 8, 4);
        byte[] manifest = fs.content(DIR.resolve("manifest.bin"));
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            storage.snapshots().write(6, 1, Bytes.EMPTY, 0, DataDirFixture.stateAfter(6));
            storage.log().append(List.of(command(9)), new HardState(1, "n1", 8));
        }
        fs.replaceContent(DIR.resolve("manifest.bin"), manifest);
        Path active = fs.list(DIR.resolve("wal")).stream().filter(p -> p.getFileName().toString().startsWith("active-")).findFirst().orElseThrow();
        byte[] content = fs.content(active);
        fs.replaceContent(active, java.util.Arrays.copyOf(content, content.length - 5));
        Map<String, String> before = files();
        try (RecoveredStorage storage = StorageRecovery.openReadOnly(config)) {
            RecoveryReport report = storage.report();
            assertEquals(FileSnapshotStore.ManifestStatus.STALE, report.manifest());
            assertFalse(report.manifestRewritten());
            WalReport.TornTail torn = report.tornTail().orElseThrow();
            assertFalse(torn.repaired());
            assertEquals(RecoveryReport.Positioning.COMPACTED_TO_SNAPSHOT, report.positioning());
            assertEquals(7, storage.firstIndexToApply());
            assertEquals(8, storage.lastIndexToApply());
            assertThrows(VaylixException.class, () -> storage.log().append(List.of(), new HardState(1, "n1", 8)));
        }
        assertEquals(before, files());
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            assertTrue(storage.report().manifestRewritten());
            assertTrue(storage.report().tornTail().orElseThrow().repaired());
            assertEquals(8, storage.log().lastIndex());
        }
    }

    @Test
    void a_data_directory_wrapped_by_a_master_key_needs_that_key_and_rotated_keys_stay_readable() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        StorageConfig wrapped = config.withMasterKey(MasterKey.ofBytes(raw));
        DataDirFixture.build(wrapped, 5, 5, 0);
        try (RecoveredStorage storage = StorageRecovery.open(wrapped)) {
            assertTrue(storage.report().keyringWrapped());
            storage.keyring().rotate(1_800_000_000_000L);
            storage.snapshots().write(5, 1, Bytes.EMPTY, 0, DataDirFixture.stateAfter(5));
            storage.log().append(List.of(command(6)), new HardState(1, "n1", 6));
        }
        assertCode(ErrorCode.ENG_008, () -> StorageRecovery.open(config));
        byte[] other = raw.clone();
        other[0] ^= 1;
        assertCode(ErrorCode.ENG_008, () -> StorageRecovery.open(config.withMasterKey(MasterKey.ofBytes(other))));
        try (RecoveredStorage storage = StorageRecovery.open(wrapped)) {
            assertEquals(5, storage.snapshot().orElseThrow().meta().index());
            assertEquals(storage.keyring().activeKey().id().toString(), storage.snapshot().orElseThrow().meta().keyId());
            assertEquals(List.of(command(6)), storage.log().entries(6, 7, Long.MAX_VALUE));
            LogStore log = storage.log();
            assertEquals(2, storage.report().wal().segments().stream().map(WalReport.SegmentInfo::keyId).distinct().count(),
                    "segments under the old and the new key: " + storage.report().wal().segments());
            assertEquals(6, log.lastIndex());
        }
    }
}

package dev.vaylix.storage.wal;

import static dev.vaylix.storage.testing.StorageAssertions.assertCode;
import static dev.vaylix.storage.wal.LogFixtures.KEYS;
import static dev.vaylix.storage.wal.LogFixtures.entries;
import static dev.vaylix.storage.wal.LogFixtures.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.crypto.Keyring;
import dev.vaylix.storage.io.FaultyFileIO;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damage to segment files: detected with the documented code and location, never skipped; torn tails repaired and reported. */
class WalCorruptionTest {

    private static final Path WAL = Path.of("/corrupt/data/wal");
    private static final WalOptions SMALL = WalOptions.DEFAULTS.withSegmentSizeBytes(1024);

    private final FaultyFileIO fs = new FaultyFileIO();

    WalCorruptionTest() throws Exception {
        fs.createDirectories(WAL);
    }

    /** Entries 1..count, one batch each, in 1 KiB segments; closed. */
    private void write(int count, WalOptions options) {
        try (LogStore log = Wal.open(fs, WAL, KEYS, options).log()) {
            for (long i = 1; i <= count; i++) {
                log.append(List.of(entry(i, 1)), new HardState(1, "", i - 1));
            }
        }
    }

    private Wal.Opened open() {
        return Wal.open(fs, WAL, KEYS, SMALL);
    }

    private Path file(String prefix) throws Exception {
        return fs.list(WAL).stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    private Path firstSealed() throws Exception {
        return fs.list(WAL).stream().filter(p -> p.getFileName().toString().matches("1-\\d+\\.wal")).findFirst().orElseThrow();
    }

    private VaylixException assertFails(ErrorCode code) {
        return assertCode(code, this::open);
    }

    @Test
    void a_flipped_bit_in_a_middle_record_of_a_sealed_segment_is_eng_007_naming_file_and_offset() throws Exception {
        write(20, SMALL);
        Path sealed = firstSealed();
        fs.flipBit(sealed, fs.content(sealed).length / 2, 2);
        VaylixException e = assertFails(ErrorCode.ENG_007);
        assertTrue(e.getMessage().contains(sealed.getFileName().toString()) && e.getMessage().contains("at offset"), e.getMessage());
    }

    @Test
    void a_flipped_bit_in_the_active_segment_before_later_synced_batches_is_eng_007_not_a_torn_tail() throws Exception {
        write(4, WalOptions.DEFAULTS);
        Path active = file("active-");
        fs.flipBit(active, 200, 5);
        assertFails(ErrorCode.ENG_007);
    }

    @Test
    void a_torn_final_append_is_truncated_and_reported_and_the_acknowledged_entries_stay() throws Exception {
        write(5, WalOptions.DEFAULTS);
        Path active = file("active-");
        byte[] content = fs.content(active);
        fs.replaceContent(active, java.util.Arrays.copyOf(content, content.length - 7));
        Wal.Opened opened = open();
        try (LogStore log = opened.log()) {
            WalReport.TornTail torn = opened.report().tornTail().orElseThrow();
            assertTrue(torn.repaired());
            assertEquals(active, torn.file());
            assertTrue(torn.bytesDropped() > 0 && torn.offset() < content.length, torn.toString());
            assertEquals(4, log.lastIndex());
            assertEquals(entries(1, 4, 1), log.entries(1, 5, Long.MAX_VALUE));
            assertEquals(new HardState(1, "", 3), log.hardState());
        }
        Wal.Opened again = open();
        again.log().close();
        assertTrue(again.report().tornTail().isEmpty(), "the repair is durable");
    }

    @Test
    void a_read_only_open_reports_a_torn_tail_without_repairing_it() throws Exception {
        write(3, WalOptions.DEFAULTS);
        Path active = file("active-");
        byte[] torn = java.util.Arrays.copyOf(fs.content(active), fs.content(active).length - 3);
        fs.replaceContent(active, torn);
        Wal.Opened opened = Wal.openReadOnly(fs, WAL, KEYS);
        try (LogStore log = opened.log()) {
            assertFalse(opened.report().tornTail().orElseThrow().repaired());
            assertEquals(2, log.lastIndex());
        }
        assertArrayEquals(torn, fs.content(active));
    }

    @Test
    void zeroes_over_the_tail_of_a_preallocated_mapped_segment_are_a_torn_tail() throws Exception {
        write(3, WalOptions.DEFAULTS.withBackend(WalOptions.Backend.MAPPED).withSegmentSizeBytes(8192));
        Path active = file("active-");
        byte[] content = fs.content(active);
        assertEquals(8192, content.length, "preallocated");
        int dataEnd = content.length;
        while (content[dataEnd - 1] == 0) {
            dataEnd--;
        }
        java.util.Arrays.fill(content, dataEnd - 20, dataEnd, (byte) 0);
        fs.replaceContent(active, content);
        Wal.Opened opened = Wal.open(fs, WAL, KEYS, WalOptions.DEFAULTS.withBackend(WalOptions.Backend.MAPPED).withSegmentSizeBytes(8192));
        try (LogStore log = opened.log()) {
            assertTrue(opened.report().tornTail().isPresent());
            assertEquals(2, log.lastIndex());
        }
    }

    @Test
    void damage_in_the_last_unsynced_batch_cannot_be_told_from_a_tear_and_is_reported_as_one() throws Exception {
        write(3, WalOptions.DEFAULTS);
        Path active = file("active-");
        fs.flipBit(active, fs.content(active).length - 30, 1);
        Wal.Opened opened = open();
        opened.log().close();
        assertTrue(opened.report().tornTail().orElseThrow().bytesDropped() > 0);
    }

    @Test
    void a_valid_record_copied_to_another_position_of_its_segment_fails_authentication() throws Exception {
        write(3, WalOptions.DEFAULTS.withSyncPolicy(SyncPolicy.FLUSH));
        Path segment = file("active-");
        byte[] bytes = fs.content(segment);
        int[] entries = entryRecordOffsets(bytes);
        int length = entryRecordLength(bytes, entries[0]);
        assertEquals(length, entryRecordLength(bytes, entries[1]), "entries 1 and 2 have records of one size");
        System.arraycopy(bytes, entries[0], bytes, entries[1], length);
        fs.replaceContent(segment, bytes);
        VaylixException e = assertFails(ErrorCode.ENG_008);
        assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
    }

    @Test
    void a_valid_record_copied_from_another_segment_fails_authentication() throws Exception {
        write(20, SMALL);
        List<Path> sealed = sealedByStart();
        byte[] first = fs.content(sealed.get(0));
        byte[] second = fs.content(sealed.get(1));
        int from = entryRecordOffsets(second)[0];
        int to = entryRecordOffsets(first)[0];
        int length = entryRecordLength(second, from);
        assertEquals(length, entryRecordLength(first, to), "entries of one payload size");
        System.arraycopy(second, from, first, to, length);
        fs.replaceContent(sealed.get(0), first);
        assertFails(ErrorCode.ENG_008);
    }

    @Test
    void a_sealed_segment_whose_name_disagrees_with_its_content_or_a_missing_middle_segment_is_eng_014() throws Exception {
        write(20, SMALL);
        Path sealed = firstSealed();
        String name = sealed.getFileName().toString();
        long end = Long.parseLong(name.substring(2, name.length() - 4));
        fs.rename(sealed, WAL.resolve("1-" + (end + 1) + ".wal"));
        VaylixException e = assertFails(ErrorCode.ENG_014);
        assertTrue(e.getMessage().contains("the name says"), e.getMessage());
    }

    @Test
    void a_gap_left_by_a_deleted_middle_segment_is_eng_014() throws Exception {
        write(30, SMALL);
        fs.deleteIfExists(sealedByStart().get(1));
        VaylixException e = assertFails(ErrorCode.ENG_014);
        assertTrue(e.getMessage().contains("starts at index"), e.getMessage());
    }

    @Test
    void segments_under_a_key_the_keyring_lacks_are_eng_008() {
        write(2, WalOptions.DEFAULTS);
        VaylixException e = assertThrows(VaylixException.class,
                () -> Wal.open(fs, WAL, Keyring.generate(1, new SecureRandom()), SMALL));
        assertEquals(ErrorCode.ENG_008, e.code());
    }

    @Test
    void a_failed_fsync_is_fatal_never_retried_and_recovery_sees_a_prefix() throws Exception {
        LogStore log = Wal.open(fs, WAL, KEYS, WalOptions.DEFAULTS).log();
        log.append(entries(1, 2, 1), HardState.INITIAL);
        fs.failForce(1);
        VaylixException failed = assertThrows(VaylixException.class, () -> log.append(List.of(entry(3, 1)), HardState.INITIAL));
        assertEquals(ErrorCode.ENG_002, failed.code());
        long forces = fs.forces();
        VaylixException refused = assertThrows(VaylixException.class, () -> log.append(List.of(entry(3, 1)), HardState.INITIAL));
        assertEquals(ErrorCode.ENG_002, refused.code());
        assertTrue(refused.getMessage().contains("refuses further use"), refused.getMessage());
        assertThrows(VaylixException.class, log::sync);
        assertThrows(VaylixException.class, log::lastIndex);
        assertEquals(forces, fs.forces(), "no fsync is retried");
        log.close();
        try (LogStore recovered = Wal.open(fs.crash(FaultyFileIO.CrashMode.TORN, new java.util.Random(1)), WAL, KEYS,
                WalOptions.DEFAULTS).log()) {
            assertTrue(recovered.lastIndex() == 2 || recovered.lastIndex() == 3, "last " + recovered.lastIndex());
            assertEquals(entries(1, 2, 1), recovered.entries(1, 3, Long.MAX_VALUE));
        }
    }

    // ------------------------------------------------------------------ helpers reading the raw format

    private List<Path> sealedByStart() throws Exception {
        return fs.list(WAL).stream().filter(p -> p.getFileName().toString().matches("\\d+-\\d+\\.wal"))
                .sorted(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().split("-")[0]))).toList();
    }

    /** Offsets of the WAL_ENTRY records of a segment file. */
    private static int[] entryRecordOffsets(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        int at = 0;
        while (at + 9 <= bytes.length && in.getInt(at) > 0) {
            if (bytes[at + 8] == dev.vaylix.storage.format.RecordType.WAL_ENTRY.code()) {
                out.add(at);
            }
            at += 9 + in.getInt(at);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int entryRecordLength(byte[] bytes, int offset) {
        return 9 + java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }

}

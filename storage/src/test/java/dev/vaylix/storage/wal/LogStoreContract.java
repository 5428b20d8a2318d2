package dev.vaylix.storage.wal;

import static dev.vaylix.storage.testing.StorageAssertions.assertCode;
import static dev.vaylix.storage.wal.LogFixtures.KEYS;
import static dev.vaylix.storage.wal.LogFixtures.entries;
import static dev.vaylix.storage.wal.LogFixtures.entry;
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
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.testing.FastTempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every {@link LogStore} implementation must have, run once per backend on real files.
 * Crash behaviour is checked separately ({@code LogCrashPropertyTest}) on the fault-injecting file system.
 */
abstract class LogStoreContract {

    @TempDir(factory = FastTempDirs.class)
    Path dir;

    abstract WalOptions.Backend backend();

    WalOptions options(SyncPolicy policy) {
        return WalOptions.DEFAULTS.withBackend(backend()).withSyncPolicy(policy).withSegmentSizeBytes(64 << 10);
    }

    LogStore open(WalOptions options) {
        return Wal.open(new ChannelFileIO(), dir.resolve("wal"), KEYS, options).log();
    }

    /** FLUSH by default: durability against power loss is the crash property's business, and fsyncs are slow here. */
    LogStore open() {
        return open(options(SyncPolicy.FLUSH));
    }

    LogStore reopen(LogStore log) {
        log.close();
        return open();
    }

    List<String> walFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_new_log_is_empty_and_never_compacted() {
        try (LogStore log = open()) {
            assertEquals(1, log.firstIndex());
            assertEquals(0, log.lastIndex());
            assertEquals(0, log.term(0));
            assertEquals(HardState.INITIAL, log.hardState());
            assertEquals(List.of(), log.entries(1, 1, Long.MAX_VALUE));
        }
    }

    @ParameterizedTest
    @EnumSource(SyncPolicy.class)
    void appended_entries_and_hard_state_read_back_and_survive_a_clean_reopen(SyncPolicy policy) {
        HardState hs = new HardState(2, "node-a", 3);
        List<LogEntry> written = new ArrayList<>(entries(1, 3, 1));
        written.addAll(entries(4, 5, 2));
        LogStore log = open(options(policy));
        log.append(written, hs);
        assertEquals(written, log.entries(1, 6, Long.MAX_VALUE));
        log.close();
        try (LogStore reopened = open(options(policy))) {
            assertEquals(written, reopened.entries(1, 6, Long.MAX_VALUE));
            assertEquals(hs, reopened.hardState());
            assertEquals(1, reopened.term(3));
            assertEquals(2, reopened.term(5));
            assertEquals(5, reopened.lastIndex());
        }
    }

    @Test
    void entries_are_byte_bounded_but_never_empty() {
        try (LogStore log = open()) {
            log.append(entries(1, 10, 1), HardState.INITIAL);
            long one = entry(1, 1).sizeBytes();
            assertEquals(1, log.entries(1, 11, 0).size());
            assertEquals(3, log.entries(1, 11, 3 * one).size());
            assertEquals(List.of(entry(4, 1), entry(5, 1)), log.entries(4, 6, Long.MAX_VALUE));
        }
    }

    @Test
    void an_empty_append_records_only_the_hard_state() {
        LogStore log = open();
        log.append(entries(1, 2, 1), HardState.INITIAL);
        log.append(List.of(), new HardState(5, "b", 2));
        log = reopen(log);
        assertEquals(new HardState(5, "b", 2), log.hardState());
        assertEquals(2, log.lastIndex());
        log.close();
    }

    @Test
    void a_conflicting_append_replaces_the_suffix_and_the_replacement_survives_reopen() {
        LogStore log = open();
        log.append(entries(1, 5, 1), HardState.INITIAL);
        log.append(entries(3, 4, 2), new HardState(2, "", 0));
        assertEquals(4, log.lastIndex());
        log = reopen(log);
        assertEquals(List.of(entry(1, 1), entry(2, 1), entry(3, 2), entry(4, 2)), log.entries(1, 5, Long.MAX_VALUE));
        log.close();
    }

    @Test
    void a_conflict_reaching_back_past_the_active_segment_overrides_older_segments() throws Exception {
        LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(1024));
        for (long i = 1; i <= 40; i++) {
            log.append(List.of(entry(i, 1)), HardState.INITIAL);
        }
        assertTrue(walFiles().size() > 3, "small segments rotate: " + walFiles());
        log.append(entries(7, 9, 3), new HardState(3, "", 0));
        assertEquals(9, log.lastIndex());
        assertEquals(3, log.term(7));
        log.close();
        try (LogStore reopened = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(1024))) {
            List<LogEntry> expected = new ArrayList<>(entries(1, 6, 1));
            expected.addAll(entries(7, 9, 3));
            assertEquals(expected, reopened.entries(1, 10, Long.MAX_VALUE));
            reopened.append(List.of(entry(10, 3)), new HardState(3, "", 0));
            assertEquals(10, reopened.lastIndex());
        }
    }

    /**
     * Entries of 0 .. 70,000 bytes in batches of up to 1,500, so batches are cut into several entry
     * groups: by payload bytes, by entry count, and around an entry larger than a group on its own.
     */
    private static List<LogEntry> mixedBatch(long from, int count, long term) {
        List<LogEntry> out = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(from * 31 + count);
        for (int i = 0; i < count; i++) {
            int size = switch (i % 97) {
                case 13 -> WalRecords.GROUP_PAYLOAD_BYTES + 4_464;
                case 50 -> 0;
                default -> random.nextInt(600);
            };
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            out.add(new LogEntry(from + i, term, i % 5 == 0 ? EntryKind.NOOP : EntryKind.COMMAND, 1_000 + i,
                    Bytes.wrapUnsafe(payload)));
        }
        return out;
    }

    @Test
    void batches_cut_into_several_entry_records_read_back_whole_and_in_any_window() {
        List<LogEntry> all = new ArrayList<>(mixedBatch(1, 1_500, 1));
        all.addAll(mixedBatch(1_501, 1, 1));
        List<LogEntry> small = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            small.add(new LogEntry(1_502 + i, 2, EntryKind.COMMAND, 7, Bytes.EMPTY));
        }
        all.addAll(small);
        LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(64 << 20));
        log.append(all.subList(0, 1_500), HardState.INITIAL);
        log.append(all.subList(1_500, 1_501), HardState.INITIAL);
        log.append(small, new HardState(2, "", 0));
        for (int pass = 0; pass < 2; pass++) {
            assertEquals(all, log.entries(1, all.size() + 1, Long.MAX_VALUE));
            for (long from : new long[] {1, 13, 14, 15, 256, 257, 1_000, 1_500, 1_501, 1_502, 2_525, 3_000}) {
                for (long to : new long[] {from + 1, from + 2, from + 300, all.size() + 1L}) {
                    if (to <= all.size() + 1) {
                        assertEquals(all.subList((int) from - 1, (int) to - 1), log.entries(from, to, Long.MAX_VALUE),
                                "entries " + from + ".." + to + " (pass " + pass + ")");
                    }
                }
                assertEquals(all.get((int) from - 1).term(), log.term(from));
            }
            log = reopen(log);
        }
        log.close();
    }

    @Test
    void a_conflict_inside_an_entry_record_keeps_its_head_and_reads_the_replacement() {
        List<LogEntry> first = mixedBatch(1, 600, 1);
        List<LogEntry> replacement = mixedBatch(301, 5, 2);
        LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(64 << 20));
        log.append(first, HardState.INITIAL);
        log.append(replacement, new HardState(2, "", 0));
        List<LogEntry> expected = new ArrayList<>(first.subList(0, 300));
        expected.addAll(replacement);
        assertEquals(expected, log.entries(1, 306, Long.MAX_VALUE));
        assertEquals(List.of(first.get(299), replacement.getFirst()), log.entries(300, 302, Long.MAX_VALUE));
        log = reopen(log);
        assertEquals(305, log.lastIndex());
        assertEquals(expected, log.entries(1, 306, Long.MAX_VALUE));
        log.close();
    }

    @Test
    void truncating_the_suffix_inside_and_across_segments_survives_reopen() {
        WalOptions small = options(SyncPolicy.FLUSH).withSegmentSizeBytes(1024);
        LogStore log = open(small);
        for (long i = 1; i <= 30; i++) {
            log.append(List.of(entry(i, 1)), HardState.INITIAL);
        }
        log.truncateSuffix(29);
        assertEquals(28, log.lastIndex());
        log.truncateSuffix(12);
        assertEquals(11, log.lastIndex());
        log.truncateSuffix(50);
        assertEquals(11, log.lastIndex());
        log.close();
        log = open(small);
        assertEquals(11, log.lastIndex());
        assertEquals(entries(1, 11, 1), log.entries(1, 12, Long.MAX_VALUE));
        log.append(List.of(entry(12, 2)), HardState.INITIAL);
        assertEquals(2, log.term(12));
        log.close();
    }

    @Test
    void compaction_moves_the_first_index_keeps_the_term_and_deletes_old_segments_beyond_retention() throws Exception {
        WalOptions small = options(SyncPolicy.FLUSH).withSegmentSizeBytes(1024).withRetainSegments(1);
        LogStore log = open(small);
        for (long i = 1; i <= 40; i++) {
            log.append(List.of(entry(i, i < 20 ? 1 : 2)), HardState.INITIAL);
        }
        int before = walFiles().size();
        log.compact(30, 2);
        assertEquals(31, log.firstIndex());
        assertEquals(2, log.term(30));
        assertEquals(40, log.lastIndex());
        assertCode(ErrorCode.ENG_011, () -> log.entries(30, 31, Long.MAX_VALUE));
        assertCode(ErrorCode.ENG_011, () -> log.term(29));
        assertCode(ErrorCode.ENG_011, () -> log.truncateSuffix(30));
        assertTrue(walFiles().size() < before, walFiles() + " after compaction, " + before + " before");
        log.compact(20, 2);
        assertEquals(31, log.firstIndex(), "compacting to an earlier point changes nothing");
        log.close();
        try (LogStore reopened = open(small)) {
            assertEquals(31, reopened.firstIndex());
            assertEquals(2, reopened.term(30));
            assertEquals(entries(31, 40, 2), reopened.entries(31, 41, Long.MAX_VALUE));
        }
    }

    @Test
    void compaction_to_a_snapshot_ahead_of_or_disagreeing_with_the_log_restarts_the_log() {
        LogStore log = open();
        log.append(entries(1, 5, 1), HardState.INITIAL);
        log.compact(9, 3);
        assertEquals(10, log.firstIndex());
        assertEquals(9, log.lastIndex());
        assertEquals(3, log.term(9));
        log.append(List.of(entry(10, 3)), HardState.INITIAL);
        log.compact(10, 4);
        assertEquals(11, log.firstIndex());
        assertEquals(10, log.lastIndex());
        assertEquals(4, log.term(10));
        log = reopen(log);
        assertEquals(11, log.firstIndex());
        assertEquals(4, log.term(10));
        log.append(List.of(entry(11, 4)), HardState.INITIAL);
        assertEquals(List.of(entry(11, 4)), log.entries(11, 12, Long.MAX_VALUE));
        log.close();
    }

    @Test
    void rotation_seals_segments_under_their_index_range_and_keeps_one_active() throws Exception {
        try (LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(1024))) {
            for (long i = 1; i <= 30; i++) {
                log.append(List.of(entry(i, 1)), HardState.INITIAL);
            }
            List<String> files = walFiles();
            assertEquals(1, files.stream().filter(f -> f.startsWith("active-")).count(), files.toString());
            assertTrue(files.stream().filter(f -> !f.startsWith("active-")).allMatch(f -> f.matches("\\d+-\\d+\\.wal")), files.toString());
            assertEquals(entries(1, 30, 1), log.entries(1, 31, Long.MAX_VALUE));
        }
    }

    @Test
    void a_batch_larger_than_a_segment_gets_a_segment_of_its_own() {
        try (LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(1024))) {
            LogEntry big = new LogEntry(1, 1, EntryKind.COMMAND, 5, Bytes.wrapUnsafe(new byte[5000]));
            log.append(List.of(big), HardState.INITIAL);
            log.append(List.of(entry(2, 1)), HardState.INITIAL);
            assertEquals(List.of(big, entry(2, 1)), log.entries(1, 3, Long.MAX_VALUE));
        }
    }

    @Test
    void preconditions_are_refused_before_anything_is_written() {
        try (LogStore log = open()) {
            log.append(entries(1, 3, 2), new HardState(2, "a", 1));
            assertCode(ErrorCode.ENG_011, () -> log.append(List.of(entry(5, 2)), HardState.INITIAL));
            assertCode(ErrorCode.ENG_011, () -> log.append(List.of(entry(4, 2), entry(6, 2)), new HardState(2, "a", 1)));
            assertCode(ErrorCode.ENG_011, () -> log.append(List.of(entry(4, 1)), new HardState(2, "a", 1)));
            assertCode(ErrorCode.ENG_011, () -> log.append(List.of(), new HardState(1, "a", 1)));
            assertCode(ErrorCode.ENG_011, () -> log.append(List.of(), new HardState(2, "b", 1)));
            assertCode(ErrorCode.ENG_011, () -> log.append(List.of(), new HardState(2, "a", 0)));
            assertCode(ErrorCode.ENG_011, () -> log.entries(0, 2, 10));
            assertCode(ErrorCode.ENG_011, () -> log.entries(2, 5, 10));
            assertCode(ErrorCode.ENG_011, () -> log.term(4));
            assertEquals(entries(1, 3, 2), log.entries(1, 4, Long.MAX_VALUE));
            log.append(List.of(entry(4, 2)), new HardState(3, "b", 2));
            assertEquals(4, log.lastIndex());
        }
    }

    @Test
    void an_entry_too_large_for_a_record_is_refused_with_eng_013() {
        try (LogStore log = open()) {
            LogEntry huge = new LogEntry(1, 1, EntryKind.COMMAND, 0, Bytes.wrapUnsafe(new byte[WalRecords.ENTRY_PAYLOAD_MAX_BYTES + 1]));
            assertCode(ErrorCode.ENG_013, () -> log.append(List.of(huge), HardState.INITIAL));
            assertEquals(0, log.lastIndex());
            log.append(List.of(entry(1, 1)), HardState.INITIAL);
        }
    }

    @Test
    void a_read_only_open_reads_everything_and_refuses_writes() {
        try (LogStore log = open()) {
            log.append(entries(1, 4, 1), new HardState(1, "x", 4));
        }
        try (LogStore readOnly = Wal.openReadOnly(new ChannelFileIO(), dir.resolve("wal"), KEYS).log()) {
            assertEquals(entries(1, 4, 1), readOnly.entries(1, 5, Long.MAX_VALUE));
            assertEquals(new HardState(1, "x", 4), readOnly.hardState());
            assertCode(ErrorCode.ENG_011, () -> readOnly.append(List.of(entry(5, 1)), HardState.INITIAL));
            assertCode(ErrorCode.ENG_011, () -> readOnly.compact(1, 1));
        }
    }

    @Test
    void a_closed_log_refuses_every_call() {
        LogStore log = open();
        log.close();
        log.close();
        assertCode(ErrorCode.ENG_011, log::lastIndex);
        assertCode(ErrorCode.ENG_011, () -> log.append(List.of(entry(1, 1)), HardState.INITIAL));
    }

    @Test
    void readers_see_consistent_entries_while_the_writer_appends_and_rotates() throws Exception {
        try (LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(2048))) {
            log.append(List.of(entry(1, 1)), HardState.INITIAL);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    for (int round = 0; round < 500; round++) {
                        long last = log.lastIndex();
                        long from = Math.max(1, last - 5);
                        List<LogEntry> read = log.entries(from, last + 1, Long.MAX_VALUE);
                        for (LogEntry e : read) {
                            if (!e.equals(entry(e.index(), 1))) {
                                throw new AssertionError("read " + e);
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            for (long i = 2; i <= 150; i++) {
                log.append(List.of(entry(i, 1)), HardState.INITIAL);
            }
            reader.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertFalse(log.entries(1, 151, Long.MAX_VALUE).isEmpty());
        }
    }
}

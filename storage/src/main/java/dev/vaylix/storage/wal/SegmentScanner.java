package dev.vaylix.storage.wal;

import dev.vaylix.storage.crypto.DataKey;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.format.ByteSource;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordFormat;
import dev.vaylix.storage.format.RecordScanner;
import dev.vaylix.storage.format.RecordType;
import dev.vaylix.storage.format.SingleRecordFile;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Reads one segment file from the start and rebuilds its file view, authenticating every record.
 *
 * <p>Errors inside records that passed their CRC are never a torn write, so they fail at once:
 * ENG-008 when authentication fails, ENG-014 for a record that breaks the log's structure, ENG-009
 * for a header of another format. Where the records simply stop being readable (bad CRC, truncated,
 * zeroes) or entries follow the last commit, the scan ends and reports {@link Damage}: whether that
 * is a torn tail to repair or corruption to refuse depends on which file it is, which the caller
 * ({@link WalRecovery}) knows.
 */
final class SegmentScanner {

    /** Window for the backward zero scan and the forward commit search. */
    private static final int WINDOW_BYTES = 1 << 20;

    /**
     * Where and why the readable records of a file end before its data does.
     *
     * @param stopOffset    where reading stopped
     * @param reason        words for an error message
     * @param crcMismatch   the stop was a CRC mismatch (ENG-007 if it is not a torn tail)
     * @param dataEnd       end of the last non-zero byte of the file, from the last commit on
     * @param durableClaim  the largest durable offset any commit record of the file vouches for,
     *                      including CRC-valid commit records found beyond the stop
     */
    record Damage(long stopOffset, String reason, boolean crcMismatch, long dataEnd, long durableClaim) {
    }

    /**
     * @param segment        the file's view; null when even the header is unreadable
     * @param lastCommitEnd  end of the last valid commit record; 0 if there is none
     * @param damage         null when the file ends cleanly after its last commit
     */
    record Result(Path path, SegmentName name, Segment segment, WalRecords.Commit lastCommit, long lastCommitEnd,
                  Damage damage, long fileBytes) {

        boolean valid() {
            return segment != null && lastCommit != null;
        }
    }

    private SegmentScanner() {
    }

    static Result scan(ByteSource source, long fileBytes, SegmentName name, KeyProvider keys) throws IOException {
        Path path = source.path();
        RecordScanner scanner = new RecordScanner(source, 0, fileBytes);
        RecordScanner.Step first = scanner.next();
        if (!(first instanceof RecordScanner.Found header)) {
            RecordScanner.Stopped stop = (RecordScanner.Stopped) first;
            return new Result(path, name, null, null, 0, damage(source, stop, 0, 0, fileBytes), fileBytes);
        }
        if (header.typeCode() != RecordType.FILE_HEADER.code()) {
            throw StorageErrors.structure(path, "the first record (type " + header.typeCode() + ") is not a file header");
        }
        Segment segment = open(path, name, FileHeader.decode(path, header.data(), FileKind.WAL_SEGMENT), keys);
        Batch pending = new Batch();
        WalRecords.Commit lastCommit = null;
        long lastCommitEnd = 0;
        long durableClaim = 0;
        while (true) {
            RecordScanner.Step step = scanner.next();
            if (step instanceof RecordScanner.Stopped stop) {
                boolean clean = lastCommit != null && pending.size == 0 && stop.offset() == lastCommitEnd
                        && dataEnd(source, lastCommitEnd, fileBytes) == lastCommitEnd;
                Damage damage = clean ? null : damage(source, stop, lastCommitEnd, durableClaim, fileBytes);
                if (damage != null && pending.size > 0 && stop.reason() == RecordScanner.Stop.END) {
                    damage = new Damage(damage.stopOffset(), "entries after the last commit record", false, damage.dataEnd(),
                            damage.durableClaim());
                }
                segment.dataEnd = lastCommitEnd;
                return new Result(path, name, segment, lastCommit, lastCommitEnd, damage, fileBytes);
            }
            RecordScanner.Found found = (RecordScanner.Found) step;
            RecordType type = RecordType.fromCode(found.typeCode()).orElse(null);
            if (type == RecordType.WAL_ENTRY) {
                readEntry(segment, found, pending);
            } else if (type == RecordType.WAL_COMMIT) {
                WalRecords.Commit commit = readCommit(segment, found);
                applyCommit(segment, found.offset(), commit, lastCommit, pending);
                lastCommit = commit;
                lastCommitEnd = found.nextOffset();
                durableClaim = Math.max(durableClaim, commit.durableOffset());
            } else {
                throw StorageErrors.structure(path, "unexpected record type " + found.typeCode() + " at offset " + found.offset());
            }
        }
    }

    private static Segment open(Path path, SegmentName name, FileHeader header, KeyProvider keys) {
        if (header.cipher() != FileHeader.CIPHER_AES_256_GCM) {
            throw StorageErrors.unsupported(path + ": a wal segment must be encrypted");
        }
        if (header.field1() < 1 || header.field2() < 1 || header.field3() < 0) {
            throw StorageErrors.structure(path, "bad header (sequence " + header.field1() + ", start " + header.field2()
                    + ", previous term " + header.field3() + ")");
        }
        if (header.field2() != name.start()) {
            throw StorageErrors.structure(path, "the name says start " + name.start() + " but the header says " + header.field2());
        }
        DataKey key = keys.key(DataKey.uuidOf(header.keyId()));
        return new Segment(header, RecordCipher.forFile(key.material(), header), path, name);
    }

    private static void readEntry(Segment segment, RecordScanner.Found found, Batch pending) {
        WalRecords.GroupMeta meta = WalRecords.groupMeta(found.data());
        if (meta == null) {
            throw StorageErrors.structure(segment.path, "malformed entry record at offset " + found.offset());
        }
        if (pending.size > 0) {
            if (meta.firstIndex() != pending.lastIndex + 1) {
                throw StorageErrors.structure(segment.path, "entry " + meta.firstIndex() + " at offset " + found.offset()
                        + " follows entry " + pending.lastIndex);
            }
            if (meta.terms()[0] < pending.lastTerm) {
                throw StorageErrors.structure(segment.path, "term decreases from " + pending.lastTerm + " to "
                        + meta.terms()[0] + " at offset " + found.offset());
            }
        }
        try {
            WalRecords.openGroup(found.data(), meta, segment.cipher, found.offset());
        } catch (AEADBadTagException e) {
            throw StorageErrors.crypto(segment.path + " at offset " + found.offset() + ": entries " + meta.firstIndex()
                    + ".." + meta.lastIndex() + " failed authentication");
        }
        for (int i = 0; i < meta.count(); i++) {
            pending.add(found.offset(), meta.firstIndex() + i, meta.terms()[i]);
        }
    }

    private static WalRecords.Commit readCommit(Segment segment, RecordScanner.Found found) {
        WalRecords.Commit commit;
        try {
            commit = WalRecords.openCommit(found.data(), segment.cipher, found.offset());
        } catch (AEADBadTagException e) {
            throw StorageErrors.crypto(segment.path + " at offset " + found.offset() + ": commit record failed authentication");
        }
        if (commit == null) {
            throw StorageErrors.structure(segment.path, "malformed commit record at offset " + found.offset());
        }
        return commit;
    }

    /** Applies a commit to the file view, checking everything the writer promised. */
    private static void applyCommit(Segment segment, long offset, WalRecords.Commit commit, WalRecords.Commit previous,
                                    Batch pending) {
        Path path = segment.path;
        String at = " (commit at offset " + offset + ")";
        if (commit.entryCount() != pending.size) {
            throw StorageErrors.structure(path, "commit counts " + commit.entryCount() + " entries but " + pending.size
                    + " precede it" + at);
        }
        if (commit.durableOffset() > offset) {
            throw StorageErrors.structure(path, "commit claims " + commit.durableOffset() + " bytes durable" + at);
        }
        if (previous != null && (commit.compactIndex() < previous.compactIndex()
                || commit.hardState().term() < previous.hardState().term()
                || commit.hardState().commitIndex() < previous.hardState().commitIndex())) {
            throw StorageErrors.structure(path, "hard state or compaction point goes backwards" + at);
        }
        long truncateFrom = commit.truncateFrom();
        if (truncateFrom != 0) {
            if (truncateFrom < segment.start || truncateFrom > segment.viewEnd() + 1) {
                throw StorageErrors.structure(path, "truncation from " + truncateFrom + " outside the segment "
                        + segment.start + ".." + segment.viewEnd() + at);
            }
            segment.truncateView(truncateFrom);
        }
        if (pending.size > 0) {
            long expected = segment.viewEnd() + 1;
            if (pending.firstIndex != expected) {
                throw StorageErrors.structure(path, "batch starts at entry " + pending.firstIndex + " where " + expected
                        + " was expected" + at);
            }
            long previousTerm = segment.termOf(segment.viewEnd());
            if (pending.firstTerm < previousTerm) {
                throw StorageErrors.structure(path, "term decreases from " + previousTerm + " to " + pending.firstTerm + at);
            }
            for (int i = 0; i < pending.size; i++) {
                segment.add(pending.offsets[i], pending.terms[i]);
            }
        }
        segment.liveToViewEnd();
        pending.clear();
    }

    private static Damage damage(ByteSource source, RecordScanner.Stopped stop, long lastCommitEnd, long claimSoFar,
                                 long fileBytes) throws IOException {
        long dataEnd = dataEnd(source, lastCommitEnd, fileBytes);
        long claim = Math.max(claimSoFar, commitClaimsIn(source, stop.offset() + 1, dataEnd));
        return new Damage(stop.offset(), "record " + SingleRecordFile.describe(stop.reason()),
                stop.reason() == RecordScanner.Stop.CRC_MISMATCH, Math.max(dataEnd, stop.offset()), claim);
    }

    /** The end of the last non-zero byte in {@code [from, fileBytes)}, or {@code from} if all are zero. */
    static long dataEnd(ByteSource source, long from, long fileBytes) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
        long end = fileBytes;
        while (end > from) {
            long windowStart = Math.max(from, end - WINDOW_BYTES);
            window.clear().limit((int) (end - windowStart));
            int read = source.read(window, windowStart);
            for (int i = read - 1; i >= 0; i--) {
                if (window.get(i) != 0) {
                    return windowStart + i + 1;
                }
            }
            end = windowStart;
        }
        return from;
    }

    /**
     * The largest durable offset claimed by any CRC-valid commit record starting in {@code [from, to)},
     * found by trying every byte position (record boundaries are unknown past damage). Commit records
     * are small, so a candidate costs one bounded CRC.
     */
    static long commitClaimsIn(ByteSource source, long from, long to) throws IOException {
        long best = 0;
        int recordMax = RecordFormat.HEADER_BYTES + WalRecords.COMMIT_DATA_MAX_BYTES;
        ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES + recordMax).order(ByteOrder.LITTLE_ENDIAN);
        for (long base = from; base < to; base += WINDOW_BYTES) {
            window.clear().limit((int) Math.min(window.capacity(), to - base));
            int n = source.read(window, base);
            int positions = Math.min(WINDOW_BYTES, n);
            for (int i = 0; i < positions && n - i >= RecordFormat.HEADER_BYTES; i++) {
                if (window.get(i + RecordFormat.TYPE_OFFSET) != RecordType.WAL_COMMIT.code()) {
                    continue;
                }
                int length = window.getInt(i);
                if (length < WalRecords.COMMIT_DATA_MIN_BYTES || length > WalRecords.COMMIT_DATA_MAX_BYTES
                        || i + RecordFormat.HEADER_BYTES + length > n) {
                    continue;
                }
                if (window.getInt(i + RecordFormat.CRC_OFFSET) == RecordFormat.crc(window, i, length)) {
                    best = Math.max(best, window.getLong(i + RecordFormat.HEADER_BYTES));
                }
            }
        }
        return best;
    }

    /** Entries read since the last commit. */
    private static final class Batch {
        long[] offsets = new long[64];
        long[] terms = new long[64];
        int size;
        long firstIndex;
        long firstTerm;
        long lastIndex;
        long lastTerm;

        void add(long offset, long index, long term) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                terms = Arrays.copyOf(terms, size * 2);
            }
            if (size == 0) {
                firstIndex = index;
                firstTerm = term;
            }
            offsets[size] = offset;
            terms[size] = term;
            size++;
            lastIndex = index;
            lastTerm = term;
        }

        void clear() {
            size = 0;
        }
    }
}

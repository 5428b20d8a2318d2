package dev.vaylix.storage.wal;

import dev.vaylix.api.VaylixException;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.format.ByteSource;
import dev.vaylix.storage.format.RecordScanner;
import dev.vaylix.storage.format.RecordType;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.crypto.AEADBadTagException;

/**
 * The segmented, encrypted {@link LogStore}; one class for both backends, which differ only in their
 * {@link SegmentWriter}. docs/STORAGE.md describes the files; {@link SegmentFiles} does the file
 * operations (rolling to a new segment, sealing, deleting).
 *
 * <p><b>Atomicity.</b> Every mutation ends with a commit record; recovery applies entries only when
 * their commit record is intact, so a mutation is all or nothing. A mutation that must replace
 * entries of an older segment starts a new segment whose start index overrides them; the new file
 * counts only once its first commit record is durable.
 *
 * <p><b>Concurrency.</b> The writer appends and fsyncs outside the lock and takes the write lock only
 * to publish what it wrote, so readers (Raft replication) are not held up by an fsync; the rare
 * file-level changes (rolling, sealing, deleting, closing) hold the write lock throughout. Readers
 * hold the read lock while they read, so no file is closed under them. Only the writer thread
 * changes the state, so it reads it without the lock.
 *
 * <p><b>Failure.</b> Any I/O error during a mutation, including a failed fsync, marks the store failed:
 * every later call is refused with ENG-002 and the process must recover from disk.
 */
final class SegmentedLogStore implements LogStore {

    /** Read-ahead for {@link #entries}: small reads should not pull a megabyte each. */
    private static final int READ_WINDOW_MIN_BYTES = 64 << 10;
    /** Largest encoded batch (it is built in one buffer). */
    static final long BATCH_BYTES_MAX = 1L << 30;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SegmentFiles files;
    private final boolean readOnly;
    // State below: written by the writer under the write lock; read under the read lock.
    private HardState hardState;
    private long compactIndex;
    private long compactTerm;
    private long lastIndex;
    private volatile VaylixException failure;
    private volatile boolean closed;

    SegmentedLogStore(SegmentFiles files, WalRecovery.Result recovered, boolean readOnly) {
        this.files = files;
        files.useLock(lock);
        this.readOnly = readOnly;
        this.hardState = recovered.hardState();
        this.compactIndex = recovered.compactIndex();
        this.compactTerm = recovered.compactTerm();
        this.lastIndex = recovered.lastIndex();
    }

    /** The state a new segment's first commit record carries. */
    record State(HardState hardState, long compactIndex, long compactTerm, long lastIndex) {
    }

    State state() {
        return new State(hardState, compactIndex, compactTerm, lastIndex);
    }

    // ----------------------------------------------------------------------------------------- reads

    @Override
    public HardState hardState() {
        return read(() -> hardState);
    }

    @Override
    public long firstIndex() {
        return read(() -> compactIndex + 1);
    }

    @Override
    public long lastIndex() {
        return read(() -> lastIndex);
    }

    @Override
    public long term(long index) {
        return read(() -> termLocked(index));
    }

    private long termLocked(long index) {
        if (index < compactIndex || index > lastIndex) {
            throw StorageErrors.invalid("term of index " + index + " outside " + compactIndex + ".." + lastIndex);
        }
        return index == compactIndex ? compactTerm : WalRecovery.termAt(files.segments(), index);
    }

    @Override
    public List<LogEntry> entries(long from, long toExclusive, long maxBytes) {
        return read(() -> {
            if (from < compactIndex + 1 || from > toExclusive || toExclusive > lastIndex + 1) {
                throw StorageErrors.invalid("entries " + from + ".." + toExclusive + " outside " + (compactIndex + 1)
                        + ".." + (lastIndex + 1));
            }
            List<LogEntry> out = new ArrayList<>();
            long totalBytes = 0;
            long index = from;
            while (index < toExclusive) {
                Segment segment = holderOf(index);
                int window = Math.clamp(maxBytes, READ_WINDOW_MIN_BYTES, RecordScanner.WINDOW_BYTES);
                ByteSource source = segment.source();
                RecordScanner scanner = new RecordScanner(source, segment.offsetOf(index), segment.dataEnd, window);
                long segmentLast = Math.min(toExclusive - 1, segment.liveEnd);
                WalRecords.Group group = null;
                long groupOffset = -1;
                for (; index <= segmentLast; index++) {
                    // Consecutive entries usually share a record; a truncated and rewritten suffix
                    // lives in a later one, so the offset decides, not the index range.
                    long offset = segment.offsetOf(index);
                    if (offset != groupOffset) {
                        group = readGroup(segment, scanner, offset, index);
                        groupOffset = offset;
                    }
                    LogEntry entry = group.entry(index);
                    if (!out.isEmpty() && totalBytes + entry.sizeBytes() > maxBytes) {
                        return Collections.unmodifiableList(out);
                    }
                    out.add(entry);
                    totalBytes += entry.sizeBytes();
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** The newest segment holding {@code index} live. */
    private Segment holderOf(long index) {
        for (Segment segment : files.segments().reversed()) {
            if (segment.holdsLive(index)) {
                return segment;
            }
        }
        throw new IllegalStateException("no segment holds live index " + index);
    }

    /**
     * Reads and decrypts the entry record at {@code offset}, which must hold entry {@code index},
     * skipping the records (commit records, replaced entries) between it and the scanner's position:
     * live entries of a segment lie in file order.
     */
    private static WalRecords.Group readGroup(Segment segment, RecordScanner scanner, long offset, long index) {
        try {
            while (true) {
                RecordScanner.Step step = scanner.next();
                if (!(step instanceof RecordScanner.Found found)) {
                    RecordScanner.Stopped stop = (RecordScanner.Stopped) step;
                    throw stop.reason() == RecordScanner.Stop.CRC_MISMATCH
                            ? StorageErrors.checksum(segment.path, stop.offset(), "record CRC32C mismatch on read")
                            : StorageErrors.structure(segment.path, "unreadable record at offset " + stop.offset() + " on read");
                }
                if (found.offset() < offset) {
                    continue;
                }
                WalRecords.GroupMeta meta = found.offset() == offset && found.typeCode() == RecordType.WAL_ENTRY.code()
                        ? WalRecords.groupMeta(found.data()) : null;
                if (meta == null || index < meta.firstIndex() || index > meta.lastIndex()) {
                    throw StorageErrors.structure(segment.path, "entry " + index + " is not in the record at offset " + offset);
                }
                return WalRecords.openGroup(found.data(), meta, segment.cipher, offset);
            }
        } catch (AEADBadTagException e) {
            throw StorageErrors.crypto(segment.path + " at offset " + offset + ": the record holding entry " + index
                    + " failed authentication");
        } catch (IOException e) {
            throw StorageErrors.io("read", segment.path, e);
        }
    }

    // ------------------------------------------------------------------------------------- mutations

    @Override
    public void append(List<LogEntry> entries, HardState newHardState) {
        checkWritable();
        long first = entries.isEmpty() ? 0 : entries.getFirst().index();
        long batchBytes = read(() -> {
            checkHardState(newHardState);
            return checkEntries(entries, newHardState);
        });
        mutate(() -> {
            State next = new State(newHardState, compactIndex, compactTerm, entries.isEmpty() ? lastIndex : entries.getLast().index());
            boolean conflict = !entries.isEmpty() && first <= lastIndex;
            if (conflict && first < files.active().start) {
                files.roll(first, termLocked(first - 1), entries, next, () -> publish(next));
            } else if (files.needsRotation(batchBytes)) {
                long start = conflict ? first : lastIndex + 1;
                files.roll(start, termLocked(start - 1), entries, next, () -> publish(next));
            } else {
                files.writeBatch(entries, next, conflict ? first : 0, false, () -> publish(next));
            }
        });
    }

    @Override
    public void truncateSuffix(long fromIndex) {
        checkWritable();
        boolean noop = read(() -> {
            if (fromIndex <= compactIndex) {
                throw StorageErrors.invalid("cannot truncate from " + fromIndex + ": entries up to " + compactIndex
                        + " are covered by a snapshot");
            }
            return fromIndex > lastIndex;
        });
        if (noop) {
            return;
        }
        mutate(() -> {
            State next = new State(hardState, compactIndex, compactTerm, fromIndex - 1);
            if (fromIndex < files.active().start || files.needsRotation(WalRecords.commitRecordBytes(hardState))) {
                files.roll(fromIndex, termLocked(fromIndex - 1), List.of(), next, () -> publish(next));
            } else {
                files.writeBatch(List.of(), next, fromIndex, false, () -> publish(next));
            }
        });
    }

    @Override
    public void compact(long snapshotIndex, long snapshotTerm) {
        checkWritable();
        if (snapshotIndex < 0 || snapshotTerm < 0 || (snapshotIndex > 0 && snapshotTerm < 1)) {
            throw StorageErrors.invalid("snapshot index " + snapshotIndex + " term " + snapshotTerm);
        }
        boolean noop = read(() -> snapshotIndex <= compactIndex);
        if (noop) {
            return;
        }
        mutate(() -> {
            boolean matches = snapshotIndex <= lastIndex && termLocked(snapshotIndex) == snapshotTerm;
            if (matches) {
                State next = new State(hardState, snapshotIndex, snapshotTerm, lastIndex);
                if (files.needsRotation(WalRecords.commitRecordBytes(hardState))) {
                    files.roll(lastIndex + 1, termLocked(lastIndex), List.of(), next, () -> publish(next));
                } else {
                    files.writeBatch(List.of(), next, 0, true, () -> publish(next));
                }
            } else {
                // The snapshot is ahead of the log or disagrees with it: the log restarts after the snapshot.
                State next = new State(hardState, snapshotIndex, snapshotTerm, snapshotIndex);
                files.roll(snapshotIndex + 1, snapshotTerm, List.of(), next, () -> publish(next));
            }
            files.deleteCompacted(snapshotIndex);
        });
    }

    @Override
    public void sync() {
        checkWritable();
        mutate(files::forceActive);
    }

    @Override
    public SyncPolicy syncPolicy() {
        return files.options().syncPolicy();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        lock.writeLock().lock();
        try {
            closed = true;
            files.closeAll(failure == null);
        } catch (IOException e) {
            throw StorageErrors.io("close", files.dir(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What the store looks like on disk, for reports. */
    List<WalReport.SegmentInfo> describeSegments() {
        return read(files::describe);
    }

    // ---------------------------------------------------------------------------------- validation

    /** Checks the entries and returns the encoded size of the batch (entries and commit record). */
    private long checkEntries(List<LogEntry> entries, HardState next) {
        long bytes = WalRecords.commitRecordBytes(next);
        if (entries.isEmpty()) {
            return bytes;
        }
        LogEntry first = entries.getFirst();
        if (first.index() <= compactIndex || first.index() > lastIndex + 1) {
            throw StorageErrors.invalid("append at index " + first.index() + " outside " + (compactIndex + 1) + ".." + (lastIndex + 1));
        }
        long previousTerm = termLocked(first.index() - 1);
        long expectedIndex = first.index();
        for (LogEntry entry : entries) {
            if (entry.index() != expectedIndex) {
                throw StorageErrors.invalid("entries are not contiguous: " + entry.index() + " where " + expectedIndex + " was expected");
            }
            if (entry.term() < previousTerm) {
                throw StorageErrors.invalid("term decreases from " + previousTerm + " to " + entry.term() + " at index " + entry.index());
            }
            if (entry.payload().length() > WalRecords.ENTRY_PAYLOAD_MAX_BYTES) {
                throw ErrorCode.ENG_013.exception("entry " + entry.index() + " is " + entry.payload().length()
                        + " bytes, more than the " + WalRecords.ENTRY_PAYLOAD_MAX_BYTES + " a record can hold");
            }
            previousTerm = entry.term();
            expectedIndex++;
        }
        bytes += WalRecords.entryRecordsBytes(entries);
        if (bytes > BATCH_BYTES_MAX) {
            throw ErrorCode.ENG_013.exception("a batch of " + bytes + " bytes is larger than " + BATCH_BYTES_MAX);
        }
        return bytes;
    }

    /** Raft's hard state never goes backwards; a caller that tries has a bug the log should not record. */
    private void checkHardState(HardState next) {
        if (WalRecords.voteBytes(next).length > WalRecords.VOTE_BYTES_MAX) {
            throw StorageErrors.invalid("votedFor is longer than " + WalRecords.VOTE_BYTES_MAX + " bytes");
        }
        if (next.term() < hardState.term()) {
            throw StorageErrors.invalid("hard state term goes back from " + hardState.term() + " to " + next.term());
        }
        if (next.term() == hardState.term() && hardState.hasVote() && !hardState.votedFor().equals(next.votedFor())) {
            throw StorageErrors.invalid("the vote of term " + next.term() + " is already recorded");
        }
        if (next.commitIndex() < hardState.commitIndex()) {
            throw StorageErrors.invalid("commit index goes back from " + hardState.commitIndex() + " to " + next.commitIndex());
        }
    }

    private void checkWritable() {
        if (readOnly) {
            throw StorageErrors.invalid("the log was opened read-only");
        }
        checkOpen();
    }

    private void checkOpen() {
        if (failure != null) {
            throw new VaylixException(ErrorCode.ENG_002, failure.getMessage() + " (the log refuses further use; restart to recover)", failure);
        }
        if (closed) {
            throw StorageErrors.invalid("the log is closed");
        }
    }

    // ------------------------------------------------------------------------------------ plumbing

    private void publish(State next) {
        hardState = next.hardState();
        compactIndex = next.compactIndex();
        compactTerm = next.compactTerm();
        lastIndex = next.lastIndex();
    }

    private interface LockedRead<T> {
        T get();
    }

    private <T> T read(LockedRead<T> body) {
        lock.readLock().lock();
        try {
            checkOpen();
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private interface Mutation {
        void run() throws IOException;
    }

    /**
     * Runs a mutation on the writer thread. Validation has been done; any failure from here on
     * (I/O or otherwise) leaves the files in an unknown state, so it is fatal.
     */
    private void mutate(Mutation body) {
        checkOpen();
        try {
            body.run();
        } catch (IOException e) {
            throw fail(StorageErrors.io("write", files.dir(), e));
        } catch (VaylixException e) {
            throw fail(e);
        } catch (RuntimeException e) {
            throw fail(new VaylixException(ErrorCode.ENG_002, ErrorCode.ENG_002.message("log write failed: " + e), e));
        }
    }

    private VaylixException fail(VaylixException cause) {
        failure = cause;
        return cause;
    }

    SegmentFiles files() {
        return files;
    }

    static SegmentedLogStore create(FileIO io, Path dir, KeyProvider keys, WalOptions options, WalRecovery.Result recovered,
                                    boolean readOnly) {
        SegmentFiles files = new SegmentFiles(io, dir, keys, options, recovered.segments(), recovered.nextSeq());
        return new SegmentedLogStore(files, recovered, readOnly);
    }
}

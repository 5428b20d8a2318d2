package dev.vaylix.storage.wal;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.crypto.DataKey;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The segment files of one WAL directory and every file-level operation on them. Called only by the
 * store's writer thread; each method takes the store's write lock where readers must not see a
 * half-done change.
 *
 * <p>Crash-safety of each operation (docs/STORAGE.md "Segments"):
 * <ul>
 *   <li><b>Roll</b> (new active segment): force the old active; write the new file's header, its
 *       initial batch and commit record; force it. Then the old active is sealed (truncate
 *       preallocation, force, rename to {@code <start>-<end>.wal}) or, if the new segment overrides
 *       all of it, deleted (after an fsync of the directory makes the new file's entry durable);
 *       finally the directory is fsynced. A crash in between leaves two active segments, which
 *       recovery orders by sequence number, or none, which the next open replaces.
 *   <li><b>Same-name roll</b> (the old active is empty and has the new start): the new file is
 *       written as {@code active-<start>.wal.tmp} and renamed over the old one.
 *   <li><b>Delete</b>: only whole segments that no longer contribute an entry, oldest first for
 *       compaction, so a deletion never resurrects an entry an older file still holds.
 * </ul>
 */
final class SegmentFiles {

    private final FileIO io;
    private final Path dir;
    private final KeyProvider keys;
    private final WalOptions options;
    private final List<Segment> segments;
    private Segment active;
    private long nextSeq;
    /** The compaction point as last published; entries up to it never need to stay readable. */
    private long compactIndex;
    private ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * Where a batch is encoded and encrypted. On the heap: JCE's AES-GCM is several times faster on
     * arrays than on direct buffers, which outweighs the copy the channel makes when writing it.
     */
    private ByteBuffer scratch = ByteBuffer.allocate(64 << 10);

    SegmentFiles(FileIO io, Path dir, KeyProvider keys, WalOptions options, List<Segment> segments, long nextSeq) {
        this.io = io;
        this.dir = dir;
        this.keys = keys;
        this.options = options;
        this.segments = new ArrayList<>(segments);
        this.nextSeq = nextSeq;
    }

    void useLock(ReentrantReadWriteLock storeLock) {
        this.lock = storeLock;
    }

    Path dir() {
        return dir;
    }

    WalOptions options() {
        return options;
    }

    /** In sequence order; callers hold the store lock or are the writer. */
    List<Segment> segments() {
        return segments;
    }

    Segment active() {
        return active;
    }

    // ---------------------------------------------------------------------------------- open

    /**
     * Makes a recovered directory writable: deletes garbage, truncates a torn tail, then rolls to a
     * fresh active segment (a file written by an earlier process is never appended to, see
     * {@link RecordCipher}) and retires every older active segment.
     */
    void openForWriting(WalRecovery.Result recovered, SegmentedLogStore.State state, WalReport.Builder report)
            throws IOException {
        io.createDirectories(dir);
        compactIndex = state.compactIndex();
        for (Path garbage : recovered.garbage()) {
            io.deleteIfExists(garbage);
            report.deleted(garbage);
        }
        if (recovered.tornTail().isPresent() && !recovered.tornTail().get().wholeFile()) {
            WalRecovery.TornTail torn = recovered.tornTail().get();
            try (StorageFile file = io.open(torn.path(), FileIO.OpenMode.READ_WRITE)) {
                file.truncate(torn.offset());
                file.force();
            }
        }
        for (Segment segment : segments) {
            if (segment.name.isActive()) {
                // Written by an earlier process, maybe never forced: make it durable before a newer
                // segment exists, since recovery treats every active segment but the newest as complete.
                try (StorageFile file = io.open(segment.path, FileIO.OpenMode.READ_WRITE)) {
                    file.force();
                }
            }
        }
        io.syncDirectory(dir);
        long last = state.lastIndex();
        long lastTerm = last == state.compactIndex() ? state.compactTerm() : WalRecovery.termAt(segments, last);
        roll(last + 1, lastTerm, List.of(), state, () -> { });
        for (Segment segment : List.copyOf(segments)) {
            if (segment != active && segment.name.isActive()) {
                retire(segment, report);
            }
        }
        deleteRedundant(report);
        io.syncDirectory(dir);
    }

    // ---------------------------------------------------------------------------------- writes

    /** Whether a batch of {@code batchBytes} must go to a new segment. */
    boolean needsRotation(long batchBytes) {
        long limit = active.writer.capacity();
        if (options.segmentSizeBytes() > 0) {
            limit = Math.min(limit, options.segmentSizeBytes());
        }
        return active.writer.end() + batchBytes > limit;
    }

    /**
     * Appends a batch (maybe empty) and its commit record to the active segment, syncs per policy (or
     * always with {@code force}), then publishes under the write lock.
     */
    void writeBatch(List<LogEntry> entries, SegmentedLogStore.State next, long truncateFrom, boolean force, Runnable publish)
            throws IOException {
        Segment segment = active;
        long base = segment.writer.end();
        long[] offsets = encode(segment, base, null, entries, next, truncateFrom);
        segment.writer.append(scratch);
        SyncPolicy policy = options.syncPolicy();
        if (force || policy == SyncPolicy.SYNC) {
            segment.writer.force();
            segment.durableEnd = segment.writer.end();
        } else if (policy == SyncPolicy.FLUSH) {
            segment.writer.writeOut();
        }
        lock.writeLock().lock();
        try {
            if (truncateFrom != 0) {
                segment.truncateView(truncateFrom);
            }
            for (int i = 0; i < entries.size(); i++) {
                segment.add(offsets[i], entries.get(i).term());
            }
            segment.liveToViewEnd();
            segment.dataEnd = segment.writer.end();
            compactIndex = next.compactIndex();
            publish.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Starts a new active segment at {@code start} (the term of {@code start - 1} being
     * {@code prevTerm}) holding {@code entries}, makes it durable, then retires the old active. The
     * new segment overrides older segments' entries from {@code start} on.
     */
    void roll(long start, long prevTerm, List<LogEntry> entries, SegmentedLogStore.State next, Runnable publish)
            throws IOException {
        lock.writeLock().lock();
        try {
            Segment old = active;
            if (old != null) {
                old.writer.force();
                old.durableEnd = old.writer.end();
            }
            DataKey key = keys.activeKey();
            FileHeader header = FileHeader.create(FileKind.WAL_SEGMENT, FileHeader.CIPHER_AES_256_GCM, key.idBytes(),
                    nextSeq++, start, prevTerm);
            SegmentName name = SegmentName.active(start);
            Path path = dir.resolve(name.fileName());
            Segment replaced = named(name);
            Path writePath = replaced != null || io.exists(path) ? AtomicFile.tempFor(path) : path;
            io.deleteIfExists(AtomicFile.tempFor(path));
            Segment segment = new Segment(header, RecordCipher.forFile(key.material(), header), path, name);
            long[] offsets = encode(segment, 0, header, entries, next, 0);
            long capacity = Math.max(options.mappedSegmentBytes(), scratch.remaining());
            StorageFile file = io.open(writePath, FileIO.OpenMode.CREATE_NEW);
            segment.writer = options.backend() == WalOptions.Backend.MAPPED
                    ? new MappedSegmentWriter(file, capacity)
                    : new ChannelSegmentWriter(file, 0, options.syncPolicy());
            segment.writer.append(scratch);
            segment.writer.force();
            segment.durableEnd = segment.writer.end();
            segment.dataEnd = segment.durableEnd;
            if (writePath != path) {
                if (replaced != null) {
                    replaced.closeFiles();
                    segments.remove(replaced);
                }
                io.rename(writePath, path);
            }
            for (Segment older : segments) {
                older.liveEnd = Math.min(older.liveEnd, start - 1);
            }
            for (int i = 0; i < entries.size(); i++) {
                segment.add(offsets[i], entries.get(i).term());
            }
            segment.liveToViewEnd();
            segments.add(segment);
            active = segment;
            compactIndex = next.compactIndex();
            publish.run();
            boolean retiringOld = old != null && old != replaced;
            if ((retiringOld && isRedundant(old)) || segments.stream().anyMatch(this::isRedundant)) {
                // The new segment's directory entry must be durable before a file it overrides goes.
                io.syncDirectory(dir);
            }
            if (retiringOld) {
                retire(old, WalReport.Builder.DISCARD);
            }
            deleteRedundant(WalReport.Builder.DISCARD);
            io.syncDirectory(dir);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forces the active segment (everything appended becomes durable). */
    void forceActive() throws IOException {
        active.writer.force();
        active.durableEnd = active.writer.end();
    }

    /**
     * Encodes into {@link #scratch} (left ready to write): the header record when given, the entries
     * (in groups, {@link WalRecords#groupEnd}), and the commit record; returns, for each entry, the file
     * offset of the record holding it.
     */
    private long[] encode(Segment segment, long base, FileHeader header, List<LogEntry> entries,
                          SegmentedLogStore.State next, long truncateFrom) {
        long bytes = (header == null ? 0 : FileHeader.RECORD_BYTES) + WalRecords.commitRecordBytes(next.hardState())
                + WalRecords.entryRecordsBytes(entries);
        if (scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocate((int) Math.max(bytes, Math.min(2L * scratch.capacity(), SegmentedLogStore.BATCH_BYTES_MAX)));
        }
        scratch.clear().order(ByteOrder.LITTLE_ENDIAN);
        if (header != null) {
            header.writeRecord(scratch);
        }
        long[] offsets = new long[entries.size()];
        for (int from = 0; from < entries.size(); ) {
            int end = WalRecords.groupEnd(entries, from);
            long recordOffset = base + scratch.position();
            WalRecords.writeGroup(scratch, segment.cipher, recordOffset, entries, from, end);
            Arrays.fill(offsets, from, end, recordOffset);
            from = end;
        }
        long durable = header == null ? segment.durableEnd : 0;
        WalRecords.Commit commit = new WalRecords.Commit(durable, entries.size(), next.hardState(), next.compactIndex(),
                next.compactTerm(), truncateFrom);
        WalRecords.writeCommit(scratch, segment.cipher, base + scratch.position(), commit);
        scratch.flip();
        return offsets;
    }

    // ---------------------------------------------------------------------------------- retiring

    /** Seals a former active segment, or deletes it if it no longer contributes anything. */
    private void retire(Segment segment, WalReport.Builder report) throws IOException {
        if (isRedundant(segment)) {
            delete(segment, report);
        } else if (segment.count() > 0) {
            seal(segment, report);
        } else {
            throw new IllegalStateException("an empty active segment that still overrides older entries: " + segment);
        }
    }

    private void seal(Segment segment, WalReport.Builder report) throws IOException {
        if (segment.writer != null) {
            segment.writer.finish();
            segment.writer.close();
            segment.writer = null;
        } else {
            try (StorageFile file = io.open(segment.path, FileIO.OpenMode.READ_WRITE)) {
                file.truncate(segment.dataEnd);
                file.force();
            }
        }
        if (segment.readFile != null) {
            segment.readFile.close();
            segment.readFile = null;
        }
        SegmentName sealed = SegmentName.sealed(segment.start, segment.viewEnd());
        Path target = dir.resolve(sealed.fileName());
        Segment clash = named(sealed);
        if (clash != null) {
            // Same start and older: the segment being sealed overrides all of it.
            clash.closeFiles();
            segments.remove(clash);
        }
        io.rename(segment.path, target);
        report.sealed(segment.path, target);
        segment.path = target;
        segment.name = sealed;
        segment.readFile = io.open(target, FileIO.OpenMode.READ);
    }

    /**
     * True if removing the segment changes no readable entry of the log: nothing of it is live, and
     * the entries its start index overrides in older segments are either compacted or overridden by a
     * newer segment too. (An older segment's entries in {@code [max(start, compactIndex + 1),
     * minNewerStart)} would come back to life without it.)
     */
    private boolean isRedundant(Segment segment) {
        if (segment == active || segment.hasLive()) {
            return false;
        }
        int at = segments.indexOf(segment);
        long minNewerStart = Long.MAX_VALUE;
        for (Segment newer : segments.subList(at + 1, segments.size())) {
            minNewerStart = Math.min(minNewerStart, newer.start);
        }
        long low = Math.max(segment.start, compactIndex + 1);
        long high = minNewerStart - 1;
        if (low > high) {
            return true;
        }
        for (Segment older : segments.subList(0, at)) {
            if (older.count() > 0 && older.start <= high && older.viewEnd() >= low) {
                return false;
            }
        }
        return true;
    }

    /** Newest first, so that every prefix of the deletions leaves the older segments linked. */
    private void deleteRedundant(WalReport.Builder report) throws IOException {
        for (Segment segment : List.copyOf(segments).reversed()) {
            if (isRedundant(segment)) {
                delete(segment, report);
            }
        }
    }

    /**
     * Deletes sealed segments oldest first while more than the retained number exist and the oldest
     * holds nothing after {@code compactIndex}.
     */
    void deleteCompacted(long compactIndex) throws IOException {
        lock.writeLock().lock();
        try {
            boolean deleted = false;
            while (segments.size() - 1 > options.retainSegments()) {
                Segment oldest = segments.getFirst();
                if (oldest == active || (oldest.hasLive() && oldest.liveEnd > compactIndex)) {
                    break;
                }
                delete(oldest, WalReport.Builder.DISCARD);
                deleted = true;
            }
            if (deleted) {
                io.syncDirectory(dir);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void delete(Segment segment, WalReport.Builder report) throws IOException {
        segment.closeFiles();
        segments.remove(segment);
        io.deleteIfExists(segment.path);
        report.deleted(segment.path);
    }

    private Segment named(SegmentName name) {
        for (Segment segment : segments) {
            if (segment.name.equals(name)) {
                return segment;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------- misc

    List<WalReport.SegmentInfo> describe() {
        List<WalReport.SegmentInfo> out = new ArrayList<>();
        for (Segment segment : segments) {
            long sizeBytes;
            try {
                sizeBytes = io.size(segment.path);
            } catch (IOException e) {
                sizeBytes = -1;
            }
            out.add(new WalReport.SegmentInfo(segment.name.fileName(), segment.name.isActive(), segment.seq, segment.start,
                    segment.viewEnd(), segment.hasLive() ? segment.liveEnd : segment.start - 1, sizeBytes,
                    DataKey.uuidOf(segment.header.keyId()).toString()));
        }
        return out;
    }

    void closeAll(boolean writeOut) throws IOException {
        IOException failure = null;
        for (Segment segment : segments) {
            try {
                // After a failure nothing more is written: buffered bytes are dropped, not written.
                segment.closeFiles(writeOut);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

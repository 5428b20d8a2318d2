package dev.vaylix.storage.wal;

import dev.vaylix.api.io.StorageFile;
import dev.vaylix.storage.format.ByteSource;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Appends by copying into a memory mapping of a segment preallocated to its full capacity.
 *
 * <p>The file is extended to its capacity when it is mapped, so the tail of an unfilled segment is
 * zeroes; a record length of zero therefore marks the end of data (RecordFormat). The extension is
 * sparse (Java cannot {@code fallocate}); disk blocks are allocated as pages are first written.
 *
 * <p>Appends land in the page cache at once, so {@link dev.vaylix.api.log.SyncPolicy#BUFFERED} behaves
 * like {@code FLUSH} here (more durable than promised, never less).
 *
 * <p>{@link #force()} makes durable only what was appended since the last force, through
 * {@link StorageFile#forceMapped} of {@code [forcedEnd, end)}: one ranged {@code msync}, which on Linux
 * is the file system's fdatasync of that range (device cache flush and file size included), so a sync
 * append costs one device flush rather than an msync of the whole mapping plus an fdatasync. Earlier
 * bytes were made durable by earlier forces and are never rewritten ({@link SegmentWriter}). Going
 * through {@link StorageFile} keeps every sync visible to fault injection.
 */
final class MappedSegmentWriter implements SegmentWriter {

    private final StorageFile file;
    private final Arena arena;
    private final MemorySegment mapping;
    private final long capacity;
    private volatile long end;
    /** Bytes {@code [0, forcedEnd)} are durable; only the writer thread touches it. */
    private long forcedEnd;
    private boolean finished;

    MappedSegmentWriter(StorageFile file, long capacity) throws IOException {
        this.file = file;
        this.capacity = capacity;
        this.arena = Arena.ofShared();
        try {
            this.mapping = file.map(0, capacity, arena);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public void append(ByteBuffer records) throws IOException {
        if (finished) {
            throw new IllegalStateException("segment already finished");
        }
        int bytes = records.remaining();
        if (end + bytes > capacity) {
            throw new IllegalStateException("append of " + bytes + " bytes overflows the mapped segment at " + end);
        }
        MemorySegment.copy(MemorySegment.ofBuffer(records), 0, mapping, end, bytes);
        records.position(records.limit());
        end += bytes;
    }

    @Override
    public void writeOut() {
        // Bytes copied into the mapping are already the operating system's.
    }

    @Override
    public void force() throws IOException {
        long upTo = end;
        if (upTo > forcedEnd) {
            file.forceMapped(forcedEnd, upTo - forcedEnd);
            forcedEnd = upTo;
        }
    }

    @Override
    public ByteSource reader() {
        return ByteSource.of(file.path(), mapping, end);
    }

    @Override
    public void finish() throws IOException {
        // The appended bytes must be durable before the mapping goes (munmap writes nothing back);
        // the full force after the truncation then makes the new, smaller size durable.
        force();
        finished = true;
        arena.close();
        file.truncate(end);
        file.force();
    }

    @Override
    public void abandon() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                finished = true;
                arena.close();
            }
        } finally {
            file.close();
        }
    }
}

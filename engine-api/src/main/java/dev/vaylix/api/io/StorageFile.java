package dev.vaylix.api.io;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An open file, addressed by absolute position (no implicit cursor), obtained from {@link FileIO}.
 *
 * <p>Thread-safety: positional reads may run concurrently with each other and with one writer.
 */
public interface StorageFile extends Closeable {

    Path path();

    /** Current size in bytes, including bytes written but not yet forced. */
    long size() throws IOException;

    /**
     * Reads into {@code dst} from {@code position} until {@code dst} is full or the end of the file.
     *
     * @return bytes read; fewer than requested only at the end of the file
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes all of {@code src} at {@code position}, extending the file as needed. */
    void write(ByteBuffer src, long position) throws IOException;

    /** Shrinks the file to {@code size} bytes (no effect if it is already that small). */
    void truncate(long size) throws IOException;

    /**
     * Makes every byte written so far, and the file size, durable (fdatasync semantics). On failure
     * the caller must treat the process's view of the file as lost: crash and recover, never retry.
     */
    void force() throws IOException;

    /**
     * Makes durable the bytes written through this file's memory mappings (see {@link #map}) in
     * {@code [offset, offset + length)}, together with the file size and whatever metadata reading
     * them back needs (block allocation): {@code fdatasync} semantics restricted to the range. Cheaper
     * than {@link #force} when a large mapping has only a small newly written part.
     *
     * <p>Not covered: bytes outside the range, and bytes written with {@link #write} (inside the range
     * or not); they need {@link #force}. If any part of the range is not covered by a live mapping of
     * this file (none made, its arena closed, even meanwhile), the call falls back to a full
     * {@link #force}, so it never makes less durable than promised. An empty range does nothing.
     *
     * <p>On Linux the real implementation is one {@code msync(MS_SYNC)} per mapping the range touches,
     * which the kernel runs as {@code vfs_fsync_range(file, start, end, datasync=1)}: the file
     * system's fdatasync for that range, including the device cache flush. Failure is fatal exactly as
     * for {@link #force}: crash and recover, never retry.
     *
     * @throws IllegalArgumentException if {@code offset} or {@code length} is negative or their sum
     *                                  overflows
     */
    void forceMapped(long offset, long length) throws IOException;

    /**
     * Maps {@code length} bytes from {@code offset} read-write into memory owned by {@code arena}; the
     * file is extended if shorter. Writes through the mapping are durable only after {@link #force}
     * (implementations force live mappings as well as the file) or a {@link #forceMapped} covering
     * them.
     */
    MemorySegment map(long offset, long length, Arena arena) throws IOException;
}

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
     * Maps {@code length} bytes from {@code offset} read-write into memory owned by {@code arena}; the
     * file is extended if shorter. Writes through the mapping are durable only after {@link #force}
     * (implementations force the mapping as well as the channel).
     */
    MemorySegment map(long offset, long length, Arena arena) throws IOException;
}

package dev.vaylix.storage.wal;

import dev.vaylix.storage.format.ByteSource;
import java.io.IOException;

/**
 * Appends to the one segment being written. The store serialises writer calls; {@link #reader()} may
 * be used by reader threads concurrently and sees at least every byte appended before the call that
 * published it.
 *
 * <p>Both implementations write each byte range exactly once and never rewrite one (the nonce rule of
 * {@link dev.vaylix.storage.format.RecordCipher} depends on it).
 */
interface SegmentWriter extends AutoCloseable {

    /** Bytes appended so far, including any still in a process buffer. */
    long end();

    /** Largest {@link #end()} this writer can reach ({@link Long#MAX_VALUE} when unbounded). */
    long capacity();

    /** Appends the remaining bytes of {@code records} at {@link #end()}. May write them out, may buffer them. */
    void append(java.nio.ByteBuffer records) throws IOException;

    /** Hands every appended byte to the operating system (no fsync). */
    void writeOut() throws IOException;

    /** Makes every appended byte durable. A failure is fatal for the store. */
    void force() throws IOException;

    /** Read access to the appended bytes. */
    ByteSource reader();

    /**
     * Prepares the file to be sealed: everything forced, any preallocated space beyond {@link #end()}
     * cut off (and forced), mappings released. The writer accepts no appends afterwards.
     */
    void finish() throws IOException;

    /** Releases the file without forcing (buffered bytes are written out first). */
    @Override
    void close() throws IOException;

    /** Releases the file without writing anything more (after a fatal failure). */
    void abandon() throws IOException;
}

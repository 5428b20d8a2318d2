package dev.vaylix.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The writer thread's view of the audit file: append and fsync. A seam so tests can make the disk
 * slow or failing; production uses {@link ChannelAuditFile}.
 *
 * <p>Only the writer thread calls {@link #append} and {@link #sync}; {@link #close} is called once,
 * after the writer stopped or gave up.
 */
interface AuditFile {

    /** Writes all of {@code lines} at the end of the file. */
    void append(ByteBuffer lines) throws IOException;

    /** Makes everything appended so far durable. After a failure the file must not be used again. */
    void sync() throws IOException;

    /** Releases the file and its lock; never throws. */
    void close();
}

package dev.vaylix.storage.wal;

import dev.vaylix.api.io.StorageFile;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.format.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Appends with positional {@code write}s on a channel. Under {@link SyncPolicy#BUFFERED} records
 * collect in a process buffer of {@link #BUFFER_BYTES} and are written when it fills (or at
 * {@link #writeOut()}); under the other policies every append is written at once.
 *
 * <p>The buffer is the only state readers share with the writer, so access to it is synchronised;
 * bytes already in the file are read without the lock.
 */
final class ChannelSegmentWriter implements SegmentWriter {

    static final int BUFFER_BYTES = 1 << 20;

    private final StorageFile file;
    private final boolean buffered;
    private final ByteBuffer buffer;
    /** Bytes in the file; the buffer holds {@code [written, end)}. */
    private volatile long written;
    private volatile long end;
    private boolean finished;

    ChannelSegmentWriter(StorageFile file, long existingBytes, SyncPolicy policy) {
        this.file = file;
        this.buffered = policy == SyncPolicy.BUFFERED;
        this.buffer = buffered ? ByteBuffer.allocateDirect(BUFFER_BYTES) : null;
        this.written = existingBytes;
        this.end = existingBytes;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public long capacity() {
        return Long.MAX_VALUE;
    }

    @Override
    public void append(ByteBuffer records) throws IOException {
        if (finished) {
            throw new IllegalStateException("segment already finished");
        }
        int bytes = records.remaining();
        if (!buffered) {
            file.write(records, end);
            end += bytes;
            written = end;
            return;
        }
        synchronized (this) {
            if (bytes > buffer.remaining()) {
                writeOutLocked();
            }
            if (bytes > buffer.remaining()) {
                file.write(records, end);
                end += bytes;
                written = end;
                return;
            }
            buffer.put(records);
            end += bytes;
        }
    }

    @Override
    public synchronized void writeOut() throws IOException {
        writeOutLocked();
    }

    private void writeOutLocked() throws IOException {
        if (buffer == null || buffer.position() == 0) {
            return;
        }
        ByteBuffer pending = buffer.duplicate().flip();
        file.write(pending, written);
        written = end;
        buffer.clear();
    }

    @Override
    public void force() throws IOException {
        writeOut();
        file.force();
    }

    @Override
    public ByteSource reader() {
        return new ByteSource() {
            @Override
            public Path path() {
                return file.path();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                int total = 0;
                long inFile = written;
                if (position < inFile) {
                    int fromFile = (int) Math.min(dst.remaining(), inFile - position);
                    ByteBuffer part = dst.slice(dst.position(), fromFile);
                    total = file.read(part, position);
                    dst.position(dst.position() + total);
                    if (total < fromFile) {
                        return total;
                    }
                }
                if (dst.hasRemaining() && buffered) {
                    total += readBuffered(dst, position + total);
                }
                return total;
            }
        };
    }

    private synchronized int readBuffered(ByteBuffer dst, long position) throws IOException {
        long from = position - written;
        if (from < 0) {
            // The buffer was written out after the caller looked: the bytes are in the file now.
            return file.read(dst, position);
        }
        int n = (int) Math.min(dst.remaining(), buffer.position() - from);
        if (n <= 0) {
            return 0;
        }
        dst.put(dst.position(), buffer, (int) from, n);
        dst.position(dst.position() + n);
        return n;
    }

    @Override
    public void finish() throws IOException {
        force();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        try {
            writeOut();
        } finally {
            file.close();
        }
    }

    @Override
    public void abandon() throws IOException {
        file.close();
    }
}

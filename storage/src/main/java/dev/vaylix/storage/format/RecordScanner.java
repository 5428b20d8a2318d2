package dev.vaylix.storage.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads records one after another from a {@link ByteSource}, checking framing and CRC, through a
 * window buffer so that a scan costs few system calls. It never decides what a bad record means
 * (torn tail or corruption): it reports where and why it stopped and leaves the verdict to the caller.
 *
 * <p>Not thread-safe; the {@link Found#data()} buffer is valid only until the next call.
 */
public final class RecordScanner {

    /** Why a scan stopped. */
    public enum Stop {
        /** Exactly at the end: the last record ended there. */
        END,
        /** A record (or its header) runs past the end. */
        TRUNCATED,
        /** A length of zero: never written (preallocated zeroes) or zeroed by a lost write. */
        ZERO_LENGTH,
        /** A length larger than {@link RecordFormat#MAX_DATA_BYTES}. */
        BAD_LENGTH,
        /** The CRC does not match the bytes. */
        CRC_MISMATCH
    }

    public sealed interface Step permits Found, Stopped {
    }

    /**
     * A record whose framing and CRC are valid.
     *
     * @param offset     where the record starts
     * @param typeCode   its type byte (the caller maps it with {@link RecordType#fromCode})
     * @param data       its data bytes, valid until the next {@link #next()}
     * @param nextOffset where the following record starts
     */
    public record Found(long offset, int typeCode, ByteBuffer data, long nextOffset) implements Step {
    }

    public record Stopped(long offset, Stop reason) implements Step {
    }

    /** Default read-ahead: large enough that a recovery scan costs few system calls. */
    public static final int WINDOW_BYTES = 1 << 20;

    private final ByteSource source;
    private final int windowBytes;
    private final long end;
    private long offset;
    private ByteBuffer window = ByteBuffer.allocate(0);
    private long windowStart;

    /** Scans {@code [start, end)} of {@code source} with the default read-ahead. */
    public RecordScanner(ByteSource source, long start, long end) {
        this(source, start, end, WINDOW_BYTES);
    }

    /** Scans {@code [start, end)} of {@code source}, reading ahead {@code windowBytes} at a time. */
    public RecordScanner(ByteSource source, long start, long end, int windowBytes) {
        if (start < 0 || start > end || windowBytes < RecordFormat.HEADER_BYTES) {
            throw new IllegalArgumentException("bad scan range " + start + ".." + end);
        }
        this.source = source;
        this.offset = start;
        this.end = end;
        this.windowBytes = windowBytes;
    }

    /** Where the next record would start. */
    public long offset() {
        return offset;
    }

    public Step next() throws IOException {
        if (offset == end) {
            return new Stopped(offset, Stop.END);
        }
        if (end - offset < RecordFormat.HEADER_BYTES) {
            return new Stopped(offset, Stop.TRUNCATED);
        }
        ByteBuffer header = bytesAt(offset, RecordFormat.HEADER_BYTES);
        int length = header.getInt(header.position());
        if (length == 0) {
            return new Stopped(offset, Stop.ZERO_LENGTH);
        }
        if (length < 0 || length > RecordFormat.MAX_DATA_BYTES) {
            return new Stopped(offset, Stop.BAD_LENGTH);
        }
        if (RecordFormat.recordBytes(length) > end - offset) {
            return new Stopped(offset, Stop.TRUNCATED);
        }
        ByteBuffer record = bytesAt(offset, RecordFormat.HEADER_BYTES + length);
        int start = record.position();
        int storedCrc = record.getInt(start + RecordFormat.CRC_OFFSET);
        if (storedCrc != RecordFormat.crc(record, start, length)) {
            return new Stopped(offset, Stop.CRC_MISMATCH);
        }
        int typeCode = Byte.toUnsignedInt(record.get(start + RecordFormat.TYPE_OFFSET));
        ByteBuffer data = record.slice(start + RecordFormat.HEADER_BYTES, length).order(ByteOrder.LITTLE_ENDIAN);
        long recordOffset = offset;
        offset += RecordFormat.HEADER_BYTES + length;
        return new Found(recordOffset, typeCode, data, offset);
    }

    /**
     * A little-endian view positioned at {@code at} with at least {@code bytes} remaining, refilling
     * the window when it does not cover the range. Callers have checked that the range is below {@code end}.
     */
    private ByteBuffer bytesAt(long at, int bytes) throws IOException {
        long windowEnd = windowStart + window.limit();
        if (at < windowStart || at + bytes > windowEnd) {
            int capacity = (int) Math.max(bytes, Math.min(windowBytes, end - at));
            if (window.capacity() < capacity) {
                window = ByteBuffer.allocate(capacity);
            }
            window.clear();
            window.limit((int) Math.min(window.capacity(), end - at));
            int read = source.read(window, at);
            window.flip();
            windowStart = at;
            if (read < bytes) {
                throw new IOException(source.path() + " ended at " + (at + read) + " while reading " + bytes + " bytes at " + at);
            }
        }
        ByteBuffer view = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        view.position((int) (at - windowStart));
        return view;
    }
}

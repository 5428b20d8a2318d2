package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads frames from a byte stream, performing the receiver checks of §1.2 in exactly this order:
 *
 * <ol>
 *   <li>14 header bytes; end of stream inside the header → {@code TRN-007}</li>
 *   <li>magic ≠ {@code VTP2} → {@code TRN-001}</li>
 *   <li>version ≠ 2 → {@code TRN-005}</li>
 *   <li>length &gt; 8 MiB → {@code TRN-006} (maximum 8 MiB)</li>
 *   <li>flags other than 0x00/0x01 → {@code TRN-010}</li>
 *   <li>length &gt; negotiated {@code max_frame_len} → {@code TRN-006} (maximum = the negotiated limit)</li>
 *   <li>the payload; end of stream inside it → {@code TRN-007}</li>
 *   <li>CRC-32 of the payload as transmitted ≠ header checksum → {@code TRN-009}</li>
 *   <li>flag 0x01: bounded zstd decompression → {@code TRN-011} / {@code TRN-017}</li>
 * </ol>
 *
 * <p>Memory: the payload buffer grows with the bytes that actually arrive (a header that merely
 * <em>claims</em> 8 MiB costs nothing until the bytes come), decompression is bounded as described in
 * {@link Zstd}, and buffers that grew beyond {@link #RETAINED_CAPACITY_BYTES} for one big frame are
 * dropped before the next frame so that an idle connection does not pin megabytes.
 *
 * <p>Ownership: the body returned by {@link #read} is a view of this reader's buffer, valid until the
 * next call to {@link #read}. Not thread-safe: one reading thread at a time.
 */
public final class FrameReader {

    static final int RETAINED_CAPACITY_BYTES = 256 * 1024;
    private static final int INITIAL_CAPACITY_BYTES = 4 * 1024;
    /** A payload buffer grows by at least this much at a time, but never beyond the declared length. */
    private static final int GROWTH_STEP_BYTES = 64 * 1024;

    private final InputStream in;
    private final byte[] header = new byte[Vtp2.HEADER_BYTES];
    private final CRC32 crc = new CRC32();
    private byte[] payload = new byte[INITIAL_CAPACITY_BYTES];
    private byte[] inflated = new byte[0];

    public FrameReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one frame and returns its body.
     *
     * @param settings the receiving side's limits (only the two limits are used)
     * @return the body (a view valid until the next call), or {@code null} if the stream ended cleanly
     *     before the first byte of a frame
     * @throws dev.vaylix.api.VaylixException the TRN code of the first failed check (see the class comment),
     *     or {@code TRN-013} for an I/O error; after any exception the stream position is undefined and the
     *     connection must be closed
     */
    public ByteBuffer read(FrameSettings settings) {
        releaseLargeBuffers();
        int got = readUpTo(header, 0, Vtp2.HEADER_BYTES);
        if (got == 0) {
            return null;
        }
        if (got < Vtp2.HEADER_BYTES) {
            throw ErrorCode.TRN_007.exception();
        }
        if (BodyReader.getInt(header, 0) != Vtp2.MAGIC) {
            throw ErrorCode.TRN_001.exception();
        }
        int version = header[4] & 0xFF;
        if (version != Vtp2.VERSION) {
            throw ErrorCode.TRN_005.exception(version);
        }
        int flags = header[5] & 0xFF;
        long length = BodyReader.getInt(header, 6) & 0xFFFF_FFFFL;
        if (length > Vtp2.MAX_FRAME_LEN) {
            throw ErrorCode.TRN_006.exception(length, Vtp2.MAX_FRAME_LEN);
        }
        if ((flags & ~Vtp2.FLAG_ZSTD) != 0) {
            throw ErrorCode.TRN_010.exception(flags);
        }
        if (length > settings.maxFrameLen()) {
            throw ErrorCode.TRN_006.exception(length, settings.maxFrameLen());
        }
        int payloadLength = (int) length;
        readPayload(payloadLength);
        crc.reset();
        crc.update(payload, 0, payloadLength);
        long expected = BodyReader.getInt(header, 10) & 0xFFFF_FFFFL;
        long actual = crc.getValue();
        if (expected != actual) {
            throw ErrorCode.TRN_009.exception(expected, actual);
        }
        if ((flags & Vtp2.FLAG_ZSTD) == 0) {
            return ByteBuffer.wrap(payload, 0, payloadLength);
        }
        int bodyLength = Zstd.decompress(payload, 0, payloadLength, settings.maxDecompressedFrameLen(), this::growInflated);
        return ByteBuffer.wrap(inflated, 0, bodyLength);
    }

    private void readPayload(int length) {
        if (payload.length < length) {
            payload = new byte[Math.min(length, Math.max(payload.length, GROWTH_STEP_BYTES))];
        }
        int done = 0;
        while (done < length) {
            if (done == payload.length) {
                payload = Arrays.copyOf(payload, (int) Math.min(length, Math.max((long) payload.length * 2, GROWTH_STEP_BYTES)));
            }
            int n = readUpTo(payload, done, Math.min(length, payload.length) - done);
            if (n == 0) {
                throw ErrorCode.TRN_007.exception();
            }
            done += n;
        }
    }

    private byte[] growInflated(int capacity, int keep) {
        if (inflated.length < capacity) {
            inflated = keep == 0 ? new byte[capacity] : Arrays.copyOf(inflated, capacity);
        }
        return inflated;
    }

    private void releaseLargeBuffers() {
        if (payload.length > RETAINED_CAPACITY_BYTES) {
            payload = new byte[INITIAL_CAPACITY_BYTES];
        }
        if (inflated.length > RETAINED_CAPACITY_BYTES) {
            inflated = new byte[0];
        }
    }

    /** Reads until {@code length} bytes or end of stream; returns the count read (0 only at end of stream). */
    private int readUpTo(byte[] target, int offset, int length) {
        int done = 0;
        try {
            while (done < length) {
                int n = in.read(target, offset + done, length - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
        } catch (IOException e) {
            throw TransportErrors.ioFailure(e);
        }
        return done;
    }
}

package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Writes frames to a byte stream following the sender rules of §1.3:
 *
 * <ol>
 *   <li>body longer than {@code max_decompressed_frame_len} → {@code TRN-006}, nothing written</li>
 *   <li>compress iff the mode is zstd and the body has at least {@code compression_threshold_bytes}
 *       bytes (one zstd frame, level 3); flags 0x01 when compressed, else 0x00</li>
 *   <li>payload longer than {@code max_frame_len} → {@code TRN-006}, nothing written</li>
 *   <li>CRC-32 over the payload as transmitted (after compression)</li>
 *   <li>header and payload in one write</li>
 * </ol>
 *
 * <p>An uncompressed body is not copied: the header goes into the space {@link BodyWriter} reserves in
 * front of it. The stream should be buffered; {@link #write} does not flush, so a pipeline of frames
 * leaves in as few packets as the buffer allows, and {@link #flush} ends a batch.
 *
 * <p>Not thread-safe: one writing thread at a time.
 */
public final class FrameWriter {

    private static final int RETAINED_CAPACITY_BYTES = 256 * 1024;

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private byte[] compressed = new byte[0];

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes {@code body} as one frame. The body writer's reserved header space is overwritten; its body is not.
     *
     * @throws dev.vaylix.api.VaylixException TRN-006 (too large, nothing written), TRN-011 (compression
     *     failed, nothing written) or TRN-013 (I/O error; the stream is then in an undefined state)
     */
    public void write(BodyWriter body, FrameSettings settings) {
        int bodyLength = body.length();
        if (bodyLength > settings.maxDecompressedFrameLen()) {
            throw ErrorCode.TRN_006.exception(bodyLength, settings.maxDecompressedFrameLen());
        }
        byte[] frame;
        int payloadLength;
        int flags;
        if (settings.compression() == Compression.ZSTD && bodyLength >= settings.compressionThresholdBytes()) {
            int room = Vtp2.HEADER_BYTES + Zstd.compressBound(bodyLength);
            if (compressed.length < room || compressed.length > Math.max(room, RETAINED_CAPACITY_BYTES)) {
                compressed = new byte[room];
            }
            payloadLength = Zstd.compress(compressed, Vtp2.HEADER_BYTES, body.array(), Vtp2.HEADER_BYTES, bodyLength);
            frame = compressed;
            flags = Vtp2.FLAG_ZSTD;
        } else {
            frame = body.array();
            payloadLength = bodyLength;
            flags = 0;
        }
        if (payloadLength > settings.maxFrameLen()) {
            throw ErrorCode.TRN_006.exception(payloadLength, settings.maxFrameLen());
        }
        crc.reset();
        crc.update(frame, Vtp2.HEADER_BYTES, payloadLength);
        BodyWriter.putInt(frame, 0, Vtp2.MAGIC);
        frame[4] = (byte) Vtp2.VERSION;
        frame[5] = (byte) flags;
        BodyWriter.putInt(frame, 6, payloadLength);
        BodyWriter.putInt(frame, 10, (int) crc.getValue());
        try {
            out.write(frame, 0, Vtp2.HEADER_BYTES + payloadLength);
        } catch (IOException e) {
            throw TransportErrors.ioFailure(e);
        }
    }

    /** Flushes the stream: the end of a frame or of a pipeline batch. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw TransportErrors.ioFailure(e);
        }
    }
}

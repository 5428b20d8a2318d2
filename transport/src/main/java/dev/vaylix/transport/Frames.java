package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Whole-buffer frame encoding and decoding, for callers that hold a complete frame in memory (tests,
 * fuzzing, tools). Streams use {@link FrameReader} and {@link FrameWriter}, which these delegate to, so
 * both paths apply the same checks in the same order. Thread-safe (no shared state).
 */
public final class Frames {

    private Frames() {
    }

    /** Encodes {@code body} as one frame under {@code settings} (§1.3). Returns a new array. */
    public static byte[] encode(byte[] body, FrameSettings settings) {
        BodyWriter writer = new BodyWriter(body.length).raw(body, 0, body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Vtp2.HEADER_BYTES + body.length);
        new FrameWriter(out).write(writer, settings);
        return out.toByteArray();
    }

    /**
     * Decodes a buffer that must hold exactly one frame and returns a copy of its body.
     *
     * <p>Checks as {@link FrameReader#read} (an empty or short buffer is {@code TRN-007}); a buffer holding
     * more than {@code 14 + length} bytes is then rejected with {@code TRN-001} (§1.2).
     */
    public static byte[] decode(byte[] frame, FrameSettings settings) {
        ByteArrayInputStream in = new ByteArrayInputStream(frame);
        ByteBuffer body = new FrameReader(in).read(settings);
        if (body == null) {
            throw ErrorCode.TRN_007.exception();
        }
        if (in.available() > 0) {
            throw ErrorCode.TRN_001.exception();
        }
        byte[] copy = new byte[body.remaining()];
        body.get(copy);
        return copy;
    }
}

package dev.vaylix.transport;

import java.util.Objects;

/**
 * How one side of a connection writes and reads frames (§1.1, §1.3).
 *
 * <p>The compression mode and threshold apply to frames this side <em>sends</em>; a receiver
 * decompresses on the flag bit alone. Both limits apply in both directions.
 *
 * @param compression                compress outgoing bodies with zstd when they reach the threshold
 * @param compressionThresholdBytes  bodies of at least this many bytes are compressed (0 = every body)
 * @param maxFrameLen                limit on the on-wire payload length, at most {@link Vtp2#MAX_FRAME_LEN}
 * @param maxDecompressedFrameLen    limit on a body's length, at most {@link Vtp2#MAX_FRAME_LEN}
 */
public record FrameSettings(Compression compression, int compressionThresholdBytes, int maxFrameLen,
                            int maxDecompressedFrameLen) {

    /** Startup hellos: never compressed, default 8 MiB limits (§1.1). */
    public static final FrameSettings HELLO = new FrameSettings(Compression.NONE, 0, Vtp2.MAX_FRAME_LEN, Vtp2.MAX_FRAME_LEN);

    /** The library defaults: zstd from 1024 bytes, 8 MiB limits. */
    public static final FrameSettings DEFAULT = new FrameSettings(
            Compression.ZSTD, Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES, Vtp2.MAX_FRAME_LEN, Vtp2.MAX_FRAME_LEN);

    public FrameSettings {
        Objects.requireNonNull(compression, "compression");
        if (compressionThresholdBytes < 0) {
            throw new IllegalArgumentException("compressionThresholdBytes must be >= 0: " + compressionThresholdBytes);
        }
        if (maxFrameLen < 0 || maxFrameLen > Vtp2.MAX_FRAME_LEN) {
            throw new IllegalArgumentException("maxFrameLen must be within [0, 8 MiB]: " + maxFrameLen);
        }
        if (maxDecompressedFrameLen < 0 || maxDecompressedFrameLen > Vtp2.MAX_FRAME_LEN) {
            throw new IllegalArgumentException("maxDecompressedFrameLen must be within [0, 8 MiB]: " + maxDecompressedFrameLen);
        }
    }

    /** Settings after negotiation: one limit for both the wire and the decompressed length (§1.1). */
    public static FrameSettings negotiated(Compression compression, int compressionThresholdBytes, int maxFrameLen) {
        return new FrameSettings(compression, compressionThresholdBytes, maxFrameLen, maxFrameLen);
    }
}

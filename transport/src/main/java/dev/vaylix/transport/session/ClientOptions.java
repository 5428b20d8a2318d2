package dev.vaylix.transport.session;

import dev.vaylix.transport.Capabilities;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.Vtp2;
import java.util.Objects;

/**
 * What a client announces in its hello and how it sends afterwards.
 *
 * @param clientName                e.g. {@code vaylix-client}, {@code vaylix-replication}, {@code vaylix-bench}
 * @param clientVersion             the client's version string
 * @param capabilities              announced capability bits ({@link Capabilities#ALL} by default)
 * @param desiredCompression        zstd unless compression is disabled
 * @param maxFrameLen               the largest frame the client accepts, at most 8 MiB
 * @param authIntent                whether the client will send AUTH
 * @param compressionThresholdBytes requests of at least this size are compressed when zstd was negotiated.
 *                                  The reference client uses 0 (compress everything, VTP2.md note 3); we
 *                                  default to 1024 like the server, since compressing a 30-byte GET only costs
 * @param helloTimeoutMs            bound on waiting for the ServerHello; 0 = none
 */
public record ClientOptions(String clientName, String clientVersion, long capabilities, Compression desiredCompression,
                            int maxFrameLen, boolean authIntent, int compressionThresholdBytes, int helloTimeoutMs) {

    public static final int DEFAULT_HELLO_TIMEOUT_MS = 10_000;

    public ClientOptions {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(desiredCompression, "desiredCompression");
        if (maxFrameLen < 0 || maxFrameLen > Vtp2.MAX_FRAME_LEN) {
            throw new IllegalArgumentException("maxFrameLen must be within [0, 8 MiB]: " + maxFrameLen);
        }
        if (compressionThresholdBytes < 0 || helloTimeoutMs < 0) {
            throw new IllegalArgumentException("thresholds and timeouts must be >= 0");
        }
    }

    /** All capabilities, zstd, 8 MiB, AUTH intended, threshold 1024, 10 s hello timeout. */
    public static ClientOptions defaults(String clientName, String clientVersion) {
        return new ClientOptions(clientName, clientVersion, Capabilities.ALL, Compression.ZSTD, Vtp2.MAX_FRAME_LEN, true,
                Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES, DEFAULT_HELLO_TIMEOUT_MS);
    }

    public ClientOptions withCompression(Compression compression) {
        return new ClientOptions(clientName, clientVersion, capabilities, compression, maxFrameLen, authIntent,
                compressionThresholdBytes, helloTimeoutMs);
    }

    public ClientOptions withAuthIntent(boolean intent) {
        return new ClientOptions(clientName, clientVersion, capabilities, desiredCompression, maxFrameLen, intent,
                compressionThresholdBytes, helloTimeoutMs);
    }

    public ClientOptions withCompressionThresholdBytes(int thresholdBytes) {
        return new ClientOptions(clientName, clientVersion, capabilities, desiredCompression, maxFrameLen, authIntent,
                thresholdBytes, helloTimeoutMs);
    }
}

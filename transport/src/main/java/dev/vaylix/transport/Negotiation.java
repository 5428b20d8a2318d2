package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Startup negotiation (§2.4, §2.5): the server's algorithm, the byte-exact rejection, and the client's
 * checks of the answer. Pure functions; thread-safe.
 */
public final class Negotiation {

    /** The nil UUID a rejection carries as server id. */
    public static final UUID NIL_UUID = new UUID(0, 0);

    private Negotiation() {
    }

    /**
     * What a server offers.
     *
     * @param compression               zstd unless the server runs with compression disabled
     * @param compressionThresholdBytes the server compresses responses of at least this size (default 1024)
     * @param maxFrameLen               the server's own frame limit, at most 8 MiB
     */
    public record ServerOptions(Compression compression, int compressionThresholdBytes, int maxFrameLen) {
        public static final ServerOptions DEFAULT =
                new ServerOptions(Compression.ZSTD, Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES, Vtp2.MAX_FRAME_LEN);

        public ServerOptions {
            Objects.requireNonNull(compression, "compression");
            if (compressionThresholdBytes < 0) {
                throw new IllegalArgumentException("compressionThresholdBytes must be >= 0");
            }
            if (maxFrameLen < 0 || maxFrameLen > Vtp2.MAX_FRAME_LEN) {
                throw new IllegalArgumentException("maxFrameLen must be within [0, 8 MiB]: " + maxFrameLen);
            }
        }
    }

    /** The result of {@link #negotiate}. */
    public sealed interface Outcome {
        /** The hello to send. */
        ServerHello reply();
    }

    /** Negotiation succeeded: send {@code reply}, then use {@code settings} for the rest of the connection. */
    public record Accepted(ServerHello reply, FrameSettings settings) implements Outcome {
    }

    /** The client speaks another protocol version: send {@code reply}, then close the connection. */
    public record Rejected(ServerHello reply) implements Outcome {
    }

    /**
     * The server algorithm of §2.4. {@code auth_intent}, client name and version do not influence it.
     *
     * @param serverId the id to announce. The reference sends a fresh UUIDv7 per connection (VTP2.md note 7);
     *                 the caller decides (a stable node id is more useful)
     */
    public static Outcome negotiate(ClientHello client, ServerOptions server, UUID serverId) {
        if (client.protocolVersion() != Vtp2.VERSION) {
            return new Rejected(rejection());
        }
        long capabilities = client.supportedCapabilities() & Capabilities.ALL;
        boolean zstd = server.compression() == Compression.ZSTD
                && client.desiredCompression() == Compression.ZSTD
                && Capabilities.has(capabilities, Capabilities.ZSTD);
        Compression compression = zstd ? Compression.ZSTD : Compression.NONE;
        if (!zstd) {
            capabilities &= ~Capabilities.ZSTD;
        }
        int maxFrameLen = (int) Math.min(client.maxFrameLen(), Math.min(server.maxFrameLen(), Vtp2.MAX_FRAME_LEN));
        ServerHello reply = new ServerHello(Vtp2.VERSION, capabilities, compression, maxFrameLen, serverId, Status.OK,
                Optional.empty(), Optional.empty(), Optional.empty());
        return new Accepted(reply, FrameSettings.negotiated(compression, server.compressionThresholdBytes(), maxFrameLen));
    }

    /** The rejection of a ClientHello whose protocol version is not 2 (§2.5, VTP2.md §10.3 byte for byte). */
    public static ServerHello rejection() {
        return new ServerHello(Vtp2.VERSION, 0, Compression.NONE, Vtp2.MAX_FRAME_LEN, NIL_UUID, Status.ERROR,
                Optional.of(ErrorCode.TRN_014.code()),
                Optional.of(ErrorCode.TRN_014.displayName()),
                Optional.of(ErrorCode.TRN_014.message("unsupported protocol version")));
    }

    /**
     * The client's checks of a ServerHello (§2.4, client side) and the settings it then uses.
     *
     * <p>The reference client sends every request compressed once zstd is negotiated (threshold 0, VTP2.md
     * note 3); callers pass their own threshold ({@link Vtp2#DEFAULT_COMPRESSION_THRESHOLD_BYTES} avoids
     * compressing tiny requests). The announced limit is clamped to 8 MiB, the most any frame can carry.
     *
     * @throws dev.vaylix.api.VaylixException TRN-014 {@code server rejected startup} if the status is not OK,
     *     TRN-014 {@code unsupported server protocol version} if the version is not 2
     */
    public static FrameSettings clientSettings(ServerHello hello, int compressionThresholdBytes) {
        if (hello.status() != Status.OK) {
            throw ErrorCode.TRN_014.exception("server rejected startup");
        }
        if (hello.protocolVersion() != Vtp2.VERSION) {
            throw ErrorCode.TRN_014.exception("unsupported server protocol version");
        }
        int maxFrameLen = (int) Math.min(hello.maxFrameLen(), Vtp2.MAX_FRAME_LEN);
        return FrameSettings.negotiated(hello.compression(), compressionThresholdBytes, maxFrameLen);
    }
}

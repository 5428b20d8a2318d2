package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's answer to a {@link ClientHello} (§2.3), tag {@code 0xF1}.
 *
 * @param protocolVersion      u8 ({@code 2})
 * @param acceptedCapabilities u64 bit set
 * @param compression          what the server will use for responses
 * @param maxFrameLen          u32, the negotiated limit for both directions
 * @param serverId             16 bytes; the nil UUID in a rejection
 * @param status               {@link Status#OK} or {@link Status#ERROR} ({@link Status#NOT_FOUND} decodes but is never sent)
 * @param errorCode            present in a rejection, e.g. {@code TRN-014}
 * @param errorName            present in a rejection
 * @param errorMessage         present in a rejection
 */
public record ServerHello(int protocolVersion, long acceptedCapabilities, Compression compression, long maxFrameLen,
                          UUID serverId, Status status, Optional<String> errorCode, Optional<String> errorName,
                          Optional<String> errorMessage) {

    /** tag 1 + version 1 + capabilities 8 + compression 1 + max 4 + server id 16 + status 1 + three presence bytes. */
    static final int MIN_BYTES = 1 + 1 + 8 + 1 + 4 + 16 + 1 + 3;

    public ServerHello {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorName, "errorName");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (protocolVersion < 0 || protocolVersion > 0xFF) {
            throw new IllegalArgumentException("protocolVersion is a u8: " + protocolVersion);
        }
        if (maxFrameLen < 0 || maxFrameLen > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maxFrameLen is a u32: " + maxFrameLen);
        }
    }

    /** Writes the body ({@code TRN-008} if an error string does not fit its u16 prefix). */
    public void encode(BodyWriter out) {
        out.u8(Vtp2.SERVER_HELLO_TAG)
                .u8(protocolVersion)
                .u64(acceptedCapabilities)
                .u8(compression.wireByte())
                .u32(maxFrameLen)
                .uuid(serverId)
                .u8(status.wireByte())
                .optStr16(errorCode.orElse(null))
                .optStr16(errorName.orElse(null))
                .optStr16(errorMessage.orElse(null));
    }

    /**
     * Decodes a ServerHello body: at least {@value #MIN_BYTES} bytes ({@code TRN-007}; the reference reads
     * the status byte of a 31-byte body unchecked and panics, VTP2.md note 2); tag {@code 0xF1}
     * ({@code TRN-018 expected server hello}); compression 0/1 ({@code TRN-015}); status 0/1/2
     * ({@code TRN-003}); presence bytes 0/1 ({@code TRN-008}); no trailing bytes ({@code TRN-008}).
     */
    public static ServerHello decode(BodyReader in) {
        in.require(MIN_BYTES);
        if (in.u8() != Vtp2.SERVER_HELLO_TAG) {
            throw ErrorCode.TRN_018.exception("expected server hello");
        }
        int protocolVersion = in.u8();
        long capabilities = in.u64();
        Compression compression = Compression.fromWireByte(in.u8());
        long maxFrameLen = in.u32();
        UUID serverId = in.uuid();
        Status status = Status.fromWireByte(in.u8());
        Optional<String> errorCode = optStr16(in);
        Optional<String> errorName = optStr16(in);
        Optional<String> errorMessage = optStr16(in);
        in.expectEnd();
        return new ServerHello(protocolVersion, capabilities, compression, maxFrameLen, serverId, status,
                errorCode, errorName, errorMessage);
    }

    /** Decodes a whole body; see {@link #decode(BodyReader)}. */
    public static ServerHello decode(byte[] body) {
        return decode(new BodyReader(body));
    }

    private static Optional<String> optStr16(BodyReader in) {
        return in.bool() ? Optional.of(in.str16()) : Optional.empty();
    }
}

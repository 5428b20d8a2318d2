package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import java.util.Objects;

/**
 * The first frame a client sends (§2.3), tag {@code 0xF0}.
 *
 * @param protocolVersion       u8; the server rejects anything but 2 (§2.5)
 * @param clientName            e.g. {@code vaylix-client}, {@code vaylix-replication}
 * @param clientVersion         e.g. {@code 0.9.0}
 * @param supportedCapabilities u64 bit set ({@link Capabilities})
 * @param desiredCompression    what the client would like the server to use for responses
 * @param maxFrameLen           u32, the largest frame the client accepts
 * @param authIntent            whether the client will send AUTH (informational)
 */
public record ClientHello(int protocolVersion, String clientName, String clientVersion, long supportedCapabilities,
                          Compression desiredCompression, long maxFrameLen, boolean authIntent) {

    /** tag (1) + protocol_version (1): what must be there before anything else is read. */
    private static final int MIN_BYTES = 1 + 1;
    /** capabilities (8) + compression (1) + max_frame_len (4) + auth_intent (1), after the two strings. */
    private static final int TAIL_BYTES = 8 + 1 + 4 + 1;

    public ClientHello {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(desiredCompression, "desiredCompression");
        if (protocolVersion < 0 || protocolVersion > 0xFF) {
            throw new IllegalArgumentException("protocolVersion is a u8: " + protocolVersion);
        }
        if (maxFrameLen < 0 || maxFrameLen > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maxFrameLen is a u32: " + maxFrameLen);
        }
    }

    /** Writes the body ({@code TRN-008} if a string does not fit its u16 prefix). */
    public void encode(BodyWriter out) {
        out.u8(Vtp2.CLIENT_HELLO_TAG)
                .u8(protocolVersion)
                .str16(clientName)
                .str16(clientVersion)
                .u64(supportedCapabilities)
                .u8(desiredCompression.wireByte())
                .u32(maxFrameLen)
                .bool(authIntent);
    }

    /**
     * Decodes a ClientHello body with the rules of §2.3: at least 2 bytes ({@code TRN-007}); tag
     * {@code 0xF0} ({@code TRN-018 expected client hello}); two {@code str16} ({@code TRN-007}/{@code TRN-012});
     * 14 more bytes ({@code TRN-007}); compression 0/1 ({@code TRN-015}); auth_intent 0/1 ({@code TRN-008});
     * nothing after it ({@code TRN-008}). The protocol version is not checked here (negotiation does).
     */
    public static ClientHello decode(BodyReader in) {
        in.require(MIN_BYTES);
        if (in.u8() != Vtp2.CLIENT_HELLO_TAG) {
            throw ErrorCode.TRN_018.exception("expected client hello");
        }
        int protocolVersion = in.u8();
        String clientName = in.str16();
        String clientVersion = in.str16();
        in.require(TAIL_BYTES);
        long capabilities = in.u64();
        Compression compression = Compression.fromWireByte(in.u8());
        long maxFrameLen = in.u32();
        boolean authIntent = in.bool();
        in.expectEnd();
        return new ClientHello(protocolVersion, clientName, clientVersion, capabilities, compression, maxFrameLen, authIntent);
    }

    /** Decodes a whole body; see {@link #decode(BodyReader)}. */
    public static ClientHello decode(byte[] body) {
        return decode(new BodyReader(body));
    }
}

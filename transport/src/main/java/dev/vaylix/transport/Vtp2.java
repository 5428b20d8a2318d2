package dev.vaylix.transport;

/**
 * Constants of the VTP2 wire protocol (spec/VTP2.md). Sizes show their derivation so a reader can check
 * them against the tables of the specification.
 */
public final class Vtp2 {

    /** ASCII {@code VTP2} as a big-endian u32. */
    public static final int MAGIC = 0x56545032;

    /** The only protocol version, both in the frame header and in the hellos. */
    public static final int VERSION = 2;

    /** magic (4) + version (1) + flags (1) + length (4) + checksum (4). */
    public static final int HEADER_BYTES = 4 + 1 + 1 + 4 + 4;

    /** Flag bit 0: the payload is one or more zstd frames. Every other bit must be zero. */
    public static final int FLAG_ZSTD = 0x01;

    /** Absolute payload limit, before and after negotiation (§1.1): 8 MiB. */
    public static final int MAX_FRAME_LEN = 8 * 1024 * 1024;

    /** The compression level of every zstd frame we emit (§1.3). */
    public static final int ZSTD_LEVEL = 3;

    /** The threshold the library defaults and the server use: bodies of at least this size are compressed. */
    public static final int DEFAULT_COMPRESSION_THRESHOLD_BYTES = 1024;

    /** Tag byte of a ClientHello body. */
    public static final int CLIENT_HELLO_TAG = 0xF0;

    /** Tag byte of a ServerHello body. */
    public static final int SERVER_HELLO_TAG = 0xF1;

    /** metadata flags (1) + request id (16) + opcode (1): the smallest request body (§3.1). */
    public static final int REQUEST_MIN_BYTES = 1 + 16 + 1;

    /** request id (16) + status (1): the smallest response body (§3.2). */
    public static final int RESPONSE_MIN_BYTES = 16 + 1;

    private Vtp2() {
    }
}

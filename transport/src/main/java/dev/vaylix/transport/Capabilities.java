package dev.vaylix.transport;

/**
 * Capability bits of the hellos (§2.3). Only {@link #ZSTD} influences negotiation; the others are
 * informational (the reference never checks them before honouring request metadata).
 */
public final class Capabilities {

    public static final long ZSTD = 1L;
    public static final long REQUEST_DEADLINE = 1L << 1;
    public static final long SERVER_METRICS = 1L << 2;
    public static final long PIPELINING = 1L << 3;
    public static final long TRACE_CONTEXT = 1L << 4;

    /** Every capability this protocol version knows: {@code 0x1F}. Bits above are dropped by the server. */
    public static final long ALL = ZSTD | REQUEST_DEADLINE | SERVER_METRICS | PIPELINING | TRACE_CONTEXT;

    private Capabilities() {
    }

    public static boolean has(long capabilities, long bit) {
        return (capabilities & bit) == bit;
    }
}

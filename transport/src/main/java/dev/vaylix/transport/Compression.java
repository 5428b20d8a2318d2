package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;

/** A compression mode as carried by the hellos (§2.3): one byte, {@code 0} none, {@code 1} zstd. */
public enum Compression {
    NONE,
    ZSTD;

    /** The wire byte. */
    public int wireByte() {
        return ordinal();
    }

    /**
     * The mode of a hello's compression byte.
     *
     * @throws dev.vaylix.api.VaylixException TRN-015 ({@code unknown compression mode}) for any other byte
     */
    public static Compression fromWireByte(int value) {
        return switch (value) {
            case 0 -> NONE;
            case 1 -> ZSTD;
            default -> throw ErrorCode.TRN_015.exception("unknown compression mode");
        };
    }
}

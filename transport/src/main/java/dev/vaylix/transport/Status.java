package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;

/** The status byte of a response (§3.2) and of a ServerHello (§2.3). */
public enum Status {
    /** Success; the payload shape depends on the opcode. */
    OK,
    /** The payload is an error payload (§6.9). */
    ERROR,
    /** The key is absent; the payload is empty. */
    NOT_FOUND;

    public int wireByte() {
        return ordinal();
    }

    /**
     * @throws dev.vaylix.api.VaylixException TRN-003 ({@code unknown status: 0xNN}) for bytes other than 0, 1, 2
     */
    public static Status fromWireByte(int value) {
        return switch (value) {
            case 0 -> OK;
            case 1 -> ERROR;
            case 2 -> NOT_FOUND;
            default -> throw ErrorCode.TRN_003.exception(value);
        };
    }
}

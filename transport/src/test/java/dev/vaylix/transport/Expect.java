package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on coded failures. */
public final class Expect {

    private Expect() {
    }

    /** {@code action} fails with exactly {@code code}; returns the exception for further checks. */
    public static VaylixException error(ErrorCode code, Executable action) {
        VaylixException e = assertThrows(VaylixException.class, action);
        assertEquals(code, e.code(), () -> "unexpected error: " + e.describe());
        return e;
    }

    /** {@code action} fails with exactly {@code code} and {@code message}; returns the exception. */
    public static VaylixException error(ErrorCode code, String message, Executable action) {
        VaylixException e = error(code, action);
        assertEquals(message, e.getMessage());
        return e;
    }
}

package dev.vaylix.storage.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;

/** Assertions shared by the storage tests. */
public final class StorageAssertions {

    private StorageAssertions() {
    }

    /** {@code call} fails with {@code code}; returns the exception for further checks of its message. */
    public static VaylixException assertCode(ErrorCode code, Runnable call) {
        VaylixException e = assertThrows(VaylixException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}

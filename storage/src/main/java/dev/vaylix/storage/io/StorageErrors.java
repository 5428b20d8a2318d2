package dev.vaylix.storage.io;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns low-level failures into coded {@link VaylixException}s with messages that name the file and,
 * where there is one, the byte offset: an operator reading {@code [ENG-007] ... wal/3-9.wal at offset
 * 4096} knows where to look.
 */
public final class StorageErrors {

    private StorageErrors() {
    }

    /** ENG-002 for an I/O failure of {@code action} on {@code path}. */
    public static VaylixException io(String action, Path path, IOException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new VaylixException(ErrorCode.ENG_002, ErrorCode.ENG_002.message(action + " " + path + ": " + detail), cause);
    }

    /** ENG-007: a checksum did not match. */
    public static VaylixException checksum(Path path, long offset, String what) {
        return ErrorCode.ENG_007.exception(path + " at offset " + offset + " (" + what + ")");
    }

    /** ENG-008: a key is missing or wrong, or authentication failed. */
    public static VaylixException crypto(String what) {
        return ErrorCode.ENG_008.exception(what);
    }

    /** ENG-009: a format or version this build does not read. */
    public static VaylixException unsupported(String what) {
        return ErrorCode.ENG_009.exception(what);
    }

    /** ENG-011: a call that breaks a documented precondition. */
    public static VaylixException invalid(String what) {
        return ErrorCode.ENG_011.exception(what);
    }

    /** ENG-014: the log's structure is wrong (gaps, bad names, truncated records where none may be). */
    public static VaylixException structure(Path path, String what) {
        return ErrorCode.ENG_014.exception(path + ": " + what);
    }
}

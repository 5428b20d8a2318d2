package dev.vaylix.lincheck;

import java.util.Objects;

/**
 * The one exception for rejected input (a malformed history, an impossible operation, bad options).
 *
 * <p>Unchecked: a bad history is a bug in whoever produced it, reported rather than handled. The
 * message says where (line number for files, operation id otherwise) and what.
 */
public final class LincheckException extends RuntimeException {

    private final LincheckError code;

    public LincheckException(LincheckError code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public LincheckException(LincheckError code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public LincheckError code() {
        return code;
    }

    /** {@code [CODE] Name: message}, the form {@link Main} prints. */
    public String describe() {
        return "[" + code.code() + "] " + code.displayName() + ": " + getMessage();
    }

    @Override
    public String toString() {
        return describe();
    }
}

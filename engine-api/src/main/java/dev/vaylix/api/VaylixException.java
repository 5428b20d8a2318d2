package dev.vaylix.api;

import java.util.Objects;

/**
 * The one exception type for failures with a stable {@link ErrorCode}.
 *
 * <p>It is unchecked: a coded failure is reported to the client (or aborts start-up) rather than
 * handled locally, and checked exceptions would leak through every SPI. {@link #getMessage()} is the
 * catalogue message with its placeholders filled (no {@code engine failure: } prefix; the server adds
 * that on the wire).
 */
public final class VaylixException extends RuntimeException {

    private final ErrorCode code;

    public VaylixException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public VaylixException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** {@code [CODE] Name: message}, the form the CLI and the server print on stderr. */
    public String describe() {
        return "[" + code.code() + "] " + code.displayName() + ": " + getMessage();
    }

    @Override
    public String toString() {
        return describe();
    }
}

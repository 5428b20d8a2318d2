package dev.vaylix.api.json;

/**
 * A document that is not valid JSON, or valid JSON of the wrong shape (a missing field, a string
 * where a u64 was expected).
 *
 * <p>It carries no {@link dev.vaylix.api.ErrorCode} on purpose: the same parse failure is
 * {@code ENG-004} in a logical backup, {@code SRV-026} in the auth store and {@code SRV-030} in the
 * cluster state, so each caller wraps it with its own code. The message names the problem and, for
 * syntax errors, the position ({@code ... at line 1 column 17}); it never contains the document.
 */
public final class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}

package dev.vaylix.client;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Objects;

/**
 * A write (or a transaction) whose outcome is not known: it may or may not have been applied, and a later
 * read is the only way to find out. Retrying blindly can apply it twice (think INCR).
 *
 * <p>Raised when
 * <ul>
 *   <li>the server answers {@code SRV-035 Replication Acknowledgement Timeout} (the write was proposed but not
 *       confirmed), or</li>
 *   <li>the connection failed, the reply timed out or the waiting thread was interrupted <em>after</em> a
 *       state-changing command was handed to the socket.</li>
 * </ul>
 * Every other failure is definite: a {@link VaylixException} (or {@link UnrecognizedErrorException}) means
 * the command had no effect, or was a read. {@link #reason()} is the underlying failure.
 */
public final class OutcomeUnknownException extends RuntimeException {

    private final VaylixException reason;

    public OutcomeUnknownException(String message, VaylixException reason) {
        super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(reason, "reason"));
        this.reason = reason;
    }

    /** The failure behind the uncertainty: {@code SRV-035}, {@code TRN-013}, {@code TRN-016}, … */
    public VaylixException reason() {
        return reason;
    }

    /** The code of {@link #reason()}. */
    public ErrorCode code() {
        return reason.code();
    }
}

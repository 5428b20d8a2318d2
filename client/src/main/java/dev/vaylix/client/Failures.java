package dev.vaylix.client;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns error replies and transport failures into the exceptions the client API documents. */
final class Failures {

    private static final String ENGINE_PREFIX = "engine failure: ";

    private Failures() {
    }

    /**
     * The exception for an error reply: {@code SRV-035} → {@link OutcomeUnknownException}; a catalogue code →
     * {@link VaylixException} (its message without the {@code engine failure: } prefix the server adds to ENG
     * codes, as {@link VaylixException#getMessage()} promises); any other code → {@link UnrecognizedErrorException}.
     */
    static RuntimeException fromError(Reply.Error error) {
        Optional<ErrorCode> known = error.errorCode();
        if (known.isEmpty()) {
            return new UnrecognizedErrorException(error);
        }
        ErrorCode code = known.get();
        String message = code.family() == ErrorCode.Family.ENG && error.message().startsWith(ENGINE_PREFIX)
                ? error.message().substring(ENGINE_PREFIX.length()) : error.message();
        VaylixException exception = new VaylixException(code, message);
        if (code == ErrorCode.SRV_035) {
            return new OutcomeUnknownException("the write was not acknowledged in time; it may or may not have been applied",
                    exception);
        }
        return exception;
    }

    /**
     * The exception for a request that failed in transport.
     *
     * @param mayHaveBeenApplied the request may have reached the server and it changes state
     */
    static RuntimeException transport(Throwable failure, boolean mayHaveBeenApplied) {
        Throwable cause = unwrap(failure);
        if (cause instanceof OutcomeUnknownException || cause instanceof UnrecognizedErrorException
                || cause instanceof TransactionAbortedException) {
            return (RuntimeException) cause;
        }
        VaylixException reason = cause instanceof VaylixException v ? v
                : new VaylixException(ErrorCode.TRN_013, ErrorCode.TRN_013.message(String.valueOf(cause)), cause);
        if (mayHaveBeenApplied) {
            return new OutcomeUnknownException("the request was sent but its reply was lost ("
                    + reason.describe() + "); it may or may not have been applied", reason);
        }
        return reason;
    }

    /** The reply did not arrive within {@code timeoutMs}. */
    static VaylixException timeout(int timeoutMs) {
        return new VaylixException(ErrorCode.TRN_016, ErrorCode.TRN_016.message() + ": no reply within " + timeoutMs + " ms");
    }

    /** The waiting thread was interrupted (its interrupt flag is set again by the caller). */
    static VaylixException interrupted() {
        return ErrorCode.TRN_013.exception("interrupted while waiting for the reply");
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

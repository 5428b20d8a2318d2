package dev.vaylix.spec.trace;

/**
 * A trace file does not follow TRACE_FORMAT.md. The message says what is wrong and where; it is
 * a defect of the emitter (or of a hand-written trace), distinct from a well-formed trace that the
 * specification rejects.
 */
public final class TraceFormatException extends RuntimeException {

    TraceFormatException(String message) {
        super(message);
    }
}

package dev.vaylix.lincheck;

/**
 * How an operation ended, as the client saw it (Jepsen's {@code :ok}, {@code :fail}, {@code :info}).
 */
public enum Outcome {
    /** Completed and its output is known. It took effect exactly once, between invocation and completion. */
    OK,
    /**
     * Definitely did not take effect (rejected before it could be applied). The checker drops it.
     * Report this only when it is certain: a timeout or a lost leader is {@link #UNKNOWN}, never FAIL,
     * or the checker will reject correct histories.
     */
    FAIL,
    /**
     * Crashed, timed out, or lost with its leader: it may have taken effect at any point after its
     * invocation (even after the client gave up on it), or never. Its completion counts as +infinity.
     */
    UNKNOWN
}

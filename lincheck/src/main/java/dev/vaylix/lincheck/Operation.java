package dev.vaylix.lincheck;

import java.util.Objects;

/**
 * One client operation: who invoked what on which key, when, and how it ended.
 *
 * <p>Times are any monotonically comparable {@code long} (simulation ticks, event sequence numbers,
 * nanoseconds, line numbers of a history file); only their order matters. Operation A precedes B in
 * real time iff A completed OK strictly before B was invoked ({@code a.completeTime < b.invokeTime}).
 * Equal times mean "concurrent": with a coarse clock (several events per tick) that is the only sound
 * reading, and it can only make the checker accept more, never reject a correct history.
 *
 * @param id           position of the operation in its {@link History}, from 0
 * @param process      the client (process) that invoked it; a process has at most one operation in
 *                     flight in a history built by {@link HistoryBuilder}
 * @param key          the partition the operation touches; operations on different keys are checked
 *                     independently
 * @param input        what was asked (for the register model a read, write or compare-and-set)
 * @param outcome      how it ended
 * @param output       the observed result; non-null iff {@code outcome == OK}
 * @param invokeTime   when it was invoked
 * @param completeTime when the client saw it end (ok, fail or info); {@link #NEVER} if it never did.
 *                     For {@link Outcome#UNKNOWN} it is kept for display and for writing the history
 *                     back, but the checker treats the completion as +infinity
 */
public record Operation<I, O>(
        int id, long process, String key, I input, Outcome outcome, O output, long invokeTime, long completeTime) {

    /** Completion time of an operation whose completion was never observed (the history ended first). */
    public static final long NEVER = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        if (id < 0) {
            throw new LincheckException(LincheckError.LIN_006, "operation id " + id + " is negative");
        }
        if ((outcome == Outcome.OK) != (output != null)) {
            throw new LincheckException(LincheckError.LIN_006,
                    "operation #" + id + ": an output is required exactly when the outcome is OK (outcome "
                            + outcome + ")");
        }
        if (completeTime < invokeTime) {
            throw new LincheckException(LincheckError.LIN_006,
                    "operation #" + id + " completes at " + completeTime + ", before its invocation at "
                            + invokeTime);
        }
        if (completeTime == NEVER && outcome != Outcome.UNKNOWN) {
            // An OK or FAIL answer was observed, so it was observed at some finite time.
            throw new LincheckException(LincheckError.LIN_006,
                    "operation #" + id + " is " + outcome + " but has no completion time");
        }
    }

    /** A completed operation (outcome OK). */
    public static <I, O> Operation<I, O> ok(
            int id, long process, String key, I input, O output, long invokeTime, long completeTime) {
        return new Operation<>(id, process, key, input, Outcome.OK, output, invokeTime, completeTime);
    }

    /** An operation that definitely did not take effect. */
    public static <I, O> Operation<I, O> failed(
            int id, long process, String key, I input, long invokeTime, long completeTime) {
        return new Operation<>(id, process, key, input, Outcome.FAIL, null, invokeTime, completeTime);
    }

    /**
     * An operation with an unknown outcome; {@code completeTime} is when the client gave up on it
     * ({@link #NEVER} if it never did).
     */
    public static <I, O> Operation<I, O> unknown(
            int id, long process, String key, I input, long invokeTime, long completeTime) {
        return new Operation<>(id, process, key, input, Outcome.UNKNOWN, null, invokeTime, completeTime);
    }

    /** True iff this operation must be linearized before {@code other} (real-time order). */
    public boolean precedes(Operation<?, ?> other) {
        return outcome == Outcome.OK && completeTime < other.invokeTime;
    }

    /** The completion time the checker uses: the observed one for OK, +infinity otherwise. */
    long effectiveCompleteTime() {
        return outcome == Outcome.OK ? completeTime : NEVER;
    }
}

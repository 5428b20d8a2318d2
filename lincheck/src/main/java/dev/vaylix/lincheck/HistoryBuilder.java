package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records a history event by event, the way a client workload observes it: an invocation, later its
 * completion ({@link #ok}, {@link #fail} or {@link #info}) for the same process.
 *
 * <p>Each process has at most one operation in flight; a completion pairs with the process's pending
 * invocation. After {@link #info} the process may invoke again (its crashed operation stays in the
 * history as {@link Outcome#UNKNOWN}). An invocation still pending when {@link #build()} is called
 * becomes UNKNOWN with completion {@link Operation#NEVER}.
 *
 * <p>Times must not go backwards for a process. Not thread-safe: a multi-threaded client must call it
 * under one lock and read its clock inside that lock, or real-time order in the history can
 * contradict what happened.
 */
public final class HistoryBuilder<I, O> {

    /** Bound on recorded operations, so a runaway workload fails loudly instead of exhausting memory. */
    public static final int OPERATIONS_MAX = 50_000_000;

    private static final class Draft<I, O> {
        final long process;
        final String key;
        final I input;
        final long invokeTime;
        Outcome outcome;
        O output;
        long completeTime = Operation.NEVER;

        Draft(long process, String key, I input, long invokeTime) {
            this.process = process;
            this.key = key;
            this.input = input;
            this.invokeTime = invokeTime;
        }
    }

    private final List<Draft<I, O>> drafts = new ArrayList<>();
    /** Looked up by process, never iterated, so its order cannot reach the output. */
    private final Map<Long, Integer> pendingByProcess = new HashMap<>();
    private final Map<Long, Long> lastTimeByProcess = new HashMap<>();

    /**
     * Records that {@code process} invoked {@code input} on {@code key} at {@code time}.
     *
     * @return the id the operation will have in the built history
     * @throws LincheckException LIN-004 if the process already has an operation in flight,
     *                           LIN-006 if time went backwards for the process or the bound is reached
     */
    public int invoke(long process, String key, I input, long time) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
        Integer pending = pendingByProcess.get(process);
        if (pending != null) {
            throw new LincheckException(LincheckError.LIN_004,
                    "process " + process + " invoked at " + time + " while operation #" + pending
                            + " is still in flight");
        }
        checkTime(process, time);
        if (drafts.size() >= OPERATIONS_MAX) {
            throw new LincheckException(LincheckError.LIN_006,
                    "history exceeds " + OPERATIONS_MAX + " operations");
        }
        int id = drafts.size();
        drafts.add(new Draft<>(process, key, input, time));
        pendingByProcess.put(process, id);
        return id;
    }

    /** The pending operation of {@code process} completed with {@code output} at {@code time}. */
    public int ok(long process, O output, long time) {
        Objects.requireNonNull(output, "output");
        return complete(process, Outcome.OK, output, time);
    }

    /** The pending operation of {@code process} definitely did not take effect. */
    public int fail(long process, long time) {
        return complete(process, Outcome.FAIL, null, time);
    }

    /** The pending operation of {@code process} crashed or timed out: it may or may not take effect. */
    public int info(long process, long time) {
        return complete(process, Outcome.UNKNOWN, null, time);
    }

    /** True iff {@code process} has an invocation without completion. */
    public boolean hasPending(long process) {
        return pendingByProcess.containsKey(process);
    }

    /** Number of operations recorded so far (pending ones included). */
    public int size() {
        return drafts.size();
    }

    /**
     * A snapshot of the history so far; pending invocations appear as UNKNOWN with completion
     * {@link Operation#NEVER} (and stay pending in this builder).
     */
    public History<I, O> build() {
        List<Operation<I, O>> operations = new ArrayList<>(drafts.size());
        for (int id = 0; id < drafts.size(); id++) {
            Draft<I, O> d = drafts.get(id);
            Outcome outcome = d.outcome == null ? Outcome.UNKNOWN : d.outcome;
            operations.add(new Operation<>(
                    id, d.process, d.key, d.input, outcome, d.output, d.invokeTime, d.completeTime));
        }
        return new History<>(operations);
    }

    private int complete(long process, Outcome outcome, O output, long time) {
        Integer id = pendingByProcess.get(process);
        if (id == null) {
            throw new LincheckException(LincheckError.LIN_003,
                    "process " + process + " completed (" + outcome + ") at " + time
                            + " with no invocation in flight");
        }
        checkTime(process, time);
        Draft<I, O> d = drafts.get(id);
        d.outcome = outcome;
        d.output = output;
        d.completeTime = time;
        pendingByProcess.remove(process);
        return id;
    }

    private void checkTime(long process, long time) {
        if (time == Operation.NEVER) {
            throw new LincheckException(LincheckError.LIN_006,
                    "time " + time + " is reserved for completions never observed");
        }
        Long last = lastTimeByProcess.get(process);
        if (last != null && time < last) {
            throw new LincheckException(LincheckError.LIN_006,
                    "time went backwards for process " + process + ": " + time + " after " + last);
        }
        lastTimeByProcess.put(process, time);
    }
}

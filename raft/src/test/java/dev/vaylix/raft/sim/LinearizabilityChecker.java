package dev.vaylix.raft.sim;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The seam to a generic linearizability checker (Wing–Gong search with memoization, partitioned by
 * key, as in the {@code lincheck} module). The simulation records a history of {@link ClientOperation}s
 * over registers with read/write/cas semantics and hands it here.
 *
 * <p>Binding: the first implementation found by {@link ServiceLoader} (a
 * {@code META-INF/services/dev.vaylix.raft.sim.LinearizabilityChecker} file in test resources) is used;
 * without one, {@link #bound()} answers {@link Verdict#UNKNOWN} and says so. Register semantics the
 * adapter must implement: a key starts absent ({@code null}); write sets it; cas sets it to
 * {@code value} iff it equals {@code expected} and returns "true", else returns "false"; read returns
 * it. {@code UNKNOWN} operations may or may not have taken effect, at any time after their invocation;
 * {@code FAIL} operations had no effect.
 */
public interface LinearizabilityChecker {

    enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }

    record Result(Verdict verdict, String explanation) {
    }

    /** Checks {@code history} within {@code budget}; returns {@link Verdict#UNKNOWN} when the budget runs out. */
    Result check(List<ClientOperation> history, Duration budget);

    /** The bound checker, or one that answers UNKNOWN ("no checker bound"). */
    static LinearizabilityChecker bound() {
        return ServiceLoader.load(LinearizabilityChecker.class).findFirst()
                .orElse((history, budget) -> new Result(Verdict.UNKNOWN, "no linearizability checker bound"));
    }
}

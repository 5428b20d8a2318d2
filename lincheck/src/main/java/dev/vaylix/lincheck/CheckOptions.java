package dev.vaylix.lincheck;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Budgets and parallelism of a check. Linearizability checking is NP-complete (Gibbons and Korach
 * 1997), so every check is bounded; when a bound is hit the answer is {@link Verdict#UNKNOWN}, never
 * a guess.
 *
 * @param timeBudgetNanos  wall-clock budget for the whole check, all keys together;
 *                         {@link #NO_TIME_BUDGET} for none. The only source of nondeterminism: for a
 *                         reproducible verdict (seeded simulation) use {@link #withoutTimeBudget()}
 *                         and rely on {@code maxStatesPerKey}
 * @param maxStatesPerKey  bound on distinct configurations (linearized set, model state) memoized for
 *                         one key; bounds both time and memory (roughly 150 bytes per state with the
 *                         register model) and is deterministic
 * @param parallelism      number of threads checking different keys at once (1 to 64). The verdict and
 *                         the reported violation do not depend on it
 * @param nanoClock        the clock the time budget is measured with ({@code System::nanoTime} unless
 *                         a test injects one); called from the checking threads
 */
public record CheckOptions(long timeBudgetNanos, long maxStatesPerKey, int parallelism, LongSupplier nanoClock) {

    public static final long NO_TIME_BUDGET = Long.MAX_VALUE;
    public static final long DEFAULT_TIME_BUDGET_NANOS = Duration.ofSeconds(10).toNanos();
    public static final long DEFAULT_MAX_STATES_PER_KEY = 1_000_000;
    public static final int PARALLELISM_MAX = 64;

    public CheckOptions {
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (timeBudgetNanos <= 0) {
            throw new LincheckException(LincheckError.LIN_008, "time budget must be positive: " + timeBudgetNanos + " ns");
        }
        if (maxStatesPerKey <= 0) {
            throw new LincheckException(LincheckError.LIN_008, "maxStatesPerKey must be positive: " + maxStatesPerKey);
        }
        if (parallelism < 1 || parallelism > PARALLELISM_MAX) {
            throw new LincheckException(LincheckError.LIN_008,
                    "parallelism must be in [1, " + PARALLELISM_MAX + "]: " + parallelism);
        }
    }

    /** 10 s, 1,000,000 states per key, one thread, the system clock. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_TIME_BUDGET_NANOS, DEFAULT_MAX_STATES_PER_KEY, 1, System::nanoTime);
    }

    public CheckOptions withTimeBudget(Duration budget) {
        return new CheckOptions(budget.toNanos(), maxStatesPerKey, parallelism, nanoClock);
    }

    /** Only the state budget bounds the check: the verdict is then a pure function of the history. */
    public CheckOptions withoutTimeBudget() {
        return new CheckOptions(NO_TIME_BUDGET, maxStatesPerKey, parallelism, nanoClock);
    }

    public CheckOptions withMaxStatesPerKey(long max) {
        return new CheckOptions(timeBudgetNanos, max, parallelism, nanoClock);
    }

    public CheckOptions withParallelism(int threads) {
        return new CheckOptions(timeBudgetNanos, maxStatesPerKey, threads, nanoClock);
    }

    public CheckOptions withNanoClock(LongSupplier clock) {
        return new CheckOptions(timeBudgetNanos, maxStatesPerKey, parallelism, clock);
    }

    boolean hasTimeBudget() {
        return timeBudgetNanos != NO_TIME_BUDGET;
    }
}

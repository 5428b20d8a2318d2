package dev.vaylix.lincheck;

import java.util.function.BooleanSupplier;

/**
 * The limits one check runs under: a wall-clock deadline shared by all keys, a state bound per key,
 * and a cancellation signal (set when a parallel check no longer needs a key's answer).
 */
final class Budget {

    private final CheckOptions options;
    private final long startNanos;
    private final BooleanSupplier cancelled;

    Budget(CheckOptions options, BooleanSupplier cancelled) {
        this.options = options;
        this.cancelled = cancelled;
        this.startNanos = options.hasTimeBudget() ? options.nanoClock().getAsLong() : 0;
    }

    /** Same deadline and state bound, another cancellation signal. */
    Budget withCancellation(BooleanSupplier signal) {
        return new Budget(this, signal);
    }

    private Budget(Budget base, BooleanSupplier signal) {
        this.options = base.options;
        this.startNanos = base.startNanos;
        this.cancelled = signal;
    }

    /** True once the time budget is spent. Differences of nanoTime values, so overflow-safe. */
    boolean timeUp() {
        return options.hasTimeBudget() && options.nanoClock().getAsLong() - startNanos >= options.timeBudgetNanos();
    }

    boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    long maxStatesPerKey() {
        return options.maxStatesPerKey();
    }
}

package dev.vaylix.lincheck;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link LinearizabilityChecker#check}: {@link Ok}, {@link Illegal} or {@link Unknown}.
 *
 * <p>{@link #keys()} lists, in key order, every key checked; when a key is ILLEGAL the list stops at
 * that key (later keys may not have been checked), whatever the parallelism, so results compare equal
 * across runs with the same state budget.
 */
public sealed interface CheckResult {

    Verdict verdict();

    /** Per-key statistics, sorted by key. */
    List<KeyStats> keys();

    /** Total distinct configurations explored over all keys. */
    default long statesExplored() {
        long total = 0;
        for (KeyStats k : keys()) {
            total += k.statesExplored();
        }
        return total;
    }

    /** Every key has a linearization. */
    record Ok(List<KeyStats> keys) implements CheckResult {
        public Ok {
            keys = List.copyOf(keys);
        }

        @Override
        public Verdict verdict() {
            return Verdict.OK;
        }

        @Override
        public String toString() {
            return "OK: " + keys.size() + " keys linearizable, " + statesExplored() + " states explored";
        }
    }

    /**
     * The history is not linearizable; {@code violation} explains the first key (in key order) without
     * a linearization.
     */
    record Illegal(Violation violation, List<KeyStats> keys) implements CheckResult {
        public Illegal {
            Objects.requireNonNull(violation, "violation");
            keys = List.copyOf(keys);
        }

        @Override
        public Verdict verdict() {
            return Verdict.ILLEGAL;
        }

        @Override
        public String toString() {
            return "ILLEGAL: " + violation.explanation();
        }
    }

    /**
     * No violation was found, but the budget ran out on {@code undecidedKeys} (sorted) before they were
     * decided: they may or may not be linearizable. Never read this as OK.
     */
    record Unknown(List<String> undecidedKeys, String reason, List<KeyStats> keys) implements CheckResult {
        public Unknown {
            undecidedKeys = List.copyOf(undecidedKeys);
            Objects.requireNonNull(reason, "reason");
            keys = List.copyOf(keys);
        }

        @Override
        public Verdict verdict() {
            return Verdict.UNKNOWN;
        }

        @Override
        public String toString() {
            return "UNKNOWN: " + reason + "; undecided keys: " + undecidedKeys;
        }
    }
}

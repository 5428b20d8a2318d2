package dev.vaylix.spec.tlc;

import java.util.Objects;

/** How a TLC run ended. Closed set: callers switch over it exhaustively. */
public sealed interface TlcOutcome {

    /** Model checking finished (or simulation ran its course) and found no error. */
    record Passed() implements TlcOutcome {}

    /** A state violates {@code invariant}; TLC printed a behaviour leading to it. */
    record InvariantViolated(String invariant) implements TlcOutcome {
        public InvariantViolated {
            Objects.requireNonNull(invariant, "invariant");
        }
    }

    /** A reachable state has no successor and deadlock checking was on. */
    record Deadlocked() implements TlcOutcome {}

    /** TLC could not check the model: parse error, evaluation error, timeout, crash. */
    record Failed(String reason) implements TlcOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package dev.vaylix.lincheck;

import java.util.List;
import java.util.Objects;

/**
 * Why one key is not linearizable, as found by the search: the longest sequence of operations that
 * could be linearized (respecting real time and the model), the operation whose completion could not
 * be reached from there, and what could have gone next.
 *
 * @param key              the key
 * @param prefix           the longest linearizable prefix found, in linearization order
 * @param stateAfterPrefix the model state after the prefix, described by the model
 * @param blocked          an operation that completed OK but can be linearized after no extension of
 *                         the prefix: the search reached its completion without placing it
 * @param candidates       the operations that could be linearized next after the prefix (invoked before
 *                         {@code blocked} completed), each marked whether the model rejects it in
 *                         {@code stateAfterPrefix}; the ones it accepts lead only to dead ends
 * @param explanation      all of the above as text, ready to print in a failing test
 */
public record Violation(
        String key,
        List<Operation<?, ?>> prefix,
        String stateAfterPrefix,
        Operation<?, ?> blocked,
        List<Candidate> candidates,
        String explanation) {

    /**
     * An operation that could go next after the prefix.
     *
     * @param rejectedByModel true if the model cannot apply it in the state after the prefix
     */
    public record Candidate(Operation<?, ?> operation, boolean rejectedByModel) {
        public Candidate {
            Objects.requireNonNull(operation, "operation");
        }
    }

    public Violation {
        Objects.requireNonNull(key, "key");
        prefix = List.copyOf(prefix);
        Objects.requireNonNull(stateAfterPrefix, "stateAfterPrefix");
        Objects.requireNonNull(blocked, "blocked");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String toString() {
        return explanation;
    }
}

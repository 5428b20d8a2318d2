package dev.vaylix.lincheck;

import java.util.List;
import java.util.Optional;

/**
 * The sequential specification of one partition (one key) of the object under test, in the manner of
 * Porcupine: a history is linearizable iff its operations can be ordered, respecting real time, so
 * that stepping the model through them from {@link #init()} succeeds at every step.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>States are immutable values: {@code equals} and {@code hashCode} must be by value and agree
 *       with each other (records over immutable fields do this). The checker memoizes configurations
 *       (set of linearized operations, state); a state that compares by identity makes it re-explore
 *       forever (slow but correct), and a state whose equality ignores something the model later
 *       looks at makes it prune a live branch and report ILLEGAL for a correct history (wrong).</li>
 *   <li>Methods are pure and deterministic: same arguments, same answer; no side effects. With
 *       {@link CheckOptions#parallelism()} above 1 they are called from several threads at once, on
 *       different keys.</li>
 *   <li>The model is per key: the checker partitions the history by {@link Operation#key()} and starts
 *       every key from {@code init()}. That is sound because linearizability is local (Herlihy and
 *       Wing 1990, theorem 1): a history is linearizable iff every object's sub-history is. It does not
 *       hold for operations that touch several keys at once (transactions); model those as one key.</li>
 * </ul>
 *
 * @param <S> state type
 * @param <I> operation input (what was asked)
 * @param <O> operation output (what was observed)
 */
public interface Model<S, I, O> {

    /** The state of a key before any operation. */
    S init();

    /**
     * Applies a completed operation whose output was observed.
     *
     * @return the state after the operation, or empty if {@code output} is impossible in {@code state}
     */
    Optional<S> step(S state, I input, O output);

    /**
     * Applies an operation whose outcome is unknown (crashed or timed out), at a point where it does
     * take effect. Its output was never observed, so any output the object could produce is fine; the
     * model must be deterministic enough that one successor state describes that effect (true of
     * registers, counters, sets, queues; a model with several possible successors for the same input is
     * not supported).
     *
     * <p>The checker also considers the operation never taking effect, so an operation that could not
     * apply in {@code state} (empty) is simply not placed there.
     *
     * @return the state after the operation takes effect, or empty if it cannot apply in {@code state}
     */
    Optional<S> stepUnknown(S state, I input);

    /**
     * True iff the operation never changes the state (a read). Such operations are dropped when their
     * outcome is unknown: one that may or may not have happened, with no observed output and no
     * effect, constrains nothing, so dropping it changes no verdict.
     */
    boolean isReadOnly(I input);

    /**
     * Rejects an input/output pair that cannot come from the object at all (for example a read output
     * for a write). Called once per completed operation before the search, so a malformed history is
     * reported as an error rather than as a violation.
     *
     * @throws LincheckException LIN-006 if the pair is malformed
     */
    default void validate(I input, O output) {
    }

    /**
     * The model to check one key with, given all the operations the search will place on that key.
     * Lets a model forget state that no operation on the key observes (the register forgets versions
     * when no output reports one): configurations that differ only in unobserved state then compare
     * equal, which keeps crashed operations from multiplying them. The returned model must accept
     * exactly the same sequences of these operations as this one. Default: this model.
     */
    default Model<S, I, O> specialize(List<Operation<I, O>> operations) {
        return this;
    }

    /** A short human description of an operation; {@code output} is null when it was not observed. */
    default String describe(I input, O output) {
        return output == null ? String.valueOf(input) : input + " -> " + output;
    }

    /** A short human description of a state. */
    default String describeState(S state) {
        return String.valueOf(state);
    }
}

package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A reference decision procedure written straight from the definition, for cross-checking the search
 * on small histories: try every order of the operations that extends real-time order, with operations
 * of unknown outcome optional, and step the model through it. Exponential; no memoization, no lists,
 * nothing shared with {@link KeySearch}.
 */
final class BruteForce {

    static final int OPERATIONS_PER_KEY_MAX = 9;

    private BruteForce() {
    }

    static <S, I, O> boolean isLinearizable(Model<S, I, O> model, History<I, O> history) {
        Map<String, List<Operation<I, O>>> byKey = new TreeMap<>();
        for (Operation<I, O> op : history.operations()) {
            boolean kept = op.outcome() == Outcome.OK
                    || (op.outcome() == Outcome.UNKNOWN && !model.isReadOnly(op.input()));
            if (kept) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        for (List<Operation<I, O>> ops : byKey.values()) {
            if (ops.size() > OPERATIONS_PER_KEY_MAX) {
                throw new IllegalArgumentException("too many operations for brute force: " + ops.size());
            }
            if (!search(model, ops, new boolean[ops.size()], model.init())) {
                return false;
            }
        }
        return true;
    }

    private static <S, I, O> boolean search(Model<S, I, O> model, List<Operation<I, O>> ops, boolean[] placed, S state) {
        boolean completedLeft = false;
        for (int i = 0; i < ops.size(); i++) {
            completedLeft |= !placed[i] && ops.get(i).outcome() == Outcome.OK;
        }
        if (!completedLeft) {
            return true; // unplaced unknown operations simply never took effect
        }
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i] || hasUnplacedPredecessor(ops, placed, i)) {
                continue;
            }
            Operation<I, O> op = ops.get(i);
            Optional<S> next = op.outcome() == Outcome.OK
                    ? model.step(state, op.input(), op.output())
                    : model.stepUnknown(state, op.input());
            if (next.isPresent()) {
                placed[i] = true;
                boolean found = search(model, ops, placed, next.get());
                placed[i] = false;
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasUnplacedPredecessor(List<? extends Operation<?, ?>> ops, boolean[] placed, int i) {
        for (int j = 0; j < ops.size(); j++) {
            if (!placed[j] && ops.get(j).precedes(ops.get(i))) {
                return true;
            }
        }
        return false;
    }
}

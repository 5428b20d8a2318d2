package dev.vaylix.lincheck;

import java.util.List;

/** Renders a {@link Violation} as text for a failing test or the command line. */
final class Explanation {

    /** Only the tail of a long prefix is printed: the part next to the failure is what matters. */
    static final int PREFIX_SHOWN_MAX = 20;
    static final int CANDIDATES_SHOWN_MAX = 20;

    private Explanation() {
    }

    static <S, I, O> String render(
            Model<S, I, O> model,
            String key,
            int operationsOnKey,
            List<Operation<?, ?>> prefix,
            String stateAfterPrefix,
            Operation<I, O> blocked,
            List<Violation.Candidate> candidates) {
        StringBuilder out = new StringBuilder();
        out.append("not linearizable: key \"").append(key).append("\" (").append(operationsOnKey)
                .append(" operations checked)\n");
        out.append("  longest linearizable prefix: ").append(prefix.size())
                .append(" operations, leaving state ").append(stateAfterPrefix).append('\n');
        int skipped = Math.max(0, prefix.size() - PREFIX_SHOWN_MAX);
        if (skipped > 0) {
            out.append("    ... ").append(skipped).append(" earlier operations\n");
        }
        for (int i = skipped; i < prefix.size(); i++) {
            out.append("    ").append(operation(model, prefix.get(i))).append('\n');
        }
        out.append("  stuck at ").append(operation(model, blocked))
                .append("\n    it must take effect before it completed, and no continuation of the prefix allows that\n");
        out.append("  operations that could go next:\n");
        int shown = Math.min(candidates.size(), CANDIDATES_SHOWN_MAX);
        for (int i = 0; i < shown; i++) {
            Violation.Candidate c = candidates.get(i);
            out.append("    ").append(operation(model, c.operation()))
                    .append(c.rejectedByModel() ? "  -- impossible in this state" : "  -- possible, but no continuation through it works")
                    .append('\n');
        }
        if (candidates.size() > shown) {
            out.append("    ... ").append(candidates.size() - shown).append(" more\n");
        }
        return out.toString();
    }

    /** {@code #12 p3 write "1" -> ok [14, 20]}; unknown outcomes show {@code [14, ?)}. */
    @SuppressWarnings("unchecked")
    static <S, I, O> String operation(Model<S, I, O> model, Operation<?, ?> op) {
        Operation<I, O> typed = (Operation<I, O>) op;
        String interval = switch (op.outcome()) {
            case OK, FAIL -> "[" + op.invokeTime() + ", " + op.completeTime() + "]";
            case UNKNOWN -> "[" + op.invokeTime() + ", ?) outcome unknown"
                    + (op.completeTime() == Operation.NEVER ? "" : ", gave up at " + op.completeTime());
        };
        return "#" + op.id() + " p" + op.process() + " " + model.describe(typed.input(), typed.output()) + " " + interval;
    }
}

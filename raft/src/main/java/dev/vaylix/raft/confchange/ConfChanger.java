package dev.vaylix.raft.confchange;

import java.util.Optional;
import java.util.TreeSet;

/** Pure functions that apply a {@link ConfChange} to a {@link Configuration}. */
public final class ConfChanger {

    private ConfChanger() {
    }

    /**
     * Why {@code change} cannot be applied to {@code current}, or empty if it can: a learner must be
     * new, a promotion needs a learner, a removal needs a member, and at least one voter must remain.
     */
    public static Optional<String> rejection(Configuration current, ConfChange change) {
        String id = change.nodeId();
        return switch (change) {
            case ConfChange.AddLearner _ -> current.isMember(id)
                    ? Optional.of("node " + id + " is already a member")
                    : Optional.empty();
            case ConfChange.PromoteLearner _ -> current.isLearner(id)
                    ? Optional.empty()
                    : Optional.of("node " + id + " is not a learner");
            case ConfChange.RemoveServer _ -> {
                if (!current.isMember(id)) {
                    yield Optional.of("node " + id + " is not a member");
                }
                if (current.isVoter(id) && current.voters().size() == 1) {
                    yield Optional.of("cannot remove the last voter " + id);
                }
                yield Optional.empty();
            }
        };
    }

    /**
     * The configuration after {@code change}.
     *
     * @throws IllegalArgumentException if {@link #rejection} is not empty
     */
    public static Configuration apply(Configuration current, ConfChange change) {
        rejection(current, change).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        TreeSet<String> voters = new TreeSet<>(current.voters());
        TreeSet<String> learners = new TreeSet<>(current.learners());
        String id = change.nodeId();
        switch (change) {
            case ConfChange.AddLearner _ -> learners.add(id);
            case ConfChange.PromoteLearner _ -> {
                learners.remove(id);
                voters.add(id);
            }
            case ConfChange.RemoveServer _ -> {
                voters.remove(id);
                learners.remove(id);
            }
        }
        Configuration next = new Configuration(voters, learners);
        // Single-server change (thesis §4.1): the voter sets differ by at most one element.
        assert symmetricDifference(current, next) <= 1 : "a change moves at most one voter";
        return next;
    }

    private static int symmetricDifference(Configuration a, Configuration b) {
        TreeSet<String> diff = new TreeSet<>(a.voters());
        diff.addAll(b.voters());
        TreeSet<String> both = new TreeSet<>(a.voters());
        both.retainAll(b.voters());
        diff.removeAll(both);
        return diff.size();
    }
}

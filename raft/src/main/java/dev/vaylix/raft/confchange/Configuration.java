package dev.vaylix.raft.confchange;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A Raft configuration: the voters, whose majorities elect leaders and commit entries, and the
 * learners, which replicate the log but never vote, campaign or count in a quorum (thesis §4.2.1).
 *
 * <p>A node uses the latest configuration entry in its log, committed or not, or its snapshot's
 * configuration (thesis §4.1; RAFT-VARIANT.md "State"). Sets are sorted so every iteration (message
 * order, output, encoding) is deterministic.
 *
 * @param voters   node ids that vote; disjoint from {@code learners}
 * @param learners node ids that only replicate
 */
public record Configuration(SortedSet<String> voters, SortedSet<String> learners) {

    /** The configuration of a node that has not yet learned of any cluster (a joining node). */
    public static final Configuration EMPTY = new Configuration(new TreeSet<>(), new TreeSet<>());

    public Configuration {
        voters = Collections.unmodifiableSortedSet(new TreeSet<>(voters));
        learners = Collections.unmodifiableSortedSet(new TreeSet<>(learners));
        for (String id : voters) {
            NodeIds.check(id);
        }
        for (String id : learners) {
            NodeIds.check(id);
            if (voters.contains(id)) {
                throw new IllegalArgumentException("node " + id + " is both a voter and a learner");
            }
        }
    }

    /** A configuration of voters only. */
    public static Configuration ofVoters(String... voters) {
        TreeSet<String> set = new TreeSet<>();
        Collections.addAll(set, voters);
        return new Configuration(set, new TreeSet<>());
    }

    public boolean isVoter(String id) {
        return voters.contains(id);
    }

    public boolean isLearner(String id) {
        return learners.contains(id);
    }

    public boolean isMember(String id) {
        return isVoter(id) || isLearner(id);
    }

    /** Voters and learners, sorted. */
    public SortedSet<String> members() {
        TreeSet<String> all = new TreeSet<>(voters);
        all.addAll(learners);
        return Collections.unmodifiableSortedSet(all);
    }

    /** {@code voters=(1,2,3) learners=(4)}, the form scenario files print. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("voters=(").append(String.join(",", voters)).append(')');
        if (!learners.isEmpty()) {
            out.append(" learners=(").append(String.join(",", learners)).append(')');
        }
        return out.toString();
    }
}

package dev.vaylix.raft.quorum;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * A set of voters and the arithmetic of its majorities (thesis §3.4, §3.6). Pure: it holds no
 * progress, only answers questions about values the caller supplies.
 *
 * @param voters the voting members, sorted
 */
public record MajorityConfig(SortedSet<String> voters) {

    public MajorityConfig {
        voters = Collections.unmodifiableSortedSet(new TreeSet<>(voters));
    }

    /** How many voters form a majority: {@code n / 2 + 1}; 0 for an empty set (which never decides). */
    public int quorum() {
        return voters.isEmpty() ? 0 : voters.size() / 2 + 1;
    }

    /**
     * The largest index that a majority of voters has acknowledged: sort the voters' acknowledged
     * indexes in descending order and take the {@link #quorum()}-th. Voters the function knows nothing
     * about must map to 0. An empty voter set commits nothing (0).
     *
     * <p>Used for the commit index (match indexes, thesis §3.6.2) and for ReadIndex rounds (acknowledged
     * heartbeat rounds, thesis §6.4): both ask "what has a majority reached".
     */
    public long committedIndex(ToLongFunction<String> ackedIndex) {
        if (voters.isEmpty()) {
            return 0;
        }
        long[] acked = new long[voters.size()];
        int i = 0;
        for (String voter : voters) {
            acked[i++] = ackedIndex.applyAsLong(voter);
        }
        Arrays.sort(acked);
        // Ascending order: the quorum-th largest is at position n - quorum.
        return acked[acked.length - quorum()];
    }

    /**
     * The outcome of an election from the votes received so far ({@code true} = granted). Votes of
     * non-voters are ignored.
     */
    public VoteResult voteResult(Map<String, Boolean> votes) {
        if (voters.isEmpty()) {
            return VoteResult.LOST;
        }
        int granted = 0;
        int missing = 0;
        for (String voter : voters) {
            Boolean vote = votes.get(voter);
            if (vote == null) {
                missing++;
            } else if (vote) {
                granted++;
            }
        }
        if (granted >= quorum()) {
            return VoteResult.WON;
        }
        if (granted + missing >= quorum()) {
            return VoteResult.PENDING;
        }
        return VoteResult.LOST;
    }

    /** True if the voters in {@code active} form a majority. */
    public boolean isQuorum(java.util.Set<String> active) {
        int count = 0;
        for (String voter : voters) {
            if (active.contains(voter)) {
                count++;
            }
        }
        return !voters.isEmpty() && count >= quorum();
    }
}

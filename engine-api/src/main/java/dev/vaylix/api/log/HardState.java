package dev.vaylix.api.log;

import java.util.Objects;

/**
 * The Raft state that must be durable before any vote or append reply leaves the node (Raft §5.1,
 * thesis §3.8): current term, vote in that term, and the commit index (persisted so a restarted node
 * can apply up to it without waiting for a leader; it is an optimisation, not a safety requirement).
 *
 * @param term        current term, 0 before the first election
 * @param votedFor    node id voted for in {@code term}, or {@link #NO_VOTE}
 * @param commitIndex highest index known committed
 */
public record HardState(long term, String votedFor, long commitIndex) {

    public static final String NO_VOTE = "";
    public static final HardState INITIAL = new HardState(0, NO_VOTE, 0);

    public HardState {
        Objects.requireNonNull(votedFor, "votedFor");
        if (term < 0 || commitIndex < 0) {
            throw new IllegalArgumentException("term and commit index are non-negative");
        }
    }

    public boolean hasVote() {
        return !votedFor.isEmpty();
    }
}

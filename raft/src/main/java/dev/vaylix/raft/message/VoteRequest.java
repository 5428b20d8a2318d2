package dev.vaylix.raft.message;

/**
 * RequestVote (thesis §3.4). {@code leadershipTransfer} marks a campaign started by {@link TimeoutNow},
 * which receivers exempt from leader stickiness (thesis §3.10, §4.2.3).
 */
public record VoteRequest(Header header, long lastLogIndex, long lastLogTerm, boolean leadershipTransfer)
        implements Message {
    public VoteRequest {
        Checks.header(header);
        Checks.indexTerm(lastLogIndex, lastLogTerm);
    }
}

package dev.vaylix.raft.message;

/**
 * Asks whether the receiver would vote for the sender in the next term (thesis §9.6). The header's
 * term is the proposed term ({@code currentTerm + 1}); neither this request nor its answer changes
 * anyone's term or vote.
 */
public record PreVoteRequest(Header header, long lastLogIndex, long lastLogTerm) implements Message {
    public PreVoteRequest {
        Checks.header(header);
        Checks.indexTerm(lastLogIndex, lastLogTerm);
    }
}

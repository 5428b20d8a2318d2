package dev.vaylix.raft.message;

/** The answer to a {@link PreVoteRequest}; the header's term is the term that was proposed. */
public record PreVoteResponse(Header header, boolean granted) implements Message {
    public PreVoteResponse {
        Checks.header(header);
    }
}

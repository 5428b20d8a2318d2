package dev.vaylix.raft.message;

/** The answer to a {@link VoteRequest}, sent only once the voter's term and vote are durable. */
public record VoteResponse(Header header, boolean granted) implements Message {
    public VoteResponse {
        Checks.header(header);
    }
}

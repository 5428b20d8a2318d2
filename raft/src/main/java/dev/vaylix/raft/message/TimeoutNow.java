package dev.vaylix.raft.message;

/** Leadership transfer (thesis §3.10): the receiver starts an election at once, skipping pre-vote. */
public record TimeoutNow(Header header) implements Message {
    public TimeoutNow {
        Checks.header(header);
    }
}

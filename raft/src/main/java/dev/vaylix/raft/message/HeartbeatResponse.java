package dev.vaylix.raft.message;

/** The answer to a {@link Heartbeat}: the sender still accepts the leader's term as of {@code readRound}. */
public record HeartbeatResponse(Header header, long readRound) implements Message {
    public HeartbeatResponse {
        Checks.header(header);
        Checks.nonNegative(readRound, "readRound");
    }
}

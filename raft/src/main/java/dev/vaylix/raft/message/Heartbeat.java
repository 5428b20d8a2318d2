package dev.vaylix.raft.message;

/**
 * The leader's periodic heartbeat (thesis §3.4). It carries no entries and no consistency check:
 * {@code commitIndex} is already capped at the receiver's match index, so it is exactly the commit
 * rule of an empty AppendEntries whose previous index is that match index. {@code readRound} is the
 * latest ReadIndex round the leader started (thesis §6.4); the answer echoes it.
 */
public record Heartbeat(Header header, long commitIndex, long readRound) implements Message {
    public Heartbeat {
        Checks.header(header);
        Checks.nonNegative(commitIndex, "commitIndex");
        Checks.nonNegative(readRound, "readRound");
    }
}

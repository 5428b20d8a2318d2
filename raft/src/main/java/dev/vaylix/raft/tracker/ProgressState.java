package dev.vaylix.raft.tracker;

/** How the leader replicates to one follower (etcd-io/raft's progress states; thesis §10.2.1). */
public enum ProgressState {
    /**
     * The leader does not know where the follower's log matches its own: it sends one AppendEntries at
     * a time and waits for the answer (or a heartbeat response) before sending the next.
     */
    PROBE,
    /** The logs match up to {@code match}: AppendEntries are pipelined within the inflight bounds. */
    REPLICATE,
    /** The follower needs entries the leader has compacted: the snapshot is sent in chunks. */
    SNAPSHOT
}

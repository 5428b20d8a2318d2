package dev.vaylix.raft;

import dev.vaylix.raft.confchange.NodeIds;
import java.util.Objects;

/**
 * Static settings of one Raft node. Times are in ticks: the driver decides how long a tick is.
 *
 * @param clusterId                 carried and checked on every message; messages of other clusters are dropped
 * @param nodeId                    this node's stable id
 * @param electionTimeoutTicks      a follower campaigns after a random timeout in
 *                                  {@code [electionTimeoutTicks, 2 * electionTimeoutTicks)} without a leader;
 *                                  also the check-quorum period and the leader-stickiness window
 * @param heartbeatIntervalTicks    a leader sends heartbeats this often; less than the election timeout
 * @param maxEntriesBytesPerMessage soft bound on the entry bytes of one AppendEntries (at least one entry is sent)
 * @param maxInflightMessages       AppendEntries pipelined to one follower before waiting for acknowledgements
 * @param maxInflightBytes          entry bytes pipelined to one follower before waiting
 * @param maxSnapshotChunkBytes     size of one InstallSnapshot chunk
 * @param maxUncommittedBytes       a leader refuses proposals while this many payload bytes are uncommitted
 * @param maxPendingReads           ReadIndex requests a node holds at once (more fail at once)
 * @param learnerCatchUpEntries     a leader promotes a learner whose match index is within this many
 *                                  entries of its last index
 */
public record RaftConfig(String clusterId, String nodeId, int electionTimeoutTicks, int heartbeatIntervalTicks,
                         long maxEntriesBytesPerMessage, int maxInflightMessages, long maxInflightBytes,
                         int maxSnapshotChunkBytes, long maxUncommittedBytes, int maxPendingReads,
                         long learnerCatchUpEntries) {

    public RaftConfig {
        Objects.requireNonNull(clusterId, "clusterId");
        if (clusterId.isEmpty() || clusterId.length() > 64) {
            throw new IllegalArgumentException("cluster id must have 1..64 characters");
        }
        NodeIds.check(nodeId);
        if (heartbeatIntervalTicks < 1 || electionTimeoutTicks <= heartbeatIntervalTicks) {
            throw new IllegalArgumentException("need 1 <= heartbeatIntervalTicks < electionTimeoutTicks");
        }
        positive(maxEntriesBytesPerMessage, "maxEntriesBytesPerMessage");
        positive(maxInflightMessages, "maxInflightMessages");
        positive(maxInflightBytes, "maxInflightBytes");
        positive(maxSnapshotChunkBytes, "maxSnapshotChunkBytes");
        positive(maxUncommittedBytes, "maxUncommittedBytes");
        positive(maxPendingReads, "maxPendingReads");
        if (learnerCatchUpEntries < 0) {
            throw new IllegalArgumentException("learnerCatchUpEntries is non-negative");
        }
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Defaults for a 100 ms tick: election timeout 1–2 s, heartbeat every 100 ms. */
    public static RaftConfig defaults(String clusterId, String nodeId) {
        return new RaftConfig(clusterId, nodeId, 10, 1, 1 << 20, 256, 16L << 20, 1 << 20, 64L << 20, 4096, 64);
    }

    public RaftConfig withTimeouts(int electionTimeoutTicks, int heartbeatIntervalTicks) {
        return new RaftConfig(clusterId, nodeId, electionTimeoutTicks, heartbeatIntervalTicks, maxEntriesBytesPerMessage,
                maxInflightMessages, maxInflightBytes, maxSnapshotChunkBytes, maxUncommittedBytes, maxPendingReads,
                learnerCatchUpEntries);
    }

    public RaftConfig withFlowControl(long maxEntriesBytesPerMessage, int maxInflightMessages, long maxInflightBytes) {
        return new RaftConfig(clusterId, nodeId, electionTimeoutTicks, heartbeatIntervalTicks, maxEntriesBytesPerMessage,
                maxInflightMessages, maxInflightBytes, maxSnapshotChunkBytes, maxUncommittedBytes, maxPendingReads,
                learnerCatchUpEntries);
    }

    public RaftConfig withSnapshotChunkBytes(int maxSnapshotChunkBytes) {
        return new RaftConfig(clusterId, nodeId, electionTimeoutTicks, heartbeatIntervalTicks, maxEntriesBytesPerMessage,
                maxInflightMessages, maxInflightBytes, maxSnapshotChunkBytes, maxUncommittedBytes, maxPendingReads,
                learnerCatchUpEntries);
    }

    public RaftConfig withNodeId(String nodeId) {
        return new RaftConfig(clusterId, nodeId, electionTimeoutTicks, heartbeatIntervalTicks, maxEntriesBytesPerMessage,
                maxInflightMessages, maxInflightBytes, maxSnapshotChunkBytes, maxUncommittedBytes, maxPendingReads,
                learnerCatchUpEntries);
    }
}

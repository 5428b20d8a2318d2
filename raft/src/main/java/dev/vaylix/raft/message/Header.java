package dev.vaylix.raft.message;

import dev.vaylix.raft.confchange.NodeIds;
import java.util.Objects;

/**
 * What every Raft message carries (RAFT-VARIANT.md "State"): the cluster id, checked on receipt so
 * that a node never acts on a message from another cluster, the stable ids of sender and receiver,
 * and the sender's term (for pre-vote messages: the term being proposed).
 */
public record Header(String clusterId, String from, String to, long term) {

    /** Longest cluster id, in characters. */
    public static final int MAX_CLUSTER_ID_LENGTH = 64;

    public Header {
        Objects.requireNonNull(clusterId, "clusterId");
        if (clusterId.isEmpty() || clusterId.length() > MAX_CLUSTER_ID_LENGTH) {
            throw new IllegalArgumentException("cluster id must have 1.." + MAX_CLUSTER_ID_LENGTH + " characters");
        }
        NodeIds.check(from);
        NodeIds.check(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a node does not message itself: " + from);
        }
        if (term < 0) {
            throw new IllegalArgumentException("term is non-negative: " + term);
        }
    }
}

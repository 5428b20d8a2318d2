package dev.vaylix.server.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replication and cluster settings. Most of them belong to the multi-node work that comes later
 * ({@link ServerFlag#supported()}); a single node uses the node id, group id and write-ack mode.
 *
 * @param role                     {@code --replication-role}
 * @param nodeId                   {@code --node-id}; when absent the server must generate one once and
 *                                 persist it in the data directory (the reference generated a new one on
 *                                 every start, STORAGE.md Note 11)
 * @param groupId                  {@code --replication-group-id}
 * @param advertiseAddr            {@code --replication-advertise-addr}
 * @param upstream                 {@code --replication-upstream}
 * @param user                     {@code --replication-user}, default {@code --user}
 * @param password                 {@code --replication-password}, default {@code --password}; redacted in {@link #toString()}
 * @param writeAckMode             {@code --write-ack-mode}
 * @param ackTimeoutMs             {@code --replication-ack-timeout-ms}
 * @param pollIntervalMs           {@code --replication-poll-interval-ms}
 * @param fetchBatchSize           {@code --replication-fetch-batch-size}
 * @param staleAfterSeconds        {@code --replication-stale-after-seconds}
 * @param heartbeatIntervalMs      {@code --replication-heartbeat-interval-ms}
 * @param electionTimeoutMinMs     {@code --replication-election-timeout-min-ms}
 * @param electionTimeoutMaxMs     {@code --replication-election-timeout-max-ms}, greater than the minimum
 * @param clusterPeers             {@code --cluster-peers}
 */
public record ReplicationConfig(ReplicationRole role, Optional<String> nodeId, String groupId, Optional<String> advertiseAddr,
                                Optional<String> upstream, String user, String password, WriteAckMode writeAckMode,
                                long ackTimeoutMs, long pollIntervalMs, int fetchBatchSize, long staleAfterSeconds,
                                long heartbeatIntervalMs, long electionTimeoutMinMs, long electionTimeoutMaxMs,
                                List<PeerSpec> clusterPeers) {

    public ReplicationConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(advertiseAddr, "advertiseAddr");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(writeAckMode, "writeAckMode");
        clusterPeers = List.copyOf(clusterPeers);
    }

    @Override
    public String toString() {
        return "ReplicationConfig[role=" + role + ", nodeId=" + nodeId + ", groupId=" + groupId + ", advertiseAddr=" + advertiseAddr
                + ", upstream=" + upstream + ", user=" + user + ", password=<redacted>, writeAckMode=" + writeAckMode
                + ", ackTimeoutMs=" + ackTimeoutMs + ", pollIntervalMs=" + pollIntervalMs + ", fetchBatchSize=" + fetchBatchSize
                + ", staleAfterSeconds=" + staleAfterSeconds + ", heartbeatIntervalMs=" + heartbeatIntervalMs
                + ", electionTimeoutMinMs=" + electionTimeoutMinMs + ", electionTimeoutMaxMs=" + electionTimeoutMaxMs
                + ", clusterPeers=" + clusterPeers + "]";
    }
}

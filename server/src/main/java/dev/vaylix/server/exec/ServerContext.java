package dev.vaylix.server.exec;

import dev.vaylix.api.Clock;
import dev.vaylix.server.audit.AuditSink;
import dev.vaylix.server.auth.Authenticator;
import dev.vaylix.server.auth.PasswordHasher;
import dev.vaylix.server.backup.BackupPaths;
import dev.vaylix.server.config.ServerConfig;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.consensus.ReplicationEndpoint;
import dev.vaylix.server.limits.Quotas;
import dev.vaylix.server.metrics.ServerMetrics;
import dev.vaylix.server.node.MaintenanceMode;
import java.util.Objects;

/**
 * The shared services of a running server, handed to every session and command handler. Every
 * component is thread-safe.
 */
public record ServerContext(ServerConfig config, Clock clock, ConsensusNode consensus, Writes writes, Reads reads,
                            ReplicationEndpoint replication, ServerMetrics metrics, Quotas quotas, PasswordHasher hasher,
                            Authenticator authenticator, BackupPaths backups, MaintenanceMode maintenance, AuditSink audit,
                            NodeFacts facts) {

    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(writes, "writes");
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(facts, "facts");
    }
}

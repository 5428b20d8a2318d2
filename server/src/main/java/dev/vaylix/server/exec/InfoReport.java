package dev.vaylix.server.exec;

import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.config.ServerConfig;
import dev.vaylix.server.limits.QuotaLimits;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import dev.vaylix.transport.Vtp2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * INFO (COMMANDS.md §10.1): the 94 keys, sorted; with {@code --extended-metrics} also one {@code metrics.*} key for
 * each of our own metrics after the 23 of §10.2 ({@link Metric#RAFT_METRICS}). The reference's "sequence" concepts are log indexes
 * here (COMPATIBILITY.md): {@code replication.commit_sequence} is the Raft commit index,
 * {@code storage.last_applied_sequence} the state machine's applied index,
 * {@code persistence.oldest_retained_sequence} the first index of the oldest WAL segment. A single node
 * has no replication client, so those five counters are 0, and no retention floor ({@code none}).
 *
 * @param view        the node's place in its group, taken once for this report
 * @param metrics     the metric values, taken once for this report
 * @param keyCount    live keys now
 * @param lockedAuth  lockout counters currently locked
 * @param maintenance maintenance mode
 * @param backupDir   the canonical backup directory
 * @param nowMs       wall-clock time of the report
 */
record InfoReport(ServerConfig config, NodeFacts facts, ClusterView view, ServerMetrics.Snapshot metrics, long keyCount,
                  int lockedAuth, boolean maintenance, String backupDir, String writeAckMode, long nowMs) {

    /** The keys of COMMANDS.md §10.1, the 23 {@code metrics.*} ones included. */
    static final int KEY_COUNT = 94;
    private static final long MS_PER_DAY = 86_400_000L;

    Reply.Entries entries() {
        TreeMap<String, String> info = new TreeMap<>();
        info.put("health.status", view.health());
        for (Reply.Entry entry : metrics.infoEntries()) {
            info.put(entry.key(), entry.value().utf8String());
        }
        persistence(info);
        replication(info);
        runtime(info);
        security(info);
        info.put("server.git_sha", facts.build().gitSha());
        info.put("server.mode", view.role().equals("standalone") ? "single-node" : "primary-replica");
        info.put("server.version", facts.build().version());
        info.put("storage.engine_version", Integer.toString(LogicalBackup.SOURCE_ENGINE_VERSION));
        info.put("storage.key_count", Long.toUnsignedString(keyCount));
        info.put("storage.last_applied_sequence", Long.toUnsignedString(view.appliedIndex()));
        transport(info);
        List<Reply.Entry> entries = new ArrayList<>(info.size());
        for (Map.Entry<String, String> entry : info.entrySet()) {
            entries.add(Reply.Entry.text(entry.getKey(), entry.getValue()));
        }
        return new Reply.Entries(entries);
    }

    private void persistence(TreeMap<String, String> info) {
        NodeFacts.WalStats wal = facts.walStats();
        info.put("persistence.last_recovery_duration_ms", Long.toString(facts.recoveryDurationMs()));
        info.put("persistence.last_snapshot_at_ms", orNone(facts.lastSnapshotAtMs()));
        info.put("persistence.last_snapshot_duration_ms", orNone(facts.lastSnapshotDurationMs()));
        info.put("persistence.oldest_retained_sequence", orNone(wal.oldestRetainedIndex()));
        info.put("persistence.wal_segment_count", Integer.toString(wal.segmentCount()));
        info.put("persistence.wal_size_bytes", Long.toString(wal.sizeBytes()));
        info.put("persistence.wal_sync_policy", config.storage().walSync().flagValue());
    }

    private void replication(TreeMap<String, String> info) {
        for (String counter : List.of("append.failure.count", "append.latency.avg.ms", "connection.opened.count",
                "heartbeat.failure.count", "reconnect.count")) {
            info.put("replication.client." + counter, "0");
        }
        info.put("replication.commit_sequence", Long.toUnsignedString(view.commitIndex()));
        info.put("replication.group_id", view.groupId());
        info.put("replication.health", view.health());
        info.put("replication.leader_node_id", view.leaderOrNone());
        info.put("replication.node_id", view.nodeId());
        info.put("replication.paused", "false");
        info.put("replication.reason", view.reason());
        info.put("replication.retention_floor_sequence", "none");
        info.put("replication.role", view.role());
        info.put("replication.upstream", view.upstreamOrNone());
        info.put("replication.write_ack_mode", writeAckMode);
    }

    private void runtime(TreeMap<String, String> info) {
        QuotaLimits quotas = config.limits().quotas();
        info.put("runtime.auth_failure_limit", Integer.toString(config.auth().failureLimit()));
        info.put("runtime.auth_failure_window_seconds", Long.toString(config.auth().failureWindowSeconds()));
        info.put("runtime.auth_lockout_seconds", Long.toString(config.auth().lockoutSeconds()));
        info.put("runtime.backup_dir", backupDir);
        info.put("runtime.expiration_sweep_interval_seconds", orDisabled(config.storage().expirationSweepIntervalSeconds()));
        info.put("runtime.idle_timeout_seconds", orDisabled(config.network().idleTimeoutSeconds()));
        info.put("runtime.snapshot_interval_seconds", orDisabled(config.storage().snapshotIntervalSeconds()));
        info.put("runtime.locked_auth_records", Integer.toString(lockedAuth));
        info.put("runtime.maintenance_mode", Boolean.toString(maintenance));
        info.put("runtime.max_key_bytes", Integer.toString(quotas.maxKeyBytes()));
        info.put("runtime.max_keys_per_batch", Integer.toString(quotas.maxKeysPerBatch()));
        info.put("runtime.max_request_payload_bytes", Integer.toString(quotas.maxRequestPayloadBytes()));
        info.put("runtime.max_transaction_queue_len", Integer.toString(quotas.maxTransactionQueueLen()));
        info.put("runtime.max_value_bytes", Integer.toString(quotas.maxValueBytes()));
        info.put("runtime.request_burst", Long.toString(config.limits().requestBurst()));
        info.put("runtime.requests_per_second", Long.toString(config.limits().requestsPerSecond()));
        info.put("runtime.transaction_max_seconds", Long.toString(config.limits().transactionMaxSeconds()));
        info.put("runtime.wal_retain_segments", Long.toString(config.storage().walRetainSegments()));
        info.put("runtime.wal_segment_size_bytes", Long.toString(config.storage().walSegmentSizeBytes()));
        info.put("runtime.slow_command_threshold_ms", orDisabled(config.audit().slowCommandThresholdMs()));
    }

    private void security(TreeMap<String, String> info) {
        boolean auth = config.auth().enabled();
        boolean tls = config.tls().enabled();
        NodeFacts.TlsStatus tlsStatus = facts.tls();
        OptionalLong notAfter = tlsStatus.certificateNotAfterMs();
        info.put("security.auth_mode", auth ? "password" : "disabled");
        info.put("security.auth_required", Boolean.toString(auth));
        info.put("security.rbac_enabled", Boolean.toString(auth));
        info.put("security.cert_days_remaining", notAfter.isPresent()
                ? Long.toString(Math.floorDiv(notAfter.getAsLong() - nowMs, MS_PER_DAY)) : "none");
        info.put("security.cert_not_after_ms", orNone(notAfter));
        info.put("security.last_tls_reload_failure_at_ms", orNone(tlsStatus.lastReloadFailureAtMs()));
        info.put("security.last_tls_reload_success_at_ms", orNone(tlsStatus.lastReloadSuccessAtMs()));
        info.put("security.insecure_auth_disabled", Boolean.toString(!auth));
        info.put("security.insecure_default_credentials", Boolean.toString(config.auth().insecureDefaultCredentials()));
        info.put("security.mtls_enabled", Boolean.toString(config.tls().mtlsEnabled()));
        info.put("security.storage_encryption", "enabled");
        info.put("security.storage_key_id", facts.storageKeyId());
        info.put("security.tls_enabled", Boolean.toString(tls));
        info.put("security.tls_mode", tls ? "tls" : "plaintext");
    }

    private void transport(TreeMap<String, String> info) {
        boolean zstd = config.network().compressionEnabled();
        info.put("transport.compression", zstd ? "zstd" : "none");
        info.put("transport.compression_mode", zstd ? "zstd" : "none");
        info.put("transport.compression_threshold_bytes", zstd ? Integer.toString(Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES) : "0");
        info.put("transport.max_decompressed_frame_len", Integer.toString(Vtp2.MAX_FRAME_LEN));
        info.put("transport.max_frame_len", Integer.toString(Vtp2.MAX_FRAME_LEN));
        info.put("transport.protocol_magic", "VTP2");
        info.put("transport.protocol_version", Integer.toString(Vtp2.VERSION));
    }

    private static String orNone(OptionalLong value) {
        return value.isPresent() ? Long.toUnsignedString(value.getAsLong()) : "none";
    }

    private static String orDisabled(OptionalLong value) {
        return value.isPresent() ? Long.toUnsignedString(value.getAsLong()) : "disabled";
    }
}

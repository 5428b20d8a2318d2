package dev.vaylix.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.server.config.ServerCommandLine;
import dev.vaylix.server.config.ServerConfig;
import dev.vaylix.server.config.Invocation;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import dev.vaylix.server.node.BuildInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** INFO (COMMANDS.md §10.1) and the cluster views of a single node (§10.4–§10.6). */
class InfoReportTest {

    private static final long NOW_MS = 1_700_000_000_000L;

    static Status leader(String id) {
        return new Status(id, 3, id, Role.LEADER, id, 17, 17, 17, 0, 0, 17, 3, Configuration.ofVoters(id), 0, "", new TreeMap<>());
    }

    static ClusterView view(Status status) {
        return ClusterView.of(status, 16, "default", "127.0.0.1:9173");
    }

    private static NodeFacts facts(NodeFacts.TlsStatus tls) {
        return new NodeFacts() {
            @Override
            public String listenAddress() {
                return "127.0.0.1:9173";
            }

            @Override
            public long recoveryDurationMs() {
                return 12;
            }

            @Override
            public String storageKeyId() {
                return "01912d3c-0000-7000-8000-00000000abcd";
            }

            @Override
            public OptionalLong lastSnapshotAtMs() {
                return OptionalLong.empty();
            }

            @Override
            public OptionalLong lastSnapshotDurationMs() {
                return OptionalLong.of(3);
            }

            @Override
            public WalStats walStats() {
                return new WalStats(2, 4096, OptionalLong.of(1));
            }

            @Override
            public TlsStatus tls() {
                return tls;
            }

            @Override
            public BuildInfo build() {
                return new BuildInfo("0.1.0", "abc123");
            }
        };
    }

    private static Map<String, String> map(Reply.Entries entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Reply.Entry entry : entries.entries()) {
            map.put(entry.key(), entry.value().utf8String());
        }
        return map;
    }

    private static ServerConfig config(String... args) {
        return ((Invocation.Serve) ServerCommandLine.parse(List.of(args), Map.of())).config();
    }

    @Test
    void infoHasTheNinetyFourKeysSortedWithSequencesReadAsLogIndexes() {
        Map<String, String> info = map(new InfoReport(config(), facts(NodeFacts.TlsStatus.NONE), view(leader("n1")),
                new ServerMetrics().snapshot(), 5, 1, false, "/data/backups", "majority", NOW_MS).entries());
        assertEquals(InfoReport.KEY_COUNT, info.size());
        List<String> keys = new ArrayList<>(info.keySet());
        assertEquals(keys.stream().sorted().toList(), keys);
        assertEquals("17", info.get("replication.commit_sequence"));
        assertEquals("16", info.get("storage.last_applied_sequence"));
        assertEquals("1", info.get("persistence.oldest_retained_sequence"));
        assertEquals("2", info.get("persistence.wal_segment_count"));
        assertEquals("none", info.get("persistence.last_snapshot_at_ms"));
        assertEquals("3", info.get("persistence.last_snapshot_duration_ms"));
        assertEquals("standalone", info.get("replication.role"));
        assertEquals("single-node", info.get("server.mode"));
        assertEquals("0.1.0", info.get("server.version"));
        assertEquals("abc123", info.get("server.git_sha"));
        assertEquals("1", info.get("runtime.locked_auth_records"));
        assertEquals("disabled", info.get("runtime.snapshot_interval_seconds"));
        assertEquals("100", info.get("runtime.slow_command_threshold_ms"));
        assertEquals("none", info.get("security.cert_days_remaining"));
        assertEquals("zstd", info.get("transport.compression"));
        assertEquals("1024", info.get("transport.compression_threshold_bytes"));
        assertEquals("/data/backups", info.get("runtime.backup_dir"));
    }

    @Test
    void extendedMetricsAddOneMetricsKeyForEachOfOurs() {
        Map<String, String> info = map(new InfoReport(config("--extended-metrics"), facts(NodeFacts.TlsStatus.NONE),
                view(leader("n1")), new ServerMetrics(true).snapshot(), 5, 1, false, "/data/backups", "majority", NOW_MS).entries());
        assertEquals(InfoReport.KEY_COUNT + Metric.RAFT_METRICS, info.size());
        assertEquals("0", info.get("metrics.vaylix.raft.proposal.in.flight"));
    }

    @Test
    void tlsAndDisabledFeaturesShowInInfo() {
        long notAfter = NOW_MS + 10 * 86_400_000L + 5;
        Map<String, String> info = map(new InfoReport(config("--disable-compression", "--disable-auth"), facts(
                new NodeFacts.TlsStatus(OptionalLong.of(notAfter), OptionalLong.of(NOW_MS - 7), OptionalLong.empty())),
                view(leader("n1")), new ServerMetrics().snapshot(), 0, 0, true, "/b", "local", NOW_MS).entries());
        assertEquals("10", info.get("security.cert_days_remaining"));
        assertEquals(Long.toString(notAfter), info.get("security.cert_not_after_ms"));
        assertEquals(Long.toString(NOW_MS - 7), info.get("security.last_tls_reload_success_at_ms"));
        assertEquals("none", info.get("security.last_tls_reload_failure_at_ms"));
        assertEquals("none", info.get("transport.compression"));
        assertEquals("0", info.get("transport.compression_threshold_bytes"));
        assertEquals("disabled", info.get("security.auth_mode"));
        assertEquals("true", info.get("security.insecure_auth_disabled"));
        assertEquals("true", info.get("runtime.maintenance_mode"));
        assertEquals("local", info.get("replication.write_ack_mode"));
    }

    @Test
    void aNodeWithoutLeaderIsDegradedWithItsReason() {
        Status candidate = new Status("n1", 4, "n1", Role.CANDIDATE, "", 17, 17, 17, 0, 0, 17, 3,
                Configuration.ofVoters("n1", "n2", "n3"), 0, "", new TreeMap<>());
        ClusterView view = view(candidate);
        assertEquals("candidate", view.role());
        assertEquals(Map.of("status", "degraded", "ready", "false", "reason", "election_in_progress", "role", "candidate",
                "maintenance_mode", "false"), map(view.health(false)));
        Map<String, String> cluster = map(view.showCluster("majority"));
        assertEquals("2", cluster.get("quorum_size"));
        assertEquals("3", cluster.get("member_count"));
        assertEquals("none", cluster.get("member.n2.advertise_addr"));
        assertEquals("127.0.0.1:9173", cluster.get("member.n1.advertise_addr"));
        Status follower = new Status("n2", 4, "", Role.FOLLOWER, "", 1, 1, 1, 0, 0, 1, 1, Configuration.ofVoters("n1", "n2"), 0, "",
                new TreeMap<>());
        assertEquals("awaiting_leader", view(follower).reason());
        assertEquals("none", map(view(follower).showReplication("majority")).get("voted_for"));
    }
}

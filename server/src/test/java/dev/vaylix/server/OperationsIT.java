package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.assertError;
import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.message.Header;
import dev.vaylix.raft.message.Heartbeat;
import dev.vaylix.raft.message.MessageCodec;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.SharedServer;
import dev.vaylix.transport.ReplicationOpcode;
import dev.vaylix.transport.ReplicationRequest;
import dev.vaylix.transport.session.ClientSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INFO, METRICS, HEALTH, SHOW, MAINTENANCE, SAVE and the cluster commands of a single node (COMMANDS.md §3.6, §10). */
class OperationsIT {

    private ServerProcess server;
    private ClientSession session;

    @BeforeEach
    void connect() {
        server = SharedServer.get();
        session = server.connect("vaylix", "vaylix");
    }

    @AfterEach
    void disconnect() {
        session.close();
    }

    @Test
    void infoReportsExactlyTheNinetyFourKeysSorted() {
        assertEquals(Reply.OK, run(session, "set o:info 1"));
        Map<String, String> info = entries(run(session, "info"));
        assertEquals(94, info.size(), info.keySet().toString());
        List<String> keys = new ArrayList<>(info.keySet());
        assertEquals(keys.stream().sorted().toList(), keys, "INFO is sorted by key");
        assertEquals("ready", info.get("health.status"));
        assertEquals("single-node", info.get("server.mode"));
        assertEquals("standalone", info.get("replication.role"));
        assertEquals("majority", info.get("replication.write_ack_mode"));
        assertEquals("sync", info.get("persistence.wal_sync_policy"));
        assertEquals("password", info.get("security.auth_mode"));
        assertEquals("true", info.get("security.insecure_default_credentials"));
        assertEquals("enabled", info.get("security.storage_encryption"));
        assertTrue(info.get("security.storage_key_id").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals("plaintext", info.get("security.tls_mode"));
        assertEquals("VTP2", info.get("transport.protocol_magic"));
        assertEquals("8388608", info.get("transport.max_frame_len"));
        assertEquals("3", info.get("storage.engine_version"));
        assertTrue(Long.parseLong(info.get("storage.key_count")) >= 1);
        assertTrue(Long.parseLong(info.get("storage.last_applied_sequence")) >= 3, "bootstrap entries and the write");
        assertEquals(info.get("storage.last_applied_sequence"), info.get("replication.commit_sequence"));
        assertTrue(Integer.parseInt(info.get("persistence.wal_segment_count")) >= 1);
        assertEquals("1", info.get("persistence.oldest_retained_sequence"));
        assertEquals(23, info.keySet().stream().filter(key -> key.startsWith("metrics.")).count());
        assertEquals("disabled", info.get("runtime.idle_timeout_seconds"));
        assertEquals("1000000", info.get("runtime.requests_per_second"));
    }

    @Test
    void metricsCountRequestsAndRenderAsPrometheusText() {
        Map<String, String> before = entries(run(session, "metrics"));
        assertEquals(23, before.size(), "exactly the metrics of §10.2 without --extended-metrics");
        assertEquals("vaylix.server.connection.accepted.count", before.keySet().iterator().next());
        run(session, "ping");
        Map<String, String> after = entries(run(session, "metrics"));
        assertTrue(Long.parseLong(after.get("vaylix.server.request.count")) >= Long.parseLong(before.get("vaylix.server.request.count")) + 2);
        assertTrue(Long.parseLong(after.get("vaylix.server.connection.active")) >= 1);
        String prom = assertInstanceOf(Reply.Data.class, run(session, "metrics prom")).value().utf8String();
        String[] lines = prom.split("\n", -1);
        assertEquals(3 * 23, lines.length);
        assertEquals("# HELP vaylix_server_connection_accepted_count Number of client connections accepted by the Vaylix server. "
                + "Unit: {connection}.", lines[0]);
        assertEquals("# TYPE vaylix_server_connection_accepted_count counter", lines[1]);
        assertTrue(lines[2].matches("vaylix_server_connection_accepted_count \\d+"));
        assertTrue(!prom.endsWith("\n"));
        // The bootstrap writes (the administrator) went through the log: durable appends.
        assertTrue(Long.parseLong(after.get("vaylix.server.ha.write.batch.count")) >= 1, after.toString());
    }

    @Test
    void extendedMetricsAddOurSixAfterTheTwentyThreeInEveryReply() {
        try (ServerProcess extended = ServerProcess.start(ServerProcess.freshDirectory("extended-metrics"), "--extended-metrics");
             ClientSession admin = extended.connect("vaylix", "vaylix")) {
            assertEquals(Reply.OK, run(admin, "set o:extended 1"));
            List<String> metrics = new ArrayList<>(entries(run(admin, "metrics")).keySet());
            assertEquals(23 + Metric.RAFT_METRICS, metrics.size());
            assertEquals("vaylix.server.read.index.lag", metrics.get(22), "the 23 keep their positions");
            assertEquals("vaylix.raft.log.append.entry.count", metrics.get(23));
            Map<String, String> after = entries(run(admin, "metrics"));
            // The bootstrap writes and the SET went through the log: durable appends that carried entries.
            assertTrue(Long.parseLong(after.get("vaylix.raft.log.append.entry.count")) >= 2, after.toString());
            assertTrue(Long.parseLong(after.get("vaylix.raft.log.append.batch.max.size")) >= 1, after.toString());
            assertEquals(94 + Metric.RAFT_METRICS, entries(run(admin, "info")).size());
            String prom = assertInstanceOf(Reply.Data.class, run(admin, "metrics prom")).value().utf8String();
            assertEquals(3 * (23 + Metric.RAFT_METRICS), prom.split("\n", -1).length);
        }
    }

    @Test
    void healthAndClusterViewsDescribeAStandaloneLeader() {
        assertEquals(Map.of("status", "ready", "ready", "true", "reason", "none", "role", "standalone", "maintenance_mode", "false"),
                entries(run(session, "health")));
        Map<String, String> cluster = entries(run(session, "show cluster"));
        String node = cluster.get("node_id");
        String address = "127.0.0.1:" + server.port();
        assertEquals(List.of("node_id", "group_id", "role", "current_term", "leader_node_id", "leader_advertise_addr", "commit_index",
                "last_applied_index", "quorum_size", "member_count", "sync_policy", "health", "member." + node + ".advertise_addr",
                "member." + node + ".voter"), new ArrayList<>(cluster.keySet()));
        assertEquals("standalone", cluster.get("role"));
        assertEquals(node, cluster.get("leader_node_id"));
        assertEquals(address, cluster.get("leader_advertise_addr"));
        assertEquals("1", cluster.get("quorum_size"));
        assertEquals(address, cluster.get("member." + node + ".advertise_addr"));
        assertEquals("true", cluster.get("member." + node + ".voter"));
        Map<String, String> replication = entries(run(session, "show replication"));
        assertEquals("standalone", replication.get("role"));
        assertEquals("none", replication.get("upstream"));
        assertEquals("0", replication.get("known_followers"));
        assertEquals(node, replication.get("voted_for"));
        assertEquals(cluster.get("commit_index"), replication.get("commit_sequence"));
    }

    @Test
    void maintenanceModeBlocksWritesAndSurvivesStatusChecks() {
        assertEquals(Reply.OK, run(session, "set o:m before"));
        try {
            assertEquals(Reply.OK, run(session, "maintenance on"));
            Map<String, String> status = entries(run(session, "maintenance status"));
            assertEquals("true", status.get("enabled"));
            assertTrue(status.get("path").endsWith("maintenance.mode"));
            assertError(ErrorCode.SRV_033, run(session, "set o:m during"));
            assertError(ErrorCode.SRV_033, run(session, "getex o:m ex 10")); // it changes data
            assertError(ErrorCode.SRV_033, run(session, "save"));
            assertEquals(text("before"), run(session, "get o:m"));
            assertEquals(text("before"), run(session, "getex o:m"));
            assertEquals("true", entries(run(session, "health")).get("maintenance_mode"));
            assertEquals("ready", entries(run(session, "health")).get("status"), "maintenance does not affect readiness");
        } finally {
            assertEquals(Reply.OK, run(session, "maintenance off"));
        }
        assertEquals(Reply.OK, run(session, "set o:m after"));
        assertEquals("false", entries(run(session, "maintenance status")).get("enabled"));
    }

    @Test
    void saveTakesARealSnapshot() {
        assertEquals(Reply.OK, run(session, "set o:save 1"));
        long snapshotsBefore = Long.parseLong(entries(run(session, "metrics")).get("vaylix.persistence.snapshot.completed.count"));
        assertEquals(Reply.OK, run(session, "save"));
        Map<String, String> info = entries(run(session, "info"));
        assertNotEquals("none", info.get("persistence.last_snapshot_at_ms"));
        assertNotEquals("none", info.get("persistence.last_snapshot_duration_ms"));
        assertEquals(snapshotsBefore + 1, Long.parseLong(info.get("metrics.vaylix.persistence.snapshot.completed.count")));
        assertEquals(Reply.OK, run(session, "snapshot"));
    }

    @Test
    void clusterControlsOfASingleNodeAnswerWithTheirErrors() {
        assertError(ErrorCode.SRV_016, run(session, "cluster join n2 127.0.0.1:9999"));
        assertError(ErrorCode.SRV_016, run(session, "cluster remove n2"));
        assertError(ErrorCode.SRV_016, run(session, "pause replication"));
        assertError(ErrorCode.SRV_016, run(session, "resume replication"));
        assertEquals("replication promotion denied: only followers may be promoted",
                assertError(ErrorCode.SRV_038, run(session, "promote follower")).message());
    }

    @Test
    void sighupWithoutTlsIsNoticedAndDoesNotStopTheServer() {
        server.hangUp();
        dev.vaylix.server.testing.Poll.until(() -> server.log().contains("event=sighup_ignored"), "the SIGHUP notice", server::log);
        assertTrue(server.isAlive());
        assertEquals(text("PONG"), run(session, "ping"), "the session goes on");
    }

    @Test
    void replicationOpcodesCarryRaftMessages() {
        Reply status = session.replicate(new ReplicationRequest(ReplicationOpcode.STATUS, Bytes.EMPTY));
        String json = assertInstanceOf(Reply.Data.class, status).value().utf8String();
        assertTrue(json.startsWith("{\"node_id\":\"") && json.contains("\"role\":\"leader\""), json);
        assertError(ErrorCode.SRV_016, session.replicate(new ReplicationRequest(ReplicationOpcode.SNAPSHOT, Bytes.EMPTY)));
        assertError(ErrorCode.TRN_008, session.replicate(new ReplicationRequest(ReplicationOpcode.APPEND, Bytes.of((byte) 9, (byte) 9))));
        assertError(ErrorCode.TRN_007, session.replicate(new ReplicationRequest(ReplicationOpcode.APPEND, Bytes.EMPTY)));
        // A well-formed message of another cluster is accepted by the transport and dropped by Raft.
        Bytes heartbeat = MessageCodec.encode(new Heartbeat(new Header("other-cluster", "x", "y", 1), 0, 0));
        assertEquals(new Reply.Data(Bytes.EMPTY), session.replicate(new ReplicationRequest(ReplicationOpcode.HEARTBEAT, heartbeat)));
        assertEquals(text("PONG"), run(session, "ping"));
    }
}

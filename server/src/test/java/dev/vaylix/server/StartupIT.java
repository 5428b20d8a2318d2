package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.assertError;
import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.transport.session.ClientSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Start-up in its fail-closed order, the data directory lock, graceful shutdown and the background tasks. */
class StartupIT {

    private static final String MASTER_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    /** Runs a server that must fail to start; returns its exit status and its stderr. */
    private static Failure failedStart(Path dataDir, Map<String, String> environment, String... args) throws Exception {
        Path log = ServerProcess.logFile(dataDir);
        Process process = ServerProcess.launch(dataDir, environment, log, args);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the server exited");
        return new Failure(process.exitValue(), Files.readString(log));
    }

    private record Failure(int status, String stderr) {
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryFailsClearly() throws Exception {
        Path data = ServerProcess.freshDirectory("lock").resolve("data");
        try (ServerProcess first = ServerProcess.start(data)) {
            Failure second = failedStart(data, Map.of());
            assertEquals(1, second.status());
            assertTrue(second.stderr().contains("[SRV-004] Filesystem I/O Failure: filesystem I/O failed: ")
                    && second.stderr().contains("in use by another vaylix process"), second.stderr());
            try (ClientSession session = first.connect("vaylix", "vaylix")) {
                assertEquals(text("PONG"), run(session, "ping"), "the first server is unharmed");
            }
        }
    }

    @Test
    void badConfigurationFailsBeforeAnythingIsOpened() throws Exception {
        Path root = ServerProcess.freshDirectory("config");
        Failure badFlag = failedStart(root.resolve("a"), Map.of(), "--max-connections", "zero");
        assertEquals(2, badFlag.status());
        assertTrue(badFlag.stderr().startsWith("[SRV-030] Invalid Arguments: invalid command-line arguments: "), badFlag.stderr());
        assertTrue(badFlag.stderr().contains("Usage: vaylix"), badFlag.stderr());

        Failure tlsWithoutSsl = failedStart(root.resolve("b"), Map.of(), "--tls-cert", "/nonexistent.pem");
        assertEquals(1, tlsWithoutSsl.status());
        assertTrue(tlsWithoutSsl.stderr().contains("[SRV-010] TLS Configuration Invalid: TLS configuration is invalid"),
                tlsWithoutSsl.stderr());
        assertTrue(Files.notExists(root.resolve("b")), "nothing was created");

        Failure missingCertificate = failedStart(root.resolve("c"), Map.of(), "--ssl", "--tls-cert", "/nonexistent.pem",
                "--tls-key", "/nonexistent.key");
        assertEquals(1, missingCertificate.status());
        assertTrue(missingCertificate.stderr().contains("[SRV-010]"), missingCertificate.stderr());
    }

    @Test
    void sigtermStopsGracefullyWithAFinalSnapshotAndTheNodeIdStays() throws Exception {
        Path data = ServerProcess.freshDirectory("sigterm").resolve("data");
        String nodeId;
        try (ServerProcess server = ServerProcess.start(data, "--replication-upstream", "h:1", "--log-requests")) {
            await("the notice for a flag without effect", () -> server.stdout().stream().anyMatch(line -> line.startsWith(
                    "[WARN] [server.startup] --replication-upstream (VAYLIX_REPLICATION_UPSTREAM) is accepted but not yet supported")));
            try (ClientSession session = server.connect("vaylix", "vaylix")) {
                assertEquals(Reply.OK, run(session, "set s:x kept"));
                nodeId = entries(run(session, "show cluster")).get("node_id");
            }
            assertEquals(0, server.stop(), server.log());
            assertTrue(server.log().contains("event=final_snapshot") && server.log().contains("event=shutdown_complete"),
                    server.log());
            assertTrue(server.log().contains("event=request connection_id=1 peer=127.0.0.1:") && server.log().contains(
                    "opcode=SET status=ok error_code=none"), "--log-requests logs requests, never values\n" + server.log());
            assertTrue(!server.log().contains("kept"), "the value never reaches the log");
        }
        assertEquals(nodeId, Files.readString(data.resolve("node-id")).strip());
        Failure otherId = failedStart(data, Map.of(), "--node-id", "someone-else");
        assertEquals(1, otherId.status());
        assertTrue(otherId.stderr().contains("[SRV-030]") && otherId.stderr().contains("differs from the id"), otherId.stderr());
        try (ServerProcess server = ServerProcess.start(data, "--node-id", nodeId);
             ClientSession session = server.connect("vaylix", "vaylix")) {
            assertEquals(text("kept"), run(session, "get s:x"));
            assertEquals(nodeId, entries(run(session, "show cluster")).get("node_id"));
        }
    }

    @Test
    void aWrappedKeyringNeedsItsMasterKey() throws Exception {
        Path data = ServerProcess.freshDirectory("masterkey").resolve("data");
        Path keyFile = data.resolveSibling("master.key");
        Files.writeString(keyFile, MASTER_KEY + "\n");
        try (ServerProcess server = ServerProcess.start(data, "--master-key-file", keyFile.toString())) {
            try (ClientSession session = server.connect("vaylix", "vaylix")) {
                assertEquals(Reply.OK, run(session, "set k:x wrapped"));
            }
            assertEquals(0, server.stop());
        }
        Failure without = failedStart(data, Map.of());
        assertEquals(1, without.status());
        assertTrue(without.stderr().contains("[ENG-008]"), without.stderr());
        Failure wrong = failedStart(data, Map.of("VAYLIX_MASTER_KEY", MASTER_KEY.replace('0', '1')));
        assertEquals(1, wrong.status());
        assertTrue(wrong.stderr().contains("[ENG-008]"), wrong.stderr());
        try (ServerProcess server = ServerProcess.start(data, Map.of("VAYLIX_MASTER_KEY", MASTER_KEY));
             ClientSession session = server.connect("vaylix", "vaylix")) {
            assertEquals(text("wrapped"), run(session, "get k:x"));
        }
    }

    @Test
    void changedBootstrapCredentialsReplaceTheDefaultAdministrator() throws IOException {
        Path data = ServerProcess.freshDirectory("bootstrap").resolve("data");
        try (ServerProcess server = ServerProcess.start(data)) {
            assertEquals(0, server.stop());
        }
        try (ServerProcess server = ServerProcess.start(data, Map.of("VAYLIX_USER", "root", "VAYLIX_PASSWORD", "rotated-secret-9"))) {
            try (ClientSession session = server.connect()) {
                assertError(ErrorCode.SRV_008, run(session, "auth vaylix vaylix"));
                assertEquals(Reply.OK, run(session, "auth root rotated-secret-9"));
                assertEquals("roles=admin disabled=false", entries(run(session, "show users")).get("root"));
                assertTrue(!entries(run(session, "show users")).containsKey("vaylix"));
                assertEquals("false", entries(run(session, "info")).get("security.insecure_default_credentials"));
            }
        }
    }

    @Test
    void maxConnectionsClosesTheConnectionsBeyondIt() {
        try (ServerProcess server = ServerProcess.start(ServerProcess.freshDirectory("maxconn").resolve("data"),
                "--max-connections", "2");
             ClientSession first = server.connect("vaylix", "vaylix");
             ClientSession second = server.connect()) {
            assertThrows(VaylixException.class, server::connect, "a third connection is closed at once");
            assertEquals(text("PONG"), run(second, "ping"));
            assertEquals("2", entries(run(first, "metrics")).get("vaylix.server.connection.active"));
            await("the refusal logged", () -> server.log().contains("event=connection_refused"));
        }
    }

    @Test
    void periodicSnapshotsAndTheExpirationSweeperRunInTheBackground() {
        try (ServerProcess server = ServerProcess.start(ServerProcess.freshDirectory("periodic").resolve("data"),
                "--snapshot-interval-seconds", "1", "--expiration-sweep-interval-seconds", "1");
             ClientSession session = server.connect("vaylix", "vaylix")) {
            assertEquals(Reply.OK, run(session, "set p:short x px 200"));
            assertEquals(Reply.OK, run(session, "set p:long y"));
            await("a sweep removed the expired key", () ->
                    Long.parseLong(entries(run(session, "metrics")).get("vaylix.storage.expired.key.removed.count")) >= 1);
            Map<String, String> metrics = entries(run(session, "metrics"));
            assertTrue(Long.parseLong(metrics.get("vaylix.storage.expiration.sweep.count")) >= 1);
            await("a periodic snapshot", () ->
                    Long.parseLong(entries(run(session, "metrics")).get("vaylix.persistence.snapshot.completed.count")) >= 1);
            assertEquals(text("y"), run(session, "get p:long"));
        }
    }

    @Test
    void localAcknowledgementStillKeepsWritesAcrossARestart() {
        Path data = ServerProcess.freshDirectory("local-ack").resolve("data");
        try (ServerProcess server = ServerProcess.start(data, "--write-ack-mode", "local")) {
            try (ClientSession session = server.connect("vaylix", "vaylix")) {
                assertEquals(Reply.OK, run(session, "set l:x 1"));
                assertEquals(new Reply.Int(1), run(session, "incr l:n"), "state-dependent replies wait for the result");
                assertEquals("local", entries(run(session, "info")).get("replication.write_ack_mode"));
            }
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(data, "--write-ack-mode", "local");
             ClientSession session = server.connect("vaylix", "vaylix")) {
            assertEquals(text("1"), run(session, "get l:x"));
            assertEquals(text("1"), run(session, "get l:n"));
        }
    }
}

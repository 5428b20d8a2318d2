package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.Poll;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.TestCertificates;
import dev.vaylix.server.testing.Tool;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.net.TlsClientConfig;
import dev.vaylix.transport.session.ClientOptions;
import dev.vaylix.transport.session.ClientSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS and mutual TLS with certificates generated for the run (STORAGE.md §15, VTP2.md §2.1), the
 * SIGHUP certificate reload, and the health probe over TLS. Two server processes, started together
 * and shared by the tests: one with TLS, one that also requires client certificates.
 */
class TlsIT {

    private static final ClientOptions OPTIONS = ClientOptions.defaults("vaylix-it", "0");
    private static final TestCertificates.Issued SERVER_CA = TestCertificates.authority("it-server-ca");
    private static final TestCertificates.Issued CLIENT_CA = TestCertificates.authority("it-client-ca");
    private static final TestCertificates.Issued OTHER_CA = TestCertificates.authority("it-other-ca");
    private static final String RENEWED_NAME = "renewed.vaylix.test";

    private static Path tlsDir;
    private static Path mtlsDir;
    private static ServerProcess tlsServer;
    private static ServerProcess mtlsServer;

    @BeforeAll
    static void start() {
        tlsDir = ServerProcess.freshDirectory("tls");
        mtlsDir = ServerProcess.freshDirectory("mtls");
        String[] tlsFlags = tlsFlags(tlsDir);
        String[] mtlsFlags = tlsFlags(mtlsDir);
        String[] all = java.util.Arrays.copyOf(mtlsFlags, mtlsFlags.length + 2);
        all[mtlsFlags.length] = "--tls-client-ca";
        all[mtlsFlags.length + 1] = TestCertificates.write(mtlsDir, "client-ca", CLIENT_CA).toString();
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            var tls = CompletableFuture.supplyAsync(() -> ServerProcess.start(tlsDir.resolve("data"), tlsFlags), starts);
            var mtls = CompletableFuture.supplyAsync(() -> ServerProcess.start(mtlsDir.resolve("data"), all), starts);
            tlsServer = tls.join();
            mtlsServer = mtls.join();
        }
    }

    @AfterAll
    static void stop() {
        for (ServerProcess server : new ServerProcess[] {tlsServer, mtlsServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static ClientSession tls(ServerProcess server, Optional<TestCertificates.Issued> client) {
        Optional<TlsClientConfig.Identity> identity = client.map(c -> new TlsClientConfig.Identity(List.of(c.certificate()),
                c.keys().getPrivate()));
        TlsClientConfig config = TlsClientConfig.of(List.of(SERVER_CA.certificate()), identity, true);
        return ServerProcess.open(SocketTransport.tls(server.host(), server.port(), 5_000, config).connect(), OPTIONS);
    }

    private static String[] tlsFlags(Path dir) {
        Path certificate = TestCertificates.write(dir, "server", TestCertificates.server(SERVER_CA));
        TestCertificates.write(dir, "server-ca", SERVER_CA);
        return new String[] {"--ssl", "--tls-cert", certificate.toString(), "--tls-key", dir.resolve("server.key").toString()};
    }

    /** The serial number of the certificate the server presented on {@code session}. */
    private static BigInteger serverSerial(ClientSession session) {
        try {
            return ((X509Certificate) session.connection().tlsSession().orElseThrow().getPeerCertificates()[0]).getSerialNumber();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code vaylix healthcheck} against {@code server} over TLS, trusting the server CA. */
    private static Tool probe(ServerProcess server, Path dir, String... more) {
        // A generous budget: a cold JVM's first TLS handshake and an Argon2id AUTH on a busy 2-core machine.
        List<String> args = new java.util.ArrayList<>(List.of("healthcheck", "--port", Integer.toString(server.port()), "--ssl",
                "--tls-ca-cert", dir.resolve("server-ca.crt").toString(), "--timeout-ms", "30000"));
        args.addAll(List.of(more));
        return Tool.run(Map.of(), args.toArray(String[]::new));
    }

    private static String auditLog(Path dir) {
        try {
            Path file = dir.resolve("data").resolve("audit.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTlsServerServesTlsClientsAndRefusesPlainOnes() {
        try (ClientSession session = tls(tlsServer, Optional.empty())) {
            assertEquals(Reply.OK, run(session, "auth vaylix vaylix"));
            assertEquals(Reply.OK, run(session, "set t:x secret"));
            assertEquals(text("secret"), run(session, "get t:x"));
            Map<String, String> info = entries(run(session, "info"));
            assertEquals("tls", info.get("security.tls_mode"));
            assertEquals("false", info.get("security.mtls_enabled"));
            assertTrue(List.of("6", "7").contains(info.get("security.cert_days_remaining")), info.toString());
        }
        assertThrows(VaylixException.class, () -> {
            try (ClientSession plain = tlsServer.connect()) {
                plain.execute(dev.vaylix.server.testing.Wire.command("ping"));
            }
        }, "a plain client cannot talk to a TLS server");
        assertTrue(tlsServer.isAlive());
    }

    @Test
    void mutualTlsAcceptsOnlyClientsWithACertificateFromTheConfiguredAuthority() {
        try (ClientSession session = tls(mtlsServer, Optional.of(TestCertificates.client(CLIENT_CA, "alice")))) {
            assertEquals(Reply.OK, run(session, "auth vaylix vaylix"), "mTLS adds to passwords, it does not replace them");
            assertEquals("true", entries(run(session, "info")).get("security.mtls_enabled"));
        }
        assertThrows(VaylixException.class, () -> tls(mtlsServer, Optional.empty()).execute(
                dev.vaylix.server.testing.Wire.command("ping")), "no client certificate");
        assertThrows(VaylixException.class, () -> tls(mtlsServer, Optional.of(TestCertificates.client(OTHER_CA, "mallory")))
                .execute(dev.vaylix.server.testing.Wire.command("ping")), "a certificate from another authority");
        try (ClientSession session = tls(mtlsServer, Optional.of(TestCertificates.client(CLIENT_CA, "bob")))) {
            assertEquals(text("PONG"), run(session, "ping"));
        }
        assertTrue(mtlsServer.log().contains("event=tls_handshake_failed"), mtlsServer.log());
    }

    @Test
    void sighupReloadsTheCertificateForNewConnectionsAndKeepsTheLastGoodOneWhenTheFilesAreBad() throws Exception {
        try (ClientSession before = tls(tlsServer, Optional.empty())) {
            assertEquals(Reply.OK, run(before, "auth vaylix vaylix"));
            BigInteger original = serverSerial(before);
            Tool wrongName = probe(tlsServer, tlsDir, "--tls-server-name", RENEWED_NAME);
            assertEquals(1, wrongName.exitStatus(), "the certificate does not name " + RENEWED_NAME + " yet\n" + wrongName);
            assertTrue(wrongName.stderr().contains("[SRV-039] Healthcheck Failed: "), wrongName.toString());

            TestCertificates.Issued renewed = TestCertificates.server(SERVER_CA, RENEWED_NAME);
            TestCertificates.write(tlsDir, "server", renewed);
            tlsServer.hangUp();
            Poll.until(() -> tlsServer.log().contains("event=tls_reloaded"), "the reload", tlsServer::log);
            try (ClientSession after = tls(tlsServer, Optional.empty())) {
                assertEquals(renewed.certificate().getSerialNumber(), serverSerial(after), "new connections get the new certificate");
                assertEquals(Reply.OK, run(after, "auth vaylix vaylix"));
                Map<String, String> info = entries(run(after, "info"));
                assertNotEquals("none", info.get("security.last_tls_reload_success_at_ms"));
                assertEquals("none", info.get("security.last_tls_reload_failure_at_ms"));
            }
            assertEquals(text("PONG"), run(before, "ping"), "an established connection keeps its session");
            assertEquals(original, serverSerial(before));
            Tool renamed = probe(tlsServer, tlsDir, "--tls-server-name", RENEWED_NAME);
            assertEquals(0, renamed.exitStatus(), renamed.toString());
            assertEquals("", renamed.stdout());

            Files.writeString(tlsDir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
            tlsServer.hangUp();
            Poll.until(() -> tlsServer.log().contains("event=tls_reload_failed"), "the failed reload", tlsServer::log);
            assertTrue(tlsServer.log().contains("the previous certificate stays in use"), tlsServer.log());
            try (ClientSession later = tls(tlsServer, Optional.empty())) {
                assertEquals(renewed.certificate().getSerialNumber(), serverSerial(later), "the last good certificate stays");
                assertEquals(Reply.OK, run(later, "auth vaylix vaylix"));
                assertNotEquals("none", entries(run(later, "info")).get("security.last_tls_reload_failure_at_ms"));
            }
            assertEquals(text("PONG"), run(before, "ping"));
        }
        Poll.until(() -> auditLog(tlsDir).contains("\"event_type\":\"tls_reload\",\"details\":{\"error_code\":\"SRV-010\","
                + "\"result\":\"error\"}"), "the audited reloads", () -> auditLog(tlsDir));
        String audit = auditLog(tlsDir);
        assertTrue(audit.contains("\"opcode\":\"RUNTIME\",\"status\":\"ok\",\"error_code\":null,\"latency_ms\":0,"
                + "\"event_type\":\"tls_reload\",\"details\":{\"result\":\"ok\"}"), audit);
        assertTrue(audit.contains("\"opcode\":\"RUNTIME\",\"status\":\"error\",\"error_code\":\"SRV-010\""), audit);
    }

    @Test
    void theHealthProbeVerifiesTheServerAndPresentsItsClientCertificate() {
        Path certificate = TestCertificates.write(mtlsDir, "probe", TestCertificates.client(CLIENT_CA, "probe"));
        try (ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor()) {
            var withCertificate = CompletableFuture.supplyAsync(() -> probe(mtlsServer, mtlsDir, "--kind", "readiness", "--user",
                    "vaylix", "--password", "vaylix", "--tls-client-cert", certificate.toString(), "--tls-client-key",
                    mtlsDir.resolve("probe.key").toString()), runs);
            var withoutCertificate = CompletableFuture.supplyAsync(() -> probe(mtlsServer, mtlsDir), runs);
            Tool ready = withCertificate.join();
            assertEquals(0, ready.exitStatus(), ready.toString());
            assertEquals("", ready.stdout());
            Tool refused = withoutCertificate.join();
            assertEquals(1, refused.exitStatus(), refused.toString());
            assertTrue(refused.stderr().contains("[SRV-039] Healthcheck Failed: "), refused.toString());
        }
    }
}

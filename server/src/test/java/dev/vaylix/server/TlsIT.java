package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.TestCertificates;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.net.TlsClientConfig;
import dev.vaylix.transport.session.ClientOptions;
import dev.vaylix.transport.session.ClientSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TLS and mutual TLS with certificates generated for the run (STORAGE.md §15, VTP2.md §2.1). */
class TlsIT {

    private static final ClientOptions OPTIONS = ClientOptions.defaults("vaylix-it", "0");
    private static final TestCertificates.Issued SERVER_CA = TestCertificates.authority("it-server-ca");
    private static final TestCertificates.Issued CLIENT_CA = TestCertificates.authority("it-client-ca");
    private static final TestCertificates.Issued OTHER_CA = TestCertificates.authority("it-other-ca");

    private static ClientSession tls(ServerProcess server, Optional<TestCertificates.Issued> client) {
        Optional<TlsClientConfig.Identity> identity = client.map(c -> new TlsClientConfig.Identity(List.of(c.certificate()),
                c.keys().getPrivate()));
        TlsClientConfig config = TlsClientConfig.of(List.of(SERVER_CA.certificate()), identity, true);
        return ServerProcess.open(SocketTransport.tls(server.host(), server.port(), 5_000, config).connect(), OPTIONS);
    }

    private static String[] tlsFlags(Path dir) {
        Path certificate = TestCertificates.write(dir, "server", TestCertificates.server(SERVER_CA));
        return new String[] {"--ssl", "--tls-cert", certificate.toString(), "--tls-key", dir.resolve("server.key").toString()};
    }

    @Test
    void aTlsServerServesTlsClientsAndRefusesPlainOnes() {
        Path dir = ServerProcess.freshDirectory("tls");
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), tlsFlags(dir))) {
            try (ClientSession session = tls(server, Optional.empty())) {
                assertEquals(Reply.OK, run(session, "auth vaylix vaylix"));
                assertEquals(Reply.OK, run(session, "set t:x secret"));
                assertEquals(text("secret"), run(session, "get t:x"));
                Map<String, String> info = entries(run(session, "info"));
                assertEquals("tls", info.get("security.tls_mode"));
                assertEquals("false", info.get("security.mtls_enabled"));
                assertTrue(List.of("6", "7").contains(info.get("security.cert_days_remaining")), info.toString());
            }
            assertThrows(VaylixException.class, () -> {
                try (ClientSession plain = server.connect()) {
                    plain.execute(dev.vaylix.server.testing.Wire.command("ping"));
                }
            }, "a plain client cannot talk to a TLS server");
            assertTrue(server.isAlive());
        }
    }

    @Test
    void mutualTlsAcceptsOnlyClientsWithACertificateFromTheConfiguredAuthority() {
        Path dir = ServerProcess.freshDirectory("mtls");
        Path clientCa = TestCertificates.write(dir, "client-ca", CLIENT_CA);
        String[] flags = tlsFlags(dir);
        String[] all = java.util.Arrays.copyOf(flags, flags.length + 2);
        all[flags.length] = "--tls-client-ca";
        all[flags.length + 1] = clientCa.toString();
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), all)) {
            try (ClientSession session = tls(server, Optional.of(TestCertificates.client(CLIENT_CA, "alice")))) {
                assertEquals(Reply.OK, run(session, "auth vaylix vaylix"), "mTLS adds to passwords, it does not replace them");
                assertEquals("true", entries(run(session, "info")).get("security.mtls_enabled"));
            }
            assertThrows(VaylixException.class, () -> tls(server, Optional.empty()).execute(
                    dev.vaylix.server.testing.Wire.command("ping")), "no client certificate");
            assertThrows(VaylixException.class, () -> tls(server, Optional.of(TestCertificates.client(OTHER_CA, "mallory")))
                    .execute(dev.vaylix.server.testing.Wire.command("ping")), "a certificate from another authority");
            try (ClientSession session = tls(server, Optional.of(TestCertificates.client(CLIENT_CA, "bob")))) {
                assertEquals(text("PONG"), run(session, "ping"));
            }
            assertTrue(server.log().contains("event=tls_handshake_failed"), server.log());
        }
    }
}

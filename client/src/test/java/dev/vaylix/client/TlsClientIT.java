package dev.vaylix.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.client.testing.FakeVaylixServer;
import dev.vaylix.client.testing.TestCertificates;
import dev.vaylix.transport.net.TlsClientConfig;
import dev.vaylix.transport.net.TlsServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS with certificates generated for the test run. */
class TlsClientIT {

    @TempDir
    static Path directory;
    private static TestCertificates pki;

    @BeforeAll
    static void generate() throws IOException {
        pki = TestCertificates.create(directory);
    }

    private static TlsServerConfig serverTls(boolean requireClientCertificate) {
        return TlsServerConfig.fromPemFiles(pki.server().certificateFile(), pki.server().keyFile(),
                requireClientCertificate ? Optional.of(pki.caFile()) : Optional.empty(), System.currentTimeMillis());
    }

    private static ClientConfig.Builder client(FakeVaylixServer server, TlsClientConfig tls) {
        return server.clientConfig().connectTimeoutMs(5_000).tls(tls);
    }

    @Test
    void aClientTrustingTheCaTalksOverTls() {
        try (FakeVaylixServer server = FakeVaylixServer.builder().tls(serverTls(false)).start();
             VaylixClient client = VaylixClient.connect(client(server,
                     TlsClientConfig.fromPemFiles(Optional.of(pki.caFile()), Optional.empty(), Optional.empty())).build())) {
            client.set("k", "secret");
            assertEquals(Optional.of("secret"), client.getString("k"));
        }
    }

    @Test
    void aServerCertificateFromAnUnknownCaIsRefused() throws IOException {
        Path stranger = TestCertificates.strangerCa(directory);
        try (FakeVaylixServer server = FakeVaylixServer.builder().tls(serverTls(false)).start()) {
            VaylixException refused = assertThrows(VaylixException.class, () -> VaylixClient.connect(client(server,
                    TlsClientConfig.fromPemFiles(Optional.of(stranger), Optional.empty(), Optional.empty())).build()));
            assertEquals(ErrorCode.TRN_013, refused.code());
            assertTrue(refused.getMessage().contains("TLS handshake failed"), refused.getMessage());
        }
    }

    @Test
    void mutualTlsAcceptsAClientCertificateFromTheCa() {
        try (FakeVaylixServer server = FakeVaylixServer.builder().tls(serverTls(true)).start();
             VaylixClient client = VaylixClient.connect(client(server, TlsClientConfig.fromPemFiles(
                     Optional.of(pki.caFile()), Optional.of(pki.client().certificateFile()),
                     Optional.of(pki.client().keyFile()))).build())) {
            assertEquals("PONG", client.ping());
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificate() {
        try (FakeVaylixServer server = FakeVaylixServer.builder().tls(serverTls(true)).start()) {
            VaylixException refused = assertThrows(VaylixException.class, () -> VaylixClient.connect(client(server,
                    TlsClientConfig.fromPemFiles(Optional.of(pki.caFile()), Optional.empty(), Optional.empty())).build()));
            assertTrue(List.of(ErrorCode.TRN_013, ErrorCode.TRN_007).contains(refused.code()), refused.describe());
            assertEquals(0, server.requestsReceived(), "no request got through");
        }
    }

    @Test
    void aPlainClientCannotTalkToATlsServer() {
        try (FakeVaylixServer server = FakeVaylixServer.builder().tls(serverTls(false)).start()) {
            ClientConfig plain = server.clientConfig().connectTimeoutMs(2_000).build();
            assertThrows(VaylixException.class, () -> VaylixClient.connect(plain));
        }
    }
}

package dev.vaylix.transport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.transport.Expect;
import dev.vaylix.transport.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server and client TLS configuration: what loads, and what is refused with which code. */
class TlsConfigTest {

    private static final TestPki.Identity CA = TestPki.ca("config-test-ca");
    private static final long NOW_MS = System.currentTimeMillis();

    @Test
    void aServerConfigLoadsFromPemFiles(@TempDir Path directory) throws Exception {
        TestPki.Identity server = TestPki.server(CA, TestPki.ec());
        Path chain = TestPki.write(directory, "server.pem", TestPki.pem(server.certificate(), CA.certificate()));
        Path key = TestPki.write(directory, "server.key", TestPki.sec1Pem(server.keys()));
        Path clientCa = TestPki.write(directory, "clients.pem", TestPki.pem(CA.certificate()));

        TlsServerConfig plain = TlsServerConfig.fromPemFiles(chain, key, Optional.empty(), NOW_MS);
        assertEquals(server.certificate(), plain.certificate());
        assertFalse(plain.requiresClientCertificate());
        assertTrue(TlsServerConfig.fromPemFiles(chain, key, Optional.of(clientCa), NOW_MS).requiresClientCertificate());
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsInvalidConfiguration() {
        TestPki.Identity server = TestPki.server(CA, TestPki.ec());
        VaylixException e = Expect.error(ErrorCode.SRV_010, "TLS configuration is invalid",
                () -> TlsServerConfig.of(List.of(server.certificate()), TestPki.ec().getPrivate(), List.of(), NOW_MS));
        assertTrue(e.getCause().getMessage().contains("does not match"), e.getCause().getMessage());
    }

    @Test
    void anExpiredCertificateIsInvalidConfiguration() {
        TestPki.Identity expired = TestPki.expiredServer(CA);
        VaylixException e = Expect.error(ErrorCode.SRV_010,
                () -> TlsServerConfig.of(List.of(expired.certificate()), expired.privateKey(), List.of(), NOW_MS));
        assertTrue(e.getCause().getMessage().contains("not valid now"), e.getCause().getMessage());
    }

    @Test
    void missingOrMalformedServerFilesAreInvalidConfiguration(@TempDir Path directory) throws Exception {
        Path missing = directory.resolve("missing.pem");
        Expect.error(ErrorCode.SRV_010, () -> TlsServerConfig.fromPemFiles(missing, missing, Optional.empty(), NOW_MS));
        Path junk = TestPki.write(directory, "junk.pem", "not pem");
        Expect.error(ErrorCode.SRV_010, () -> TlsServerConfig.fromPemFiles(junk, junk, Optional.empty(), NOW_MS));
    }

    @Test
    void aClientIdentityNeedsBothFilesAndBadFilesAreInvalidClientConfiguration(@TempDir Path directory) throws Exception {
        Path ca = TestPki.write(directory, "ca.pem", TestPki.pem(CA.certificate()));
        Expect.error(ErrorCode.CLI_008, "tls_client_cert and tls_client_key must be provided together",
                () -> TlsClientConfig.fromPemFiles(Optional.of(ca), Optional.of(ca), Optional.empty()));
        Expect.error(ErrorCode.CLI_008, () -> TlsClientConfig.fromPemFiles(Optional.of(directory.resolve("none.pem")),
                Optional.empty(), Optional.empty()));
        TestPki.Identity client = TestPki.client(CA, "alice");
        Path cert = TestPki.write(directory, "alice.pem", TestPki.pem(client.certificate()));
        Path key = TestPki.write(directory, "alice.key", TestPki.pkcs8Pem(client.privateKey()));
        TlsClientConfig.fromPemFiles(Optional.of(ca), Optional.of(cert), Optional.of(key));
        Path otherKey = TestPki.write(directory, "other.key", TestPki.pkcs8Pem(TestPki.ec().getPrivate()));
        Expect.error(ErrorCode.CLI_008, () -> TlsClientConfig.fromPemFiles(Optional.of(ca), Optional.of(cert), Optional.of(otherKey)));
    }
}

package dev.vaylix.transport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.session.ClientOptions;
import dev.vaylix.transport.session.ClientSession;
import dev.vaylix.transport.session.RequestIds;
import dev.vaylix.transport.testing.TestPki;
import dev.vaylix.transport.testing.TestServer;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS and mTLS over real sockets with certificates generated for this run. */
class TlsTransportIT {

    private static final long NOW_MS = System.currentTimeMillis();
    private static final TestPki.Identity SERVER_CA = TestPki.ca("vaylix-test-server-ca");
    private static final TestPki.Identity CLIENT_CA = TestPki.ca("vaylix-test-client-ca");
    private static final TestPki.Identity OTHER_CA = TestPki.ca("vaylix-test-other-ca");
    private static final TestPki.Identity SERVER = TestPki.server(SERVER_CA, TestPki.ec());

    private final ClientOptions options = ClientOptions.defaults("vaylix-client", "0.9.0");
    private SocketListener listener;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer(TestPki.Identity identity, List<X509Certificate> clientCas) {
        TlsServerConfig config = TlsServerConfig.of(List.of(identity.certificate(), SERVER_CA.certificate()),
                identity.privateKey(), clientCas, NOW_MS);
        listener = SocketTransport.listenTls(new InetSocketAddress("127.0.0.1", 0), 16, config);
        server = new TestServer(listener, TestServer::answer, Negotiation.ServerOptions.DEFAULT);
    }

    private Connector connector(List<X509Certificate> trusted, Optional<TlsClientConfig.Identity> identity) {
        return SocketTransport.tls("127.0.0.1", listener.port(), 5_000, TlsClientConfig.of(trusted, identity, true));
    }

    private static Optional<TlsClientConfig.Identity> identity(TestPki.Identity client) {
        return Optional.of(new TlsClientConfig.Identity(List.of(client.certificate()), client.privateKey()));
    }

    /** Opens a session and pings; any failure on the way is returned instead of thrown. */
    private static VaylixException failureOf(Connector connector, ClientOptions options) {
        return assertThrows(VaylixException.class, () -> {
            try (ClientSession session = ClientSession.open(connector.connect(), options, RequestIds.sequential(9))) {
                session.execute(new Command.Ping(Optional.empty()));
            }
        });
    }

    private void awaitServerError(ErrorCode code) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.errors().stream().noneMatch(e -> e.code() == code)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server recorded no " + code + ": " + server.errors());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void aTlsClientCompletesTheHandshakeAndTalks() {
        startServer(SERVER, List.of());
        try (ClientSession session = ClientSession.open(connector(List.of(SERVER_CA.certificate()), Optional.empty()).connect(),
                options, RequestIds.sequential(1))) {
            assertEquals(Reply.Data.utf8("PONG"), session.execute(new Command.Ping(Optional.empty())));
            var tls = session.connection().tlsSession().orElseThrow();
            assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(tls.getProtocol()), tls.getProtocol());
        }
    }

    @Test
    void tls12IsAcceptedAsWellAsTls13() throws Exception {
        startServer(SERVER, List.of());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        var store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", SERVER_CA.certificate());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", listener.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerCaRefusesTheHandshake() {
        startServer(SERVER, List.of());
        VaylixException e = failureOf(connector(List.of(OTHER_CA.certificate()), Optional.empty()), options);
        assertEquals(ErrorCode.TRN_013, e.code());
        assertTrue(e.getMessage().startsWith("i/o error: TLS handshake failed"), e.getMessage());
        awaitServerError(ErrorCode.SRV_011);
    }

    @Test
    void aServerCertificateForAnotherHostIsRefused() {
        startServer(TestPki.serverForOtherHost(SERVER_CA), List.of());
        VaylixException e = failureOf(connector(List.of(SERVER_CA.certificate()), Optional.empty()), options);
        assertEquals(ErrorCode.TRN_013, e.code());
    }

    @Test
    void mutualTlsAcceptsAClientCertificateFromTheClientCa() {
        startServer(SERVER, List.of(CLIENT_CA.certificate()));
        TestPki.Identity alice = TestPki.client(CLIENT_CA, "alice");
        try (ClientSession session = ClientSession.open(connector(List.of(SERVER_CA.certificate()), identity(alice)).connect(),
                options, RequestIds.sequential(2))) {
            assertEquals(Reply.Data.utf8("PONG"), session.execute(new Command.Ping(Optional.empty())));
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificate() {
        startServer(SERVER, List.of(CLIENT_CA.certificate()));
        VaylixException e = failureOf(connector(List.of(SERVER_CA.certificate()), Optional.empty()), options);
        // TLS 1.3 may finish the client's side of the handshake before the server's refusal arrives.
        assertTrue(Set.of(ErrorCode.TRN_013, ErrorCode.TRN_007).contains(e.code()), e.describe());
        awaitServerError(ErrorCode.SRV_011);
    }

    @Test
    void mutualTlsRefusesAClientCertificateFromAnotherCa() {
        startServer(SERVER, List.of(CLIENT_CA.certificate()));
        TestPki.Identity mallory = TestPki.client(OTHER_CA, "mallory");
        VaylixException e = failureOf(connector(List.of(SERVER_CA.certificate()), identity(mallory)), options);
        assertTrue(Set.of(ErrorCode.TRN_013, ErrorCode.TRN_007).contains(e.code()), e.describe());
        awaitServerError(ErrorCode.SRV_011);
    }

    @Test
    void aPlainTcpClientCannotTalkToATlsServer() {
        startServer(SERVER, List.of());
        VaylixException e = failureOf(SocketTransport.tcp("127.0.0.1", listener.port(), 5_000), options);
        assertTrue(Set.of(ErrorCode.TRN_013, ErrorCode.TRN_007).contains(e.code()), e.describe());
        awaitServerError(ErrorCode.SRV_011);
    }

    @Test
    void aReloadedCertificateIsUsedForNewConnections() {
        startServer(SERVER, List.of());
        TestPki.Identity renewed = TestPki.server(OTHER_CA, TestPki.ec());
        listener.replaceTlsConfig(TlsServerConfig.of(List.of(renewed.certificate()), renewed.privateKey(), List.of(), NOW_MS));
        try (ClientSession session = ClientSession.open(connector(List.of(OTHER_CA.certificate()), Optional.empty()).connect(),
                options, RequestIds.sequential(3))) {
            assertEquals(Reply.Data.utf8("PONG"), session.execute(new Command.Ping(Optional.empty())));
        }
    }
}

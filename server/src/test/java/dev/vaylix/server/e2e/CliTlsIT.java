package dev.vaylix.server.e2e;

import static dev.vaylix.server.e2e.ClientProcess.address;
import static dev.vaylix.server.e2e.ClientProcess.command;
import static dev.vaylix.server.e2e.ClientProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.client.testing.TestCertificates;
import dev.vaylix.server.e2e.ClientProcess.Result;
import dev.vaylix.server.testing.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/vaylix-client} over TLS and mutual TLS to real {@code vaylix} processes, with a throw-away PKI
 * generated for the run (client test-jar {@link TestCertificates}: one CA, a server certificate for
 * {@code 127.0.0.1}, a client certificate). Two servers: one with TLS, one that also requires a client certificate
 * from that CA ({@code --tls-client-ca}).
 */
class CliTlsIT {

    private static TestCertificates pki;
    private static Path strangerCa;
    private static ServerProcess tls;
    private static ServerProcess mutual;

    @BeforeAll
    static void startServers() throws IOException {
        Path dir = ServerProcess.freshDirectory("cli-tls");
        pki = TestCertificates.create(dir);
        strangerCa = TestCertificates.strangerCa(dir);
        List<String> serverTls = List.of("--ssl", "--tls-cert", pki.server().certificateFile().toString(),
                "--tls-key", pki.server().keyFile().toString());
        tls = ServerProcess.start(dir.resolve("tls-data"), serverTls.toArray(String[]::new));
        List<String> serverMutual = new ArrayList<>(serverTls);
        serverMutual.addAll(List.of("--tls-client-ca", pki.caFile().toString()));
        mutual = ServerProcess.start(dir.resolve("mtls-data"), serverMutual.toArray(String[]::new));
    }

    @AfterAll
    static void stopServers() {
        for (ServerProcess server : new ServerProcess[] {tls, mutual}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static List<String> flags(ServerProcess server, String... more) {
        List<String> flags = new ArrayList<>(address(server));
        flags.addAll(List.of(more));
        return flags;
    }

    private static String[] clientIdentity() {
        return new String[] {"--tls-client-cert", pki.client().certificateFile().toString(),
            "--tls-client-key", pki.client().keyFile().toString()};
    }

    @Test
    void aClientTrustingTheServersCaWorksOverTls() {
        Script script = new Script()
                .prints("set tls:secret \"over tls\"", "OK")
                .prints("get tls:secret", "over tls")
                .prints("whoami", "permissions=read,write,admin,backup,restore,metrics,snapshot,clear,user_admin,role_admin,"
                        + " username=vaylix");
        assertEquals(script.expected(0), script(flags(tls, "--ssl", "--tls-ca-cert", pki.caFile().toString()),
                script.input()));
        String url = "vaylix://vaylix:vaylix@127.0.0.1:" + tls.port() + "?ssl=true&ca_cert=" + pki.caFile();
        assertEquals(new Result(0, "over tls\n", ""), command(List.of("--url", url), "get", "tls:secret"),
                "the same through a connection URL");
    }

    /**
     * A server certificate from an unknown authority fails the connect (CLI-003 with the JDK's reason); a plain
     * TCP client gets no hello from a TLS server (a transport failure). Both exit with 3 and print nothing else.
     */
    @Test
    void aClientThatDoesNotTrustTheServerOrSpeaksPlainTcpExitsWith3() {
        Result untrusted = command(flags(tls, "--ssl", "--tls-ca-cert", strangerCa.toString()), "ping");
        assertEquals(3, untrusted.exitCode(), untrusted.toString());
        assertEquals("", untrusted.stdout());
        assertTrue(untrusted.stderr().startsWith("[CLI-003] Filesystem I/O Failure: filesystem I/O failed: cannot connect to"
                + " 127.0.0.1:" + tls.port() + ": "), untrusted.stderr());
        assertTrue(untrusted.stderr().contains("PKIX path building failed"), untrusted.stderr());
        assertEquals(1, untrusted.stderr().lines().count(), untrusted.stderr());
        // The server drops the connection (with or without a reset): which transport error the client sees varies.
        Result plain = command(flags(tls), "ping");
        assertEquals(3, plain.exitCode(), plain.toString());
        assertEquals("", plain.stdout());
        assertTrue(plain.stderr().matches("\\[TRN-0\\d\\d] [^:\\n]+: transport failure: .+\n"), plain.stderr());
        assertTrue(tls.isAlive(), "refused clients leave the server running");
    }

    @Test
    void mutualTlsServesAClientWithACertificateFromTheCa() {
        Script script = new Script()
                .prints("set mtls:k v", "OK")
                .prints("get mtls:k", "v")
                .prints("exists mtls:nope", "false");
        List<String> flags = flags(mutual, "--ssl", "--tls-ca-cert", pki.caFile().toString());
        flags.addAll(List.of(clientIdentity()));
        assertEquals(script.expected(0), script(flags, script.input()));
    }

    @Test
    void mutualTlsRefusesAClientWithoutACertificate() {
        Result refused = command(flags(mutual, "--ssl", "--tls-ca-cert", pki.caFile().toString()), "ping");
        assertEquals(3, refused.exitCode(), refused.toString());
        assertEquals("", refused.stdout());
        // With TLS 1.3 the server checks the client's certificate after the client's side of the handshake is done,
        // so the client notices when it sends its hello or reads the answer: a broken pipe or the server's alert.
        assertTrue(refused.stderr().matches("\\[TRN-0\\d\\d] [^:\\n]+: transport failure: .+\n"), refused.stderr());
        assertTrue(mutual.isAlive());
    }
}

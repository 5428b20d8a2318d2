package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.testing.FakeServerExtension;
import dev.vaylix.client.testing.FakeVaylixServer;
import dev.vaylix.client.testing.FakeVaylixServer.Action;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The command line against the in-process fake server, plus the failures only a fake can provoke. */
class FakeServerCliIT extends CliContract {

    @RegisterExtension
    static final FakeServerExtension FAKE = FakeServerExtension.perClass();

    private FakeVaylixServer server;

    @BeforeEach
    void server() {
        server = FAKE.server();
    }

    @Override
    protected List<String> connectionArgs() {
        return List.of("--port", Integer.toString(server.port()));
    }

    @Test
    void anUnreachableServerExitsWith3() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Run run = runRaw("", "--port", Integer.toString(port), "ping");
        assertEquals(3, run.exitCode());
        assertTrue(run.stderr().startsWith("[CLI-003] Filesystem I/O Failure: filesystem I/O failed: cannot connect to 127.0.0.1:"
                + port + ": "), run.stderr());
    }

    @Test
    void aRefusedAutomaticAuthExitsWith4BeforeAnyCommand() {
        Run run = run("set " + key("k") + " v\n", "--password", "wrong");
        assertEquals(new Run(4, "", "ERROR [SRV-008] Authentication Failed: client authentication failed\n"), run);
        assertEquals(0, server.store().value(key("k")).map(Bytes::length).orElse(0));
    }

    @Test
    void withAuthDisabledNoAuthIsSentAndTheServerSaysSo() {
        Run run = run("", "--disable-auth", "get", key("k"));
        assertEquals(new Run(1, "", "ERROR [SRV-007] Authentication Required: client authentication is required\n"), run);
    }

    @Test
    void usageAndConfigurationErrorsExitWith2() {
        Run badFlag = runRaw("", "--port", "nope");
        assertEquals(2, badFlag.exitCode());
        assertTrue(badFlag.stderr().contains("not a port number"), badFlag.stderr());
        assertEquals(new Run(2, "", "[CLI-008] Invalid Client Configuration: tls_ca_cert requires --ssl\n"),
                runRaw("", "--tls-ca-cert", "/ca.pem", "ping"));
        Run badTlsFile = runRaw("", "--ssl", "--tls-ca-cert", "/does/not/exist.pem", "ping");
        assertEquals(2, badTlsFile.exitCode());
        assertTrue(badTlsFile.stderr().startsWith("[CLI-008] Invalid Client Configuration: cannot read TLS file"),
                badTlsFile.stderr());
    }

    @Test
    void aConnectionLostAfterAWriteExitsWith3AndSaysTheOutcomeIsUnknown() {
        server.intercept(command -> command instanceof Command.Set ? new Action.Drop() : null);
        Run run = run("get " + key("k") + "\nset " + key("k") + " v\nget " + key("k") + "\n");
        assertEquals(3, run.exitCode());
        assertEquals("NOT_FOUND\n", run.stdout(), "nothing runs after the failure");
        assertTrue(run.stderr().startsWith("[TRN-013] Transport I/O Failure: transport failure: "), run.stderr());
        assertTrue(run.stderr().endsWith(CommandRunner.UNKNOWN_OUTCOME_NOTE + "\n"), run.stderr());
    }

    @Test
    void note10AReplyThatCannotBePrintedIsAnErrorLineAndTheScriptGoesOn() {
        server.intercept(command -> command instanceof Command.ListAll
                ? new Action.Answer(new Reply.Entries(List.of(new Reply.Entry("bin", Bytes.of((byte) 0xFF))))) : null);
        Run run = run("list\nping\n");
        assertEquals(1, run.exitCode());
        assertEquals("PONG\n", run.stdout());
        assertEquals("[TRN-012] Invalid UTF-8 Payload: invalid utf-8 in payload (the value of entry 'bin' is not UTF-8)\n",
                run.stderr());
    }

    @Test
    void binaryValuesPrintAsHex() {
        server.store().apply(Command.Set.of(Key.of(key("bin")), Bytes.of((byte) 0xFF, (byte) 0xAD)));
        assertEquals(new Run(0, "0xffad\n", ""), run("", "get", key("bin")));
    }

    @Test
    void anUnknownAcknowledgementPrintsTheErrorAndANote() {
        server.intercept(command -> command instanceof Command.Set
                ? new Action.Answer(Reply.Error.of(dev.vaylix.api.ErrorCode.SRV_035, 3L, "majority")) : null);
        Run run = run("", "set", key("k"), "v");
        assertEquals(1, run.exitCode());
        assertEquals("ERROR [SRV-035] Replication Acknowledgement Timeout: replication write acknowledgement timed out"
                + " for sequence 3 in mode majority\n" + CommandRunner.UNKNOWN_OUTCOME_NOTE + "\n", run.stderr());
    }
}

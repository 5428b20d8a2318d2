package dev.vaylix.server.healthcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.config.Invocation;
import dev.vaylix.server.config.ServerCommandLine;
import dev.vaylix.transport.net.SocketListener;
import dev.vaylix.transport.net.SocketTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The probe against a VTP2 server on a real socket. */
class HealthcheckProbeIT {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private static final Function<Command, Reply> HEALTHY = command -> switch (command) {
        case Command.Ping ping -> Reply.Data.utf8("PONG");
        case Command.Auth auth -> auth.password().equals("s3cret") ? Reply.OK : Reply.Error.of(ErrorCode.SRV_008);
        case Command.Health health -> entries("ready", "true");
        default -> Reply.Error.of(ErrorCode.SRV_016);
    };

    private static Reply entries(String... keyValues) {
        List<Reply.Entry> out = new ArrayList<>();
        out.add(Reply.Entry.text("status", keyValues[1].equals("true") ? "ready" : "degraded"));
        for (int i = 0; i < keyValues.length; i += 2) {
            out.add(Reply.Entry.text(keyValues[i], keyValues[i + 1]));
        }
        out.add(Reply.Entry.text("role", "standalone"));
        return new Reply.Entries(out);
    }

    private int probe(Map<String, String> env, String... args) {
        Invocation.Healthcheck invocation = (Invocation.Healthcheck) ServerCommandLine.parse(List.of(args), env);
        return HealthcheckProbe.run(invocation, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void liveness_is_a_ping_answered_ok_and_success_prints_nothing() {
        try (FakeServer server = new FakeServer(HEALTHY)) {
            assertEquals(0, probe(Map.of(), "healthcheck", "--port", Integer.toString(server.port())), err());
            assertEquals("", err());
            assertEquals("", stdout.toString(StandardCharsets.UTF_8));
            assertEquals(List.of("vaylix-healthcheck"), List.copyOf(server.clientNames));
            assertEquals(List.of(new Command.Ping(java.util.Optional.empty())), List.copyOf(server.commands));
        }
    }

    @Test
    void liveness_fails_when_ping_is_refused() {
        try (FakeServer server = new FakeServer(command -> Reply.Error.of(ErrorCode.SRV_007))) {
            assertEquals(1, probe(Map.of("VAYLIX_HEALTHCHECK_PORT", Integer.toString(server.port())), "healthcheck"));
            assertEquals("[SRV-039] Healthcheck Failed: PING was answered with [SRV-007] Authentication Required: client"
                    + " authentication is required\n", err());
        }
    }

    @Test
    void readiness_authenticates_then_asks_health_for_ready_true() {
        try (FakeServer server = new FakeServer(HEALTHY)) {
            assertEquals(0, probe(Map.of(), "healthcheck", "--kind", "readiness", "--port", Integer.toString(server.port()),
                    "--user", "ops", "--password", "s3cret"), err());
            assertEquals(List.of(new Command.Auth("ops", "s3cret"), new Command.Health()), List.copyOf(server.commands));
        }
    }

    @Test
    void readiness_without_credentials_sends_no_auth() {
        try (FakeServer server = new FakeServer(HEALTHY)) {
            assertEquals(0, probe(Map.of("VAYLIX_HEALTHCHECK_KIND", "readiness"), "healthcheck", "--port",
                    Integer.toString(server.port())), err());
            assertEquals(List.of(new Command.Health()), List.copyOf(server.commands));
        }
    }

    @Test
    void a_degraded_node_is_not_ready_and_the_reason_is_shown() {
        Function<Command, Reply> degraded = command -> entries("ready", "false", "reason", "awaiting_leader");
        try (FakeServer server = new FakeServer(degraded)) {
            assertEquals(1, probe(Map.of(), "healthcheck", "--kind", "readiness", "--port", Integer.toString(server.port())));
            assertEquals("[SRV-039] Healthcheck Failed: not ready: status=degraded, ready=false, reason=awaiting_leader,"
                    + " role=standalone\n", err());
        }
    }

    @Test
    void a_refused_auth_fails_readiness_without_revealing_the_password() {
        try (FakeServer server = new FakeServer(HEALTHY)) {
            assertEquals(1, probe(Map.of("VAYLIX_USER", "ops", "VAYLIX_PASSWORD", "wrong-pass"), "healthcheck", "--kind",
                    "readiness", "--port", Integer.toString(server.port())));
            assertEquals("[SRV-039] Healthcheck Failed: AUTH as ops was answered with [SRV-008] Authentication Failed: client"
                    + " authentication failed\n", err());
            assertFalse(err().contains("wrong-pass"));
            assertEquals(1, server.commands.size(), "no HEALTH after a failed AUTH");
        }
    }

    @Test
    void nothing_listening_is_reported_as_a_connect_failure() {
        int port;
        try (SocketListener closed = SocketTransport.listen(new InetSocketAddress("127.0.0.1", 0), 1)) {
            port = closed.port();
        }
        assertEquals(1, probe(Map.of(), "healthcheck", "--port", Integer.toString(port)));
        assertTrue(err().startsWith("[SRV-039] Healthcheck Failed: cannot connect to 127.0.0.1:" + port + ": [TRN-013] "), err());
    }

    @Test
    void a_server_that_never_answers_is_given_up_on_within_the_timeout() {
        try (FakeServer server = new FakeServer(HEALTHY, false)) {
            long start = System.nanoTime();
            assertEquals(1, probe(Map.of(), "healthcheck", "--port", Integer.toString(server.port()), "--timeout-ms", "300"));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("[SRV-039] Healthcheck Failed: no answer from 127.0.0.1:" + server.port() + " within 300 ms\n", err());
            assertTrue(elapsedMs < 3_000, "took " + elapsedMs + " ms");
        }
    }

    @Test
    void exactly_one_of_user_and_password_is_an_argument_error() {
        VaylixException e = assertThrows(VaylixException.class,
                () -> ServerCommandLine.parse(List.of("healthcheck", "--user", "ops"), Map.of()));
        assertEquals(ErrorCode.SRV_030, e.code());
        assertEquals("invalid command-line arguments: healthcheck authentication requires both username and password", e.getMessage());
    }
}

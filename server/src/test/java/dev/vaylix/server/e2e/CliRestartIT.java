package dev.vaylix.server.e2e;

import static dev.vaylix.server.e2e.ClientProcess.address;
import static dev.vaylix.server.e2e.ClientProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.server.e2e.ClientProcess.Result;
import dev.vaylix.server.testing.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a new user does (README): write with {@code vaylix-client}, stop the server with SIGTERM, start it again on
 * the same data directory, read back with {@code vaylix-client}. Values, versions, TTLs, the effects of a
 * transaction and a created user all survive.
 */
class CliRestartIT {

    @Test
    void dataWrittenThroughTheCliSurvivesAGracefulRestart() {
        Path dataDir = ServerProcess.freshDirectory("cli-restart").resolve("data");
        Script writes = new Script()
                .prints("set r:greeting \"hello world\"", "OK")
                .prints("set r:greeting \"hello again\"", "OK")
                .prints("incr r:counter", "1")
                .prints("set r:expiring soon ex 3600", "OK")
                .prints("multi", "OK")
                .prints("mset r:a 1 r:b 2", "QUEUED")
                .prints("del r:b", "QUEUED")
                .prints("exec", "OK", "1")
                .prints("create user restart-user password Restart-pass-1", "OK");
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertEquals(writes.expected(0), script(address(server), writes.input()));
            assertEquals(0, server.stop(), "SIGTERM is a clean shutdown\n" + server.log());
        }
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            Script reads = new Script()
                    .prints("get r:greeting", "hello again")
                    .prints("mget r:a r:b r:counter", "1, (nil), 1")
                    .prints("set r:greeting third if version 2", "true")
                    .prints("incr r:counter", "2")
                    .prints("persist r:expiring", "true")
                    .prints("dbsize", "4");
            assertEquals(reads.expected(0), script(address(server), reads.input()));
            List<String> userFlags = new ArrayList<>(address(server));
            userFlags.addAll(List.of("--user", "restart-user", "--password", "Restart-pass-1"));
            assertEquals(new Result(1, "", "ERROR [SRV-017] Permission Denied: permission denied\n"),
                    script(userFlags, "get r:greeting\n"), "the user survived: its AUTH passes (else status 4), it has no roles");
            assertEquals(0, server.stop(), server.log());
            assertTrue(server.log().contains("event=final_snapshot"), server.log());
        }
    }
}

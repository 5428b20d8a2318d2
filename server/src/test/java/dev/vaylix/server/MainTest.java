package dev.vaylix.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit statuses and messages of the command line, for everything that does not start a server. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--hello-timeout-seconds"));
        out.reset();
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("vaylix "));
    }

    @Test
    void argumentErrorsExitTwoWithTheUsage() {
        assertEquals(2, run("--port", "70000"));
        assertTrue(stderr().startsWith("[SRV-030] Invalid Arguments: invalid command-line arguments: "), stderr());
        assertTrue(stderr().contains("Usage: vaylix"), stderr());
    }

    @Test
    void tlsFilesWithoutSslExitOne() {
        assertEquals(1, run("--tls-cert", "x.pem"));
        assertEquals("[SRV-010] TLS Configuration Invalid: TLS configuration is invalid", stderr().strip());
    }

    @Test
    void anOfflineSubcommandOnAMissingDirectoryExitsOneWithTheStorageCode() {
        assertEquals(1, run("storage", "verify", "--data-dir", "/nonexistent"));
        assertEquals("[ENG-002] Filesystem I/O Failure: filesystem I/O failed: data directory /nonexistent does not exist",
                stderr().strip());
    }
}

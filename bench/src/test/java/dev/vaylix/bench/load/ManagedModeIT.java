package dev.vaylix.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managed mode with a real child process: a script that runs the client module's fake server
 * ({@code FakeServerMain}) stands in for {@code bin/vaylix}.
 */
class ManagedModeIT {

    @TempDir
    Path directory;

    private Path fakeServerBinary() throws Exception {
        Path script = directory.resolve("fake-vaylix");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/usr/bin/env bash\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.vaylix.client.testing.FakeServerMain \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run generate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoadGenerator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theGeneratorStartsTheServerRunsAgainstItAndStopsIt() throws Exception {
        Path report = directory.resolve("managed.json");
        Run run = generate("--managed", fakeServerBinary().toString(), "--server-arg=--wal-sync=sync", "--keep-data",
                "--workload", "set", "--connections", "2", "--warmup-seconds", "0", "--duration-seconds", "1",
                "--keyspace", "100", "--report", report.toString());
        assertEquals(0, run.exitCode(), run.stderr() + run.stdout());
        String kept = run.stdout().lines().filter(line -> line.startsWith("managed server on")).findFirst().orElseThrow();
        Path serverDirectory = Path.of(kept.substring(kept.indexOf(", kept in ") + ", kept in ".length()));
        try {
            String pid = Files.readString(serverDirectory.resolve("data").resolve("fake-server.pid")).strip();
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "the server process was stopped");
            assertTrue(Files.readString(serverDirectory.resolve("server.log")).contains("listening on"));
            String json = Files.readString(report);
            assertTrue(json.contains("\"--wal-sync=sync\""), json);
            assertTrue(json.contains("\"--requests-per-second\""), json);
        } finally {
            try (Stream<Path> files = Files.walk(serverDirectory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void aServerThatDiesAtStartupIsReportedWithItsLog() throws Exception {
        Path broken = directory.resolve("broken-vaylix");
        Files.writeString(broken, "#!/usr/bin/env bash\necho 'failed to bind TCP listener: nope' >&2\nexit 7\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        List<Path> before = managedDirectories();
        Run run = generate("--managed", broken.toString(), "--duration-seconds", "1", "--report",
                directory.resolve("never.json").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.stderr().contains("exited with status 7"), run.stderr());
        assertTrue(run.stderr().contains("failed to bind TCP listener: nope"), run.stderr());
        assertFalse(Files.exists(directory.resolve("never.json")));
        assertEquals(before, managedDirectories(), "the temporary directory was removed");
    }

    private static List<Path> managedDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("vaylix-bench-")).sorted().toList();
        }
    }
}

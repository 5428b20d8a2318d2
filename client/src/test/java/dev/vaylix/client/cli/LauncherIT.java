package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.client.testing.FakeServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bin/vaylix-client as a real process (after `package`), against the fake server. */
class LauncherIT {

    @RegisterExtension
    static final FakeServerExtension FAKE = FakeServerExtension.perClass();

    private static Path launcher;

    @BeforeAll
    static void findLauncher() {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        launcher = moduleDirectory.toAbsolutePath().getParent().resolve("bin").resolve("vaylix-client");
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result launch(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the client ended");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String port() {
        return Integer.toString(FAKE.server().port());
    }

    @Test
    void oneCommandRunsAndExits() throws Exception {
        assertEquals(new Result(0, "OK\n", ""), launch("", "--port", port(), "set", "launched", "yes please"));
        assertEquals(new Result(0, "yes please\n", ""), launch("", "--url", "vaylix://vaylix:vaylix@127.0.0.1:" + port(),
                "get", "launched"));
    }

    @Test
    void aPipedScriptIsRunLineByLine() throws Exception {
        Result result = launch("set piped 1\nincr piped\nget piped\n", "--port", port());
        assertEquals(new Result(0, "OK\n2\n2\n", ""), result);
    }

    @Test
    void failuresSetTheExitStatus() throws Exception {
        assertEquals(1, launch("", "--port", port(), "frob").exitCode());
        assertEquals(2, launch("", "--output", "yaml").exitCode());
        assertEquals(4, launch("", "--port", port(), "--password", "nope", "ping").exitCode());
    }
}

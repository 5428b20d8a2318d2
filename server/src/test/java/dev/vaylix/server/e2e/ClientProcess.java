package dev.vaylix.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.server.testing.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/vaylix-client} as a real process: the launcher at the repository root, which runs the packaged
 * client ({@code client/target}, built earlier in the same reactor). Standard input is a pipe, so without a
 * command on the command line the client runs its script mode.
 */
final class ClientProcess {

    /** A run longer than this is a hung client: the test fails instead of waiting for ever. */
    private static final long RUN_TIMEOUT_SECONDS = 60;

    private ClientProcess() {
    }

    /**
     * What one run printed and returned.
     *
     * @param exitCode the process's exit status
     * @param stdout   everything on standard output, UTF-8
     * @param stderr   everything on standard error, UTF-8
     */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** The launcher, {@code <repository>/bin/vaylix-client}; fails the test if it is missing. */
    static Path launcher() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path launcher = module.getParent().resolve("bin").resolve("vaylix-client");
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
        return launcher;
    }

    /** {@code --host <host> --port <port>} of {@code server}. */
    static List<String> address(ServerProcess server) {
        return List.of("--host", server.host(), "--port", Integer.toString(server.port()));
    }

    /** One command given as arguments (one-command mode); standard input is empty. */
    static Result command(List<String> flags, String... commandWords) {
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of(commandWords));
        return run("", args);
    }

    /** A script on standard input (script mode). */
    static Result script(List<String> flags, String script) {
        return run(script, flags);
    }

    /** Runs the launcher with {@code args}, feeding {@code stdin}, and waits (bounded) for it to end. */
    static Result run(String stdin, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Both outputs are drained while the client runs, so a chatty client cannot block on a full pipe.
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try (OutputStream input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client may end before reading all of its input (a refused AUTH): what it printed still counts.
        }
        try {
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("vaylix-client did not end within " + RUN_TIMEOUT_SECONDS + " s: " + args);
            }
            return new Result(process.exitValue(), stdout.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    stderr.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("cannot read the output of vaylix-client", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }

    /** {@code lines} joined by LF, each followed by LF: what the client prints for one rendered line each. */
    static String lines(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}

package dev.vaylix.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One run of the {@code vaylix} binary as a process that ends by itself: a subcommand
 * ({@code storage}, {@code pitr}, {@code healthcheck}) or a server start that must fail.
 *
 * @param exitStatus its exit status
 * @param stdout     everything it printed on stdout
 * @param stderr     everything it printed on stderr (the log of a server start goes there too)
 */
public record Tool(int exitStatus, String stdout, String stderr) {

    private static final long TIMEOUT_SECONDS = 90;

    /**
     * Runs {@code vaylix <args>} in a clean environment (no inherited {@code VAYLIX_*}) plus
     * {@code environment}; waits at most 90 s.
     */
    public static Tool run(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.add("dev.vaylix.server.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("VAYLIX_"));
        builder.environment().putAll(environment);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), readers);
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), readers);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("vaylix " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Tool(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Tool run(String... args) {
        return run(Map.of(), args);
    }

    /** The report's {@code key=value} lines as a map. */
    public Map<String, String> report() {
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                map.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return map;
    }

    @Override
    public String toString() {
        return "exit " + exitStatus + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}

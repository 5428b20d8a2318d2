package dev.vaylix.bench.load;

import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.VaylixClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A server process the generator starts and stops itself ({@code --managed}): a fresh temporary data directory,
 * a free loopback port, limits that do not throttle a benchmark, and the caller's own server flags on top.
 *
 * <p>Flags the generator adds unless the caller's {@code --server-arg}s set them: {@code --bind 127.0.0.1},
 * {@code --port <free>}, {@code --data-dir <temp>/data}, {@code --requests-per-second 1000000000},
 * {@code --request-burst 1000000000} (the default 200 requests/s per connection would measure the rate limiter),
 * and {@code --max-connections} of at least the run's connections. The server's output goes to
 * {@code <temp>/server.log}; the directory is deleted afterwards unless kept.
 */
final class ManagedServer implements AutoCloseable {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int STOP_WAIT_SECONDS = 60;
    private static final int LOG_TAIL_LINES = 20;

    private final Process process;
    private final Path directory;
    private final int port;
    private final List<String> commandLine;
    private final boolean keepData;

    private ManagedServer(Process process, Path directory, int port, List<String> commandLine, boolean keepData) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.commandLine = commandLine;
        this.keepData = keepData;
    }

    /**
     * Starts {@code binary} and waits until it answers PING over the client library (hello, AUTH, PING).
     *
     * @param probe      how to reach it; host and port are replaced by the managed ones
     * @param serverArgs extra server flags, each one element ({@code --wal-sync=sync} or {@code --wal-sync}, {@code sync})
     * @throws IllegalStateException if the process ends or does not answer within {@code startupTimeoutSeconds};
     *     the message has the end of its log
     */
    static ManagedServer start(Path binary, List<String> serverArgs, int connections, ClientConfig probe,
                               int startupTimeoutSeconds, boolean keepData) throws IOException {
        Path directory = Files.createTempDirectory("vaylix-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        addUnlessGiven(command, serverArgs, "--bind", "127.0.0.1");
        addUnlessGiven(command, serverArgs, "--port", Integer.toString(port));
        addUnlessGiven(command, serverArgs, "--data-dir", directory.resolve("data").toString());
        addUnlessGiven(command, serverArgs, "--requests-per-second", "1000000000");
        addUnlessGiven(command, serverArgs, "--request-burst", "1000000000");
        addUnlessGiven(command, serverArgs, "--max-connections", Integer.toString(Math.max(256, connections + 16)));
        command.addAll(serverArgs);
        int actualPort = given(serverArgs, "--port") != null ? Integer.parseInt(given(serverArgs, "--port")) : port;
        Path log = directory.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ManagedServer server = new ManagedServer(process, directory, actualPort, List.copyOf(command), keepData);
        try {
            server.awaitReady(probe.toBuilder().host("127.0.0.1").port(actualPort).build(), startupTimeoutSeconds);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** The command line the server was started with. */
    List<String> commandLine() {
        return commandLine;
    }

    Path directory() {
        return directory;
    }

    private void awaitReady(ClientConfig probe, int timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) { // bounded by the deadline
            if (!process.isAlive()) {
                throw new IllegalStateException("the managed server exited with status " + process.exitValue()
                        + " before accepting connections; its log ends with:\n" + logTail());
            }
            try (VaylixClient client = VaylixClient.connect(probe)) {
                client.ping();
                return;
            } catch (RuntimeException e) {
                last = e; // not listening yet
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IllegalStateException("the managed server did not answer within " + timeoutSeconds + " s (last error: "
                + (last == null ? "none" : last.getMessage()) + "); its log ends with:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("server.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server with SIGTERM (a graceful shutdown), SIGKILL after a minute; deletes its directory unless kept. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (!keepData) {
            deleteRecursively(directory);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    /** The value the caller gave for {@code flag} ({@code --flag=v} or {@code --flag v}), or null. */
    static String given(List<String> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(flag)) {
                return i + 1 < args.size() ? args.get(i + 1) : "";
            }
            if (arg.startsWith(flag + "=")) {
                return arg.substring(flag.length() + 1);
            }
        }
        return null;
    }

    private static void addUnlessGiven(List<String> command, List<String> serverArgs, String flag, String value) {
        if (given(serverArgs, flag) == null) {
            command.add(flag);
            command.add(value);
        }
    }

    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the managed server's directory " + root, e);
        }
    }
}

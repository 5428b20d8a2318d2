package dev.vaylix.server.testing;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.node.SystemClock;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.session.ClientOptions;
import dev.vaylix.transport.session.ClientSession;
import dev.vaylix.transport.session.RequestIds;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code vaylix} server process for integration tests: the packaged jar and its runtime
 * libraries ({@code target/vaylix-server.jar}, {@code target/lib}), started with {@code java} on an
 * ephemeral port of 127.0.0.1, found through the line it prints once it listens. Its stderr (the log)
 * goes to a file next to the data directory; stdout is read line by line.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on ([0-9.]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final ConcurrentLinkedQueue<String> stdout = new ConcurrentLinkedQueue<>();
    private final String host;
    private final int port;

    private ServerProcess(Process process, Path dataDir, Path log, String host, int port, List<String> earlyStdout) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.host = host;
        this.port = port;
        this.stdout.addAll(earlyStdout);
    }

    /** Where the integration tests keep their files ({@code target/it}). */
    public static Path workDirectory() {
        Path dir = Path.of(System.getProperty("vaylix.it.dir", "target/it"));
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh directory under {@link #workDirectory()}. */
    public static Path freshDirectory(String name) {
        try {
            return Files.createTempDirectory(workDirectory(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server on {@code dataDir} with {@code --port 0} and {@code args}; waits until it listens. */
    public static ServerProcess start(Path dataDir, String... args) {
        return start(dataDir, Map.of(), args);
    }

    /**
     * @param environment variables added to a clean environment (no inherited {@code VAYLIX_*})
     * @throws AssertionError if the server exits or does not listen within 90 s (its log is included)
     */
    public static ServerProcess start(Path dataDir, Map<String, String> environment, String... args) {
        Path log = logFile(dataDir);
        Process process = launch(dataDir, environment, log, args);
        CompletableFuture<Matcher> listening = new CompletableFuture<>();
        List<String> early = new ArrayList<>();
        ServerProcess[] started = new ServerProcess[1];
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (early) {
                        if (started[0] != null) {
                            started[0].stdout.add(line);
                        } else {
                            early.add(line);
                        }
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(matcher);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("stdout closed before the server listened"));
        });
        try {
            Matcher matcher = listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (early) {
                ServerProcess server = new ServerProcess(process, dataDir, log, matcher.group(1), Integer.parseInt(matcher.group(2)), early);
                started[0] = server;
                return server;
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start: " + e + "\n--- stdout ---\n" + String.join("\n", early)
                    + "\n--- log ---\n" + read(log), e);
        }
    }

    /**
     * Starts a server and returns its process without waiting (for start-up failure tests).
     *
     * @param log where its stderr goes
     */
    public static Process launch(Path dataDir, Map<String, String> environment, Path log, String... args) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add("dev.vaylix.server.Main");
        command.add("--port");
        command.add("0");
        command.add("--data-dir");
        command.add(dataDir.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VAYLIX_"));
        env.putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java <flags> -cp <jar>:<lib>/*}: what {@code bin/vaylix} runs. */
    public static List<String> javaCommand() {
        String jar = System.getProperty("vaylix.server.jar", "target/vaylix-server.jar");
        String lib = System.getProperty("vaylix.server.lib", "target/lib");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dmsgpack.universal-buffer=true",
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // -Dvaylix.it.jvmArgs="-XX:StartFlightRecording=…" adds flags to every server process (profiling a test).
        String extra = System.getProperty("vaylix.it.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", jar + File.pathSeparator + lib + "/*"));
        return command;
    }

    /** A new log file name next to {@code dataDir}. */
    public static Path logFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-server-" + COUNTER.incrementAndGet() + ".log");
    }

    public int port() {
        return port;
    }

    /** The {@code --data-dir} it was started with. */
    public Path dataDir() {
        return dataDir;
    }

    public String host() {
        return host;
    }

    public Process process() {
        return process;
    }

    /** The lines printed on stdout so far. */
    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    /** The log (stderr) so far. */
    public String log() {
        return read(log);
    }

    /** A plain TCP connection that completed the hello. */
    public ClientSession connect() {
        return connect(ClientOptions.defaults("vaylix-it", "0").withCompressionThresholdBytes(0));
    }

    public ClientSession connect(ClientOptions options) {
        return open(SocketTransport.tcp(host, port, 5_000).connect(), options);
    }

    /** A session over a connection the test made (TLS, say). */
    public static ClientSession open(Connection connection, ClientOptions options) {
        connection.readTimeoutMs(60_000); // a test that waits longer than this is stuck: fail it
        return ClientSession.open(connection, options, RequestIds.uuidV7(SystemClock.INSTANCE));
    }

    /** A session that authenticated as {@code user}; fails the test if AUTH does not answer OK. */
    public ClientSession connect(String user, String password) {
        ClientSession session = connect();
        Reply reply = session.execute(new Command.Auth(user, password));
        if (!(reply instanceof Reply.Ok)) {
            session.close();
            throw new AssertionError("AUTH " + user + " answered " + reply);
        }
        return session;
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    public int stop() {
        process.destroy();
        return waitFor();
    }

    /** Sends SIGHUP (the TLS certificate reload); returns at once. */
    public void hangUp() {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -HUP " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL, then waits for the exit. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Waits (at most 90 s) for the process to exit; returns its status. */
    public int waitFor() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit\n--- log ---\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(unreadable log: " + e + ")";
        }
    }

    /** Environment maps built up fluently. */
    public static Map<String, String> env(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}

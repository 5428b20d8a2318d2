package dev.vaylix.spec.tlc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a TLC run reported, parsed from its standard output (TLC 2.18 wording, not {@code -tool}
 * mode: the same text a person reads).
 *
 * @param outcome         how the run ended
 * @param statesGenerated states generated (0 if TLC did not get that far)
 * @param distinctStates  distinct states found
 * @param depth           depth of the state graph search (BFS) or -1 if not reported
 * @param elapsed         wall-clock time of the forked process
 * @param exitCode        exit status of the forked process
 * @param coverage        distinct states found per action, when run with {@code -coverage}
 * @param trace           the error trace TLC printed (empty if none)
 * @param output          the full output, for diagnostics
 */
public record TlcResult(TlcOutcome outcome, long statesGenerated, long distinctStates, int depth,
                        Duration elapsed, int exitCode, Map<String, Long> coverage, String trace,
                        String output) {

    private static final Pattern INVARIANT =
            Pattern.compile("^Error: Invariant (\\w+) is violated");
    private static final Pattern STATS = Pattern.compile(
            "^([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue\\.");
    private static final Pattern SIMULATION_STATS =
            Pattern.compile("^(?:The number of states generated: |Progress: )([\\d,]+)(?: states checked\\.)?");
    private static final Pattern DEPTH =
            Pattern.compile("^The depth of the complete state graph search is (\\d+)\\.");
    private static final Pattern COVERAGE =
            Pattern.compile("^<(\\w+)[^>]*>: (\\d+):(\\d+)$");
    private static final String TRACE_START = "Error: The behavior up to this point is:";

    public TlcResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        coverage = Map.copyOf(coverage);
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(output, "output");
    }

    /** Parses TLC's output. Never throws: anything unrecognised becomes {@link TlcOutcome.Failed}. */
    public static TlcResult parse(String output, int exitCode, Duration elapsed) {
        String invariant = null;
        boolean deadlock = false;
        boolean passed = false;
        String firstError = null;
        long generated = 0;
        long distinct = 0;
        int depth = -1;
        Map<String, Long> coverage = new LinkedHashMap<>();
        List<String> trace = new ArrayList<>();
        boolean inTrace = false;

        for (String line : output.split("\\R")) {
            if (inTrace) {
                if (STATS.matcher(line).find() || line.startsWith("Finished in") || line.startsWith("Progress(")
                        || SIMULATION_STATS.matcher(line).find()) {
                    inTrace = false;
                } else {
                    trace.add(line);
                    continue;
                }
            }
            Matcher m;
            if ((m = INVARIANT.matcher(line)).find()) {
                invariant = m.group(1);
            } else if (line.startsWith("Error: Deadlock reached")) {
                deadlock = true;
            } else if (line.startsWith(TRACE_START)) {
                inTrace = true;
            } else if (line.startsWith("Model checking completed. No error has been found.")) {
                passed = true;
            } else if ((m = STATS.matcher(line)).find()) {
                generated = number(m.group(1));
                distinct = number(m.group(2));
            } else if ((m = SIMULATION_STATS.matcher(line)).find()) {
                generated = number(m.group(1));
            } else if ((m = DEPTH.matcher(line)).find()) {
                depth = Integer.parseInt(m.group(1));
            } else if ((m = COVERAGE.matcher(line)).find()) {
                coverage.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            } else if (firstError == null && (line.startsWith("Error:") || line.contains("***Parse Error***")
                    || line.startsWith("Semantic errors:") || line.contains("Exception"))) {
                firstError = line.strip();
            }
        }

        TlcOutcome outcome;
        if (invariant != null) {
            outcome = new TlcOutcome.InvariantViolated(invariant);
        } else if (deadlock) {
            outcome = new TlcOutcome.Deadlocked();
        } else if (firstError != null) {
            outcome = new TlcOutcome.Failed(firstError);
        } else if (exitCode == 0 && (passed || output.contains("Finished in"))) {
            // Simulation mode prints no "Model checking completed" line; a clean exit with the
            // final "Finished in" line and no error means it ran all its traces.
            outcome = new TlcOutcome.Passed();
        } else {
            outcome = new TlcOutcome.Failed("TLC exited with status " + exitCode + " without a verdict");
        }
        return new TlcResult(outcome, generated, distinct, depth, elapsed, exitCode, coverage,
                String.join("\n", trace).strip(), output);
    }

    /** One line for logs and reports: outcome, state counts, depth, time. */
    public String summary() {
        String verdict = switch (outcome) {
            case TlcOutcome.Passed p -> "passed";
            case TlcOutcome.InvariantViolated v -> "violates " + v.invariant();
            case TlcOutcome.Deadlocked d -> "deadlock";
            case TlcOutcome.Failed f -> "failed: " + f.reason();
        };
        return String.format("%s; %,d distinct states, %,d generated, depth %d, %.1f s",
                verdict, distinctStates, statesGenerated, depth, elapsed.toMillis() / 1000.0);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}

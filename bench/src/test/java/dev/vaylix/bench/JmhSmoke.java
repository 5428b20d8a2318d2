package dev.vaylix.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a benchmark class through JMH's own {@link Runner} the way {@code run-benchmarks.sh --smoke}
 * does, only shorter: in this JVM ({@code -f 0}), no warm-up, one 50 ms iteration. The figures mean
 * nothing; what counts is that every benchmark method sets up, runs and tears down without an error
 * and reports a positive score, so benchmark code cannot rot unnoticed between measurements.
 */
public final class JmhSmoke {

    private static final TimeValue ITERATION = TimeValue.milliseconds(50);

    private JmhSmoke() {
    }

    /**
     * Runs every {@link Benchmark} method of {@code benchmark} with {@code params} (each name to the
     * values to run; parameters not named keep their annotated values) and returns the results, after
     * checking that each method ran for each parameter combination and scored above zero.
     */
    public static List<RunResult> run(Class<?> benchmark, Map<String, List<String>> params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(ITERATION)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        Collection<RunResult> results = new Runner(options.build()).run();
        TreeSet<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            ran.add(method.substring(method.lastIndexOf('.') + 1));
            assertTrue(result.getPrimaryResult().getScore() > 0, () -> method + " scored nothing: " + result.getPrimaryResult());
        }
        assertEquals(benchmarkMethods(benchmark), ran, "benchmark methods that ran");
        return new ArrayList<>(results);
    }

    /** A secondary result (an {@code @AuxCounters} field) of {@code result}, as a rate. */
    public static double secondary(RunResult result, String name) {
        Result<?> value = result.getSecondaryResults().get(name);
        if (value == null) {
            throw new AssertionError("no secondary result " + name + " in " + result.getSecondaryResults().keySet());
        }
        return value.getScore();
    }

    private static TreeSet<String> benchmarkMethods(Class<?> benchmark) {
        TreeSet<String> names = new TreeSet<>();
        for (var method : benchmark.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                names.add(method.getName());
            }
        }
        return names;
    }
}

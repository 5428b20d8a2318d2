package dev.vaylix.bench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.bench.JmhSmoke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

/** The storage benchmarks run through JMH and their counters convert batches into entries, bytes and fsyncs. */
class StorageBenchmarksTest {

    private static final double RELATIVE_TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    @Test
    void the_log_append_benchmark_counts_entries_bytes_and_the_fsyncs_it_really_makes() throws Exception {
        List<RunResult> results = new ArrayList<>(JmhSmoke.run(LogAppendBenchmark.class, Map.of(
                "backend", List.of("CHANNEL"), "policy", List.of("buffered", "sync"), "batchSize", List.of("8"),
                "dir", List.of(dir.toString()))));
        results.addAll(JmhSmoke.run(LogAppendBenchmark.class, Map.of(
                "backend", List.of("MAPPED"), "policy", List.of("sync"), "batchSize", List.of("8"),
                "dir", List.of(dir.toString()))));
        assertEquals(3, results.size());
        for (RunResult result : results) {
            double batches = result.getPrimaryResult().getScore();
            assertRate(8 * batches, JmhSmoke.secondary(result, "entries"));
            assertRate(8 * 256 * batches, JmhSmoke.secondary(result, "payloadBytes"));
            double fsyncs = JmhSmoke.secondary(result, "fsyncs");
            if (result.getParams().getParam("policy").equals("sync")) {
                assertTrue(fsyncs >= batches, () -> "sync made fewer fsyncs than appends: " + fsyncs + " < " + batches);
            } else {
                assertEquals(0, fsyncs, "fsyncs of a buffered log within one segment");
            }
        }
    }

    @Test
    void the_raw_benchmark_makes_one_fsync_per_batch() throws Exception {
        List<RunResult> results = JmhSmoke.run(RawWriteForceBenchmark.class, Map.of(
                "batchSize", List.of("8"),
                "dir", List.of(dir.toString())));
        RunResult result = results.getFirst();
        double batches = result.getPrimaryResult().getScore();
        assertRate(batches, JmhSmoke.secondary(result, "fsyncs"));
        assertRate(8 * batches, JmhSmoke.secondary(result, "entries"));
    }

    private static void assertRate(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * RELATIVE_TOLERANCE);
    }
}

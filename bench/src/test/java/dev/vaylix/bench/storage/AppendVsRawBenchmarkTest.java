package dev.vaylix.bench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.bench.JmhSmoke;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/** The interleaved benchmark's counters are the pairs JMH ran, each with one append and one raw write of the same bytes. */
class AppendVsRawBenchmarkTest {

    private static final int BATCH_SIZE = 8;
    private static final int PAYLOAD_BYTES = 256;

    @TempDir
    Path dir;

    @Test
    void each_operation_pairs_a_sync_append_with_a_raw_write_of_the_same_bytes_for_both_backends() throws Exception {
        List<RunResult> results = JmhSmoke.run(AppendVsRawBenchmark.class, Map.of(
                "backend", List.of("CHANNEL", "MAPPED"), "batchSize", List.of(String.valueOf(BATCH_SIZE)),
                "dir", List.of(dir.toString())));
        TreeSet<String> backends = new TreeSet<>();
        for (RunResult result : results) {
            backends.add(result.getParams().getParam("backend"));
        }
        assertEquals(new TreeSet<>(List.of("CHANNEL", "MAPPED")), backends, "backends that ran");

        int batchBytes = AppendWorkload.measureBatchBytes(BATCH_SIZE, PAYLOAD_BYTES, dir.toString());
        for (RunResult result : results) {
            String backend = result.getParams().getParam("backend");
            long pairs = count(result, "pairs");
            assertEquals(operationsJmhCounted(result), pairs, backend + ": pairs against the operations JMH counted");
            assertTrue(pairs > 0, backend + ": no pair ran");

            long appendNanos = count(result, "appendNanos");
            long rawNanos = count(result, "rawNanos");
            assertTrue(appendNanos > 0 && rawNanos > 0, () -> backend + ": halves not timed: " + appendNanos + ", " + rawNanos);
            double ratio = (double) rawNanos / appendNanos;
            assertTrue(Double.isFinite(ratio) && ratio > 0, () -> backend + ": append/raw " + ratio);

            assertEquals(pairs * batchBytes, count(result, "rawBytes"), backend + ": raw bytes, " + batchBytes + " per pair expected");
            long appendFirst = count(result, "appendFirst");
            assertTrue(Math.abs(2 * appendFirst - pairs) <= 1,
                    () -> backend + ": the append went first in " + appendFirst + " of " + pairs + " pairs, not every other one");
            long fsyncs = count(result, "appendFsyncs");
            assertTrue(fsyncs >= pairs, () -> backend + ": a sync log made " + fsyncs + " fsyncs in " + pairs + " appends");
        }
    }

    /** An EVENTS counter: JMH sums the iterations' values (one iteration here), so it is a whole number. */
    private static long count(RunResult result, String counter) {
        double value = JmhSmoke.secondary(result, counter);
        assertEquals(Math.rint(value), value, counter + " is a count");
        return (long) value;
    }

    /** Every operation JMH ran in the measurement iterations, from its own per-iteration bookkeeping. */
    private static long operationsJmhCounted(RunResult result) {
        long ops = 0;
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                ops += iteration.getMetadata().getAllOps();
            }
        }
        return ops;
    }
}

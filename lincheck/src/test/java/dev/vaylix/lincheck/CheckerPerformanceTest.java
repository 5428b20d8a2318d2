package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Performance sanity on realistic sizes. The work is asserted as explored states (deterministic, the
 * same on any machine); wall time is only printed, since the build machine is shared.
 */
class CheckerPerformanceTest {

    @Test
    void thousand_operations_on_one_key_with_moderate_concurrency() {
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(
                new Random(1), new RegisterHistories.Shape(1_000, 1, 5, 0.02, 0.02));
        CheckResult result = timed("1,000 ops, 1 key", h);
        assertEquals(Verdict.OK, result.verdict(), result::toString);
        assertTrue(result.statesExplored() <= 20L * h.size(), "explored " + result.statesExplored());
    }

    @Test
    void ten_thousand_operations_over_twenty_keys() {
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(
                new Random(2), new RegisterHistories.Shape(10_000, 20, 5, 0.02, 0.02));
        CheckResult result = timed("10,000 ops, 20 keys", h);
        assertEquals(Verdict.OK, result.verdict(), result::toString);
        assertEquals(20, result.keys().size());
        assertTrue(result.statesExplored() <= 20L * h.size(), "explored " + result.statesExplored());
    }

    @Test
    void thousand_operations_on_one_key_with_a_stale_read_near_the_end() {
        // A violation must be found without exploring the whole history's interleavings again and again.
        Random random = new Random(3);
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(
                random, new RegisterHistories.Shape(1_000, 1, 5, 0.0, 0.02));
        History<RegisterInput, RegisterOutput> mutated = RegisterHistories.withStaleRead(random, h).orElseThrow();
        CheckResult result = timed("1,000 ops, 1 key, stale read", mutated);
        assertEquals(Verdict.ILLEGAL, result.verdict(), result::toString);
        assertTrue(result.statesExplored() <= 200L * h.size(), "explored " + result.statesExplored());
    }

    private static CheckResult timed(String label, History<RegisterInput, RegisterOutput> h) {
        long start = System.nanoTime();
        CheckResult result = Timeline.check(h);
        long micros = (System.nanoTime() - start) / 1_000;
        System.out.printf("lincheck perf: %s: %s, %d states, %d us%n", label, result.verdict(), result.statesExplored(), micros);
        return result;
    }
}

package dev.vaylix.raft.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded whole-cluster simulations (docs/RAFT.md "Simulation"). The default run covers a bounded set
 * of seeds across cluster sizes and fault profiles plus every seed that once failed; properties widen it:
 *
 * <ul>
 *   <li>{@code -Dsim.seeds=N}: run seeds 1..N instead of the default count, print the failing ones;</li>
 *   <li>{@code -Dsim.seed=S}: rerun only seed S (with a full failure report);</li>
 *   <li>{@code -Dsim.trace=DIR}: write each run's protocol trace to {@code DIR/sim-<seed>.jsonl}.</li>
 * </ul>
 */
class RaftSimTest {

    /** Seeds run by default: enough to cover every profile and size many times in well under a minute. */
    static final int DEFAULT_SEEDS = 300;

    /** Seeds that once failed (found by long runs), kept forever as regressions. */
    static final long[] REGRESSION_SEEDS = {};

    static final String RERUN = "./mvnw -o -B -q -pl raft -am test -Dtest=RaftSimTest -Dsurefire.failIfNoSpecifiedTests=false -Dsim.seed=";

    @Test
    void simulatedClustersKeepEveryRaftInvariantAcrossSeeds() {
        String single = property("sim.seed");
        List<Long> seeds = new ArrayList<>();
        if (single != null) {
            seeds.add(Long.parseLong(single));
        } else {
            String count = property("sim.seeds");
            long n = count == null ? DEFAULT_SEEDS : Long.parseLong(count);
            LongStream.rangeClosed(1, n).forEach(seeds::add);
            for (long seed : REGRESSION_SEEDS) {
                if (seed > n) {
                    seeds.add(seed);
                }
            }
        }
        String traceDir = property("sim.trace");
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        long cpuStarted = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long committed = 0;
        long operations = 0;
        java.util.Map<String, Integer> verdicts = new java.util.TreeMap<>();
        for (long seed : seeds) {
            Simulation.Result result = new Simulation(SimSettings.forSeed(seed),
                    traceDir == null ? null : Path.of(traceDir)).run();
            committed += result.committed();
            operations += result.operations();
            verdicts.merge(result.linearizability().split(" ")[0], 1, Integer::sum);
            if (!result.ok()) {
                String report = "SIMULATION FAILED " + result.settings() + " " + result.failure()
                        + "\n  rerun: " + RERUN + seed;
                System.out.println(report);
                failures.add(report);
            } else if (single != null) {
                System.out.println("seed " + seed + " ok: " + result);
            }
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted)
                / 1_000_000;
        System.out.printf("simulated %d seeds in %d ms (%d ms CPU): %d committed entries, %d client operations, "
                + "%d failures; linearizability verdicts %s%n", seeds.size(), elapsedMs, cpuMs, committed, operations,
                failures.size(), verdicts);
        if (!failures.isEmpty()) {
            StringBuilder failing = new StringBuilder("failing seeds:");
            for (String failure : failures) {
                failing.append(' ').append(failure.substring(failure.indexOf("seed=") + 5, failure.indexOf(' ',
                        failure.indexOf("seed="))));
            }
            System.out.println(failing);
        }
        assertTrue(failures.isEmpty(), failures.size() + " simulation(s) failed; first: "
                + (failures.isEmpty() ? "" : failures.getFirst()));
    }

    @Test
    void aSeedReproducesItsRunExactly() {
        assumeTrue(property("sim.seed") == null && property("sim.seeds") == null);
        for (long seed : new long[] {3, 10, 11}) {
            Simulation.Result first = new Simulation(SimSettings.forSeed(seed), null).run();
            Simulation.Result second = new Simulation(SimSettings.forSeed(seed), null).run();
            assertTrue(first.equals(second), "seed " + seed + " gave " + first + " then " + second);
            assertTrue(first.committed() > 0, "seed " + seed + " committed nothing: " + first);
        }
    }

    static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}

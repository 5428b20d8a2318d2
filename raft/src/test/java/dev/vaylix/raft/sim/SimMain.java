package dev.vaylix.raft.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a range of simulation seeds outside JUnit, for long runs in the background (docs/RAFT.md
 * "Long simulations"): {@code java -cp <test classpath> dev.vaylix.raft.sim.SimMain FIRST LAST [TRACE_DIR]}.
 * Prints a progress line every 500 seeds, each failure with its rerun command, and the failing seeds.
 */
public final class SimMain {

    private SimMain() {
    }

    public static void main(String[] args) {
        long first = Long.parseLong(args[0]);
        long last = Long.parseLong(args[1]);
        Path traceDir = args.length > 2 ? Path.of(args[2]) : null;
        List<Long> failing = new ArrayList<>();
        long started = System.nanoTime();
        long committed = 0;
        long operations = 0;
        for (long seed = first; seed <= last; seed++) {
            Simulation.Result result = new Simulation(SimSettings.forSeed(seed), traceDir).run();
            committed += result.committed();
            operations += result.operations();
            if (!result.ok()) {
                failing.add(seed);
                System.out.println("SIMULATION FAILED " + result.settings() + " " + result.failure()
                        + "\n  rerun: " + RaftSimTest.RERUN + seed);
            }
            if ((seed - first + 1) % 500 == 0) {
                System.out.printf("progress: %d seeds, %d failing, %d s%n", seed - first + 1, failing.size(),
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        System.out.printf("done: seeds %d..%d, %d failing %s, %d committed entries, %d client operations, %d s%n",
                first, last, failing.size(), failing, committed, operations,
                (System.nanoTime() - started) / 1_000_000_000L);
        System.exit(failing.isEmpty() ? 0 : 1);
    }
}

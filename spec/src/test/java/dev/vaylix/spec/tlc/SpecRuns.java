package dev.vaylix.spec.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared by the model-checking tests: where the specs are, how to run a model file, how to judge it. */
final class SpecRuns {

    /** Worker threads for one exhaustive run: the machine has 2 cores. */
    static final int WORKERS = Integer.getInteger("vaylix.tlc.workers", 2);

    private SpecRuns() {}

    static Path specDir() {
        Path dir = Path.of(System.getProperty("vaylix.spec.dir", "src/main/tla"));
        assertTrue(Files.isDirectory(dir), "specification directory " + dir.toAbsolutePath() + " is missing");
        return dir;
    }

    static Path workDir() {
        return Path.of(System.getProperty("vaylix.tlc.workdir", "target/tlc"));
    }

    /** Runs one model file; {@code shortRun} as in {@link Tlc.Run} (mutation searches). */
    static TlcResult run(ModelFile model, int workers, List<String> extraArgs, Duration timeout, boolean shortRun) {
        List<String> args = new ArrayList<>(model.args());
        args.addAll(extraArgs);
        if (!model.cover().isEmpty()) {
            // Coverage is printed once at the end of the run (the interval is in minutes).
            args.add("-coverage");
            args.add("600");
        }
        TlcResult result = Tlc.check(new Tlc.Run(specDir(), model.module(), model.path(),
                workDir().resolve(model.name()), workers, args, timeout, shortRun, 0));
        System.out.println("[tlc] " + model.name() + ": " + result.summary());
        return result;
    }

    /** Fails with TLC's counterexample (or error output) unless the run ended as the model file expects. */
    static void assertAsExpected(ModelFile model, TlcResult result) {
        String expected = model.expectsPass() ? "pass" : "a violation of " + model.expect();
        switch (result.outcome()) {
            case TlcOutcome.Passed p -> {
                if (!model.expectsPass()) {
                    fail(model.name() + ": expected " + expected + " but TLC found no violation ("
                            + result.summary() + "); the mutation is not caught by these bounds");
                }
            }
            case TlcOutcome.InvariantViolated v -> {
                if (model.expectsPass() || !v.invariant().equals(model.expect())) {
                    fail(model.name() + ": expected " + expected + " but " + v.invariant()
                            + " is violated. Counterexample:\n" + result.trace());
                }
            }
            case TlcOutcome.Deadlocked d ->
                    fail(model.name() + ": expected " + expected + " but TLC reached a deadlock:\n" + result.trace());
            case TlcOutcome.Failed f ->
                    fail(model.name() + ": TLC failed: " + f.reason() + "\n" + tail(result.output()));
        }
        for (String action : model.cover()) {
            long states = result.coverage().getOrDefault(action, 0L);
            assertTrue(states > 0, model.name() + ": action " + action
                    + " never produced a new state, so the bounds make the check vacuous for it");
        }
        if (model.expectsPass()) {
            assertEquals(0, result.exitCode(), "TLC exit status");
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}

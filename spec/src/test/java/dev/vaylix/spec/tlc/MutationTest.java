package dev.vaylix.spec.tlc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proof that the invariants bite: every file of {@code src/main/tla/models/mutations} switches on
 * one known-bad rule, and TLC must report a violation of exactly the invariant its header names.
 * A run that finds nothing, or a different violation, fails the build. The VaylixRaft mutations
 * search along a schedule (MCMutation.tla); each is run a second time with the rule switched off
 * ({@code Mutation = "none"}), which must find no violation: the rule, not the schedule, breaks the
 * invariant.
 *
 * <p>The runs are small and dominated by TLC's start-up, so two run at a time with one worker
 * each (the machine has 2 cores).
 */
class MutationTest {

    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final int CONCURRENT_RUNS = 2;
    private static final Pattern MUTATION_LINE = Pattern.compile("(?m)^(\\s*Mutation\\s*=\\s*)\"\\w+\"\\s*$");

    private static final ExecutorService POOL = Executors.newFixedThreadPool(CONCURRENT_RUNS);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> every_mutation_violates_its_invariant() {
        List<ModelFile> models = ModelFile.list(SpecRuns.specDir().resolve("models/mutations"));
        assertFalse(models.isEmpty(), "no mutation configurations found");
        Map<ModelFile, CompletableFuture<TlcResult>> runs = new LinkedHashMap<>();
        for (ModelFile model : models) {
            assertFalse(model.expectsPass(), model.name() + " must name the invariant it violates");
            runs.put(model, CompletableFuture.supplyAsync(() -> SpecRuns.run(model, 1, List.of(), TIMEOUT, true), POOL));
            if (model.module().equals("MCMutation")) {
                ModelFile control = withoutMutation(model);
                runs.put(control, CompletableFuture.supplyAsync(() -> SpecRuns.run(control, 1, List.of(), TIMEOUT, true), POOL));
            }
        }
        return runs.entrySet().stream().map(run -> DynamicTest.dynamicTest(run.getKey().name(), () ->
                SpecRuns.assertAsExpected(run.getKey(), run.getValue().join())));
    }

    /** The same model with the rule switched off, expected to pass (written next to the TLC runs). */
    private static ModelFile withoutMutation(ModelFile model) {
        try {
            String text = Files.readString(model.path());
            Matcher m = MUTATION_LINE.matcher(text);
            assertTrue(m.find(), model.name() + " has no Mutation line");
            String control = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + "\"none\""));
            Path dir = SpecRuns.workDir().resolve("controls");
            Files.createDirectories(dir);
            Path file = dir.resolve(model.name() + "-none.cfg");
            Files.writeString(file, control);
            return new ModelFile(file, model.module(), "pass", List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

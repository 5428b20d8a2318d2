package dev.vaylix.spec.tlc;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CI configurations of {@code src/main/tla/models}: TLC checks each exhaustively (BFS) and the
 * build fails, printing the counterexample, unless every invariant holds and every action the
 * file lists under {@code cover:} actually fired. One run at a time, with all workers.
 *
 * <p>With {@code -Ptlc-long} ({@code -Dvaylix.tlc.long=true}) the larger configurations of
 * {@code models/long} run too: bigger exhaustive bounds and {@code -simulate} runs (README.md).
 */
class ModelCheckTest {

    /** Far above the measured times (README.md); a hung TLC fails the build instead of stalling it. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** The long configurations take minutes each on two cores (README.md); a generous bound per run. */
    static final Duration TIMEOUT_LONG = Duration.ofHours(Long.getLong("vaylix.tlc.longHours", 12));

    @TestFactory
    Stream<DynamicTest> ci_configurations_hold_every_invariant() {
        List<ModelFile> models = ModelFile.list(SpecRuns.specDir().resolve("models"));
        assertFalse(models.isEmpty(), "no CI configurations found");
        Stream<DynamicTest> ci = models.stream().map(model -> DynamicTest.dynamicTest(model.name(), () ->
                SpecRuns.assertAsExpected(model, SpecRuns.run(model, SpecRuns.WORKERS, List.of(), TIMEOUT, false))));
        if (!Boolean.getBoolean("vaylix.tlc.long")) {
            return ci;
        }
        List<ModelFile> longModels = ModelFile.list(SpecRuns.specDir().resolve("models/long"));
        assertFalse(longModels.isEmpty(), "no long configurations found");
        return Stream.concat(ci, longModels.stream().map(model -> DynamicTest.dynamicTest("long/" + model.name(), () ->
                SpecRuns.assertAsExpected(model, SpecRuns.run(model, SpecRuns.WORKERS, List.of(), TIMEOUT_LONG, false)))));
    }
}

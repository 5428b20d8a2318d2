package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The verdict, the violation and the statistics do not depend on the number of threads. */
class CheckerDeterminismTest {

    @Property(tries = 40)
    void parallel_and_sequential_checks_give_equal_results(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int keys, @ForAll @IntRange(min = 2, max = 4) int threads) {
        Random random = new Random(seed);
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(
                random, new RegisterHistories.Shape(300, keys, 4, 0.05, 0.05));
        // Make a couple of keys illegal, so the "first illegal key" rule is exercised too.
        if (random.nextBoolean()) {
            h = RegisterHistories.withReadOfUnwrittenValue(random, h);
        }
        if (random.nextBoolean()) {
            h = RegisterHistories.withDoubleSwap(random, h).orElse(h);
        }
        CheckOptions sequential = CheckOptions.defaults().withoutTimeBudget();
        CheckResult expected = LinearizabilityChecker.check(RegisterModel.INSTANCE, h, sequential);
        CheckResult actual = LinearizabilityChecker.check(RegisterModel.INSTANCE, h, sequential.withParallelism(threads));
        assertEquals(expected, actual);
    }
}

package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the checker over generated histories. Each history is built from a seed with
 * {@link RegisterHistories}; jqwik reports the seed (and the shape) of any failing try.
 */
class CheckerPropertiesTest {

    @Property(tries = 300)
    void histories_executed_sequentially_then_widened_are_accepted(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 80) int operations,
            @ForAll @IntRange(min = 1, max = 3) int keys,
            @ForAll @IntRange(min = 0, max = 6) int width,
            @ForAll @DoubleRange(min = 0, max = 0.15) double crashRate,
            @ForAll @DoubleRange(min = 0, max = 0.15) double failRate) {
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(
                new Random(seed), new RegisterHistories.Shape(operations, keys, width, crashRate, failRate));
        CheckResult result = Timeline.check(h);
        assertEquals(Verdict.OK, result.verdict(), result::toString);
    }

    @Property(tries = 200)
    void a_read_of_an_overwritten_value_is_rejected(
            @ForAll long seed, @ForAll("mutationShapes") RegisterHistories.Shape shape) {
        assertMutationRejected(seed, shape, "stale read", RegisterHistories::withStaleRead);
    }

    @Property(tries = 200)
    void two_successful_swaps_from_one_value_are_rejected(
            @ForAll long seed, @ForAll("mutationShapes") RegisterHistories.Shape shape) {
        assertMutationRejected(seed, shape, "double swap", RegisterHistories::withDoubleSwap);
    }

    @Provide
    Arbitrary<RegisterHistories.Shape> mutationShapes() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 60),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 0.1))
                .as((operations, keys, width, crashRate) ->
                        new RegisterHistories.Shape(operations, keys, width, crashRate, 0.05));
    }

    /**
     * Generates a linearizable history, applies {@code mutation} (falling back to a read of an
     * unwritten value when the history offers no place for it) and checks the result is rejected.
     */
    private static void assertMutationRejected(
            long seed,
            RegisterHistories.Shape shape,
            String name,
            BiFunction<Random, History<RegisterInput, RegisterOutput>, Optional<History<RegisterInput, RegisterOutput>>> mutation) {
        Random random = new Random(seed);
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(random, shape);
        Optional<History<RegisterInput, RegisterOutput>> mutated = mutation.apply(random, h);
        Statistics.label("mutation").collect(mutated.isPresent() ? name : "unwritten value");
        // Most tries must exercise the interesting mutation, not the fallback.
        Statistics.label("mutation").coverage(c -> c.check(name).percentage(p -> p >= 40));
        assertRejectedWithReplayablePrefix(mutated.orElseGet(() -> RegisterHistories.withReadOfUnwrittenValue(random, h)));
    }

    /**
     * The reference: on small random histories (random outputs, so many are not linearizable) the
     * search and the brute-force definition agree.
     */
    @Property(tries = 1000)
    void agrees_with_brute_force_on_small_random_histories(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 9) int operations) {
        assertAgreesWithBruteForce(randomHistory(new Random(seed), operations, 10));
    }

    /** As above with many crashed operations: exercises the unknown-outcome search and its pruning. */
    @Property(tries = 500)
    void agrees_with_brute_force_when_many_operations_crashed(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 9) int operations) {
        assertAgreesWithBruteForce(randomHistory(new Random(seed), operations, 60));
    }

    private static void assertAgreesWithBruteForce(History<RegisterInput, RegisterOutput> h) {
        boolean expected = BruteForce.isLinearizable(RegisterModel.INSTANCE, h);
        CheckResult result = Timeline.check(h);
        Statistics.label("verdict").collect(result.verdict());
        assertEquals(expected ? Verdict.OK : Verdict.ILLEGAL, result.verdict(),
                () -> "brute force says " + expected + " for\n" + HistoryFormat.toJsonLines(h) + result);
    }

    private static void assertRejectedWithReplayablePrefix(History<RegisterInput, RegisterOutput> h) {
        CheckResult result = Timeline.check(h);
        Violation v = assertInstanceOf(CheckResult.Illegal.class, result, result::toString).violation();
        // The explanation must be true: its prefix replays through the model to the stated state and
        // respects real-time order, and the blocked operation really is unplaced.
        // The model the key was checked with: without versions unless some output on the key has one.
        Model<RegisterState, RegisterInput, RegisterOutput> model = RegisterModel.INSTANCE.specialize(
                h.operations().stream().filter(op -> op.key().equals(v.key())).toList());
        RegisterState state = model.init();
        List<Operation<?, ?>> prefix = v.prefix();
        for (int i = 0; i < prefix.size(); i++) {
            Operation<?, ?> op = prefix.get(i);
            RegisterInput input = (RegisterInput) op.input();
            state = (op.outcome() == Outcome.OK
                    ? model.step(state, input, (RegisterOutput) op.output())
                    : model.stepUnknown(state, input))
                    .orElseThrow(() -> new AssertionError("prefix does not replay:\n" + v.explanation()));
            for (int j = i + 1; j < prefix.size(); j++) {
                assertFalse(prefix.get(j).precedes(op), () -> "prefix breaks real-time order:\n" + v.explanation());
            }
            assertEquals(v.key(), op.key());
        }
        assertEquals(model.describeState(state), v.stateAfterPrefix());
        assertFalse(prefix.contains(v.blocked()));
        assertEquals(Outcome.OK, v.blocked().outcome());
        assertTrue(v.candidates().stream().anyMatch(c -> c.operation().equals(v.blocked())), v::explanation);
    }

    /**
     * Operations with random inputs, outputs, outcomes and intervals over a tiny value domain;
     * {@code crashPercent} of them end with an unknown outcome, 10% fail.
     */
    private static History<RegisterInput, RegisterOutput> randomHistory(Random random, int operations, int crashPercent) {
        String[] values = {null, "a", "b"};
        List<Operation<RegisterInput, RegisterOutput>> ops = new ArrayList<>(operations);
        for (int id = 0; id < operations; id++) {
            String key = random.nextInt(4) == 0 ? "y" : "x";
            long invoke = random.nextInt(20);
            long complete = invoke + random.nextInt(8);
            int roll = random.nextInt(100);
            Outcome outcome = roll < 10 ? Outcome.FAIL : roll < 10 + crashPercent ? Outcome.UNKNOWN : Outcome.OK;
            OptionalLong version = random.nextInt(4) == 0 ? OptionalLong.of(random.nextInt(4)) : OptionalLong.empty();
            RegisterInput input;
            RegisterOutput output;
            switch (random.nextInt(3)) {
                case 0 -> {
                    input = RegisterInput.read();
                    String seen = values[random.nextInt(3)];
                    output = new RegisterOutput.ReadOk(seen, seen == null ? OptionalLong.empty() : version);
                }
                case 1 -> {
                    input = RegisterInput.write(random.nextBoolean() ? "a" : "b");
                    output = new RegisterOutput.WriteOk(version);
                }
                default -> {
                    input = RegisterInput.cas(values[random.nextInt(3)], random.nextBoolean() ? "a" : "b");
                    boolean swapped = random.nextBoolean();
                    output = new RegisterOutput.CasOk(swapped, swapped ? version : OptionalLong.empty());
                }
            }
            ops.add(new Operation<>(id, id, key, input, outcome, outcome == Outcome.OK ? output : null, invoke,
                    outcome == Outcome.UNKNOWN && random.nextBoolean() ? Operation.NEVER : complete));
        }
        return History.of(ops);
    }
}

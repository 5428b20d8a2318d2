package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Budgets: a history too hard to decide gives UNKNOWN, promptly, never a guess and never a hang. */
class CheckerBudgetTest {

    /**
     * {@code n} writes of distinct values and {@code n} reads, one of each value, all mutually
     * concurrent, then a read (after all of them) of a value nobody wrote. Not linearizable, but the
     * search can only learn that by trying every subset of writes: about 2^n configurations.
     */
    static History<RegisterInput, RegisterOutput> pathological(int n) {
        HistoryBuilder<RegisterInput, RegisterOutput> b = new HistoryBuilder<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            b.invoke(i, "x", RegisterInput.write("v" + i), ++t);
            b.invoke(n + i, "x", RegisterInput.read(), ++t);
        }
        for (int i = 0; i < n; i++) {
            b.ok(i, RegisterOutput.writeOk(), ++t);
            b.ok(n + i, RegisterOutput.readOk("v" + i), ++t);
        }
        b.invoke(2L * n, "x", RegisterInput.read(), ++t);
        b.ok(2L * n, RegisterOutput.readOk("nobody-wrote-this"), ++t);
        return b.build();
    }

    @Test
    void small_pathological_history_is_decided_illegal() {
        // Sanity for the instance below: at a size the search can finish, the answer is ILLEGAL.
        CheckResult result = Timeline.check(pathological(6));
        assertEquals(Verdict.ILLEGAL, result.verdict(), result::toString);
    }

    @Test
    void state_budget_gives_unknown_deterministically() {
        CheckOptions options = CheckOptions.defaults().withoutTimeBudget().withMaxStatesPerKey(20_000);
        CheckResult first = LinearizabilityChecker.check(RegisterModel.INSTANCE, pathological(40), options);
        CheckResult.Unknown unknown = assertInstanceOf(CheckResult.Unknown.class, first, first::toString);
        assertEquals(List.of("x"), unknown.undecidedKeys());
        assertTrue(unknown.reason().contains("state budget of 20000"), unknown.reason());
        assertEquals(20_001, unknown.statesExplored(), "stops at the first state over the bound");
        assertEquals(first, LinearizabilityChecker.check(RegisterModel.INSTANCE, pathological(40), options));
    }

    @Test
    void time_budget_gives_unknown_with_an_injected_clock() {
        // Each clock reading advances 1 ms: the 50 ms budget runs out after ~50 readings.
        AtomicLong fakeNanos = new AtomicLong();
        CheckOptions options = CheckOptions.defaults()
                .withMaxStatesPerKey(Long.MAX_VALUE)
                .withTimeBudget(Duration.ofMillis(50))
                .withNanoClock(() -> fakeNanos.addAndGet(1_000_000));
        CheckResult result = LinearizabilityChecker.check(RegisterModel.INSTANCE, pathological(40), options);
        CheckResult.Unknown unknown = assertInstanceOf(CheckResult.Unknown.class, result, result::toString);
        assertTrue(unknown.reason().contains("time budget of 50 ms"), unknown.reason());
        assertTrue(fakeNanos.get() <= 60_000_000L, "stopped soon after the budget: " + fakeNanos.get());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void time_budget_stops_a_pathological_check_on_the_real_clock() {
        CheckOptions options = CheckOptions.defaults()
                .withMaxStatesPerKey(Long.MAX_VALUE)
                .withTimeBudget(Duration.ofMillis(200));
        CheckResult result = LinearizabilityChecker.check(RegisterModel.INSTANCE, pathological(60), options);
        assertEquals(Verdict.UNKNOWN, result.verdict(), result::toString);
    }

    @Test
    void an_illegal_key_outranks_an_undecided_one() {
        // Key "a" is too hard for the budget, key "b" is plainly illegal: the answer is ILLEGAL.
        HistoryBuilder<RegisterInput, RegisterOutput> b = new HistoryBuilder<>();
        for (Operation<RegisterInput, RegisterOutput> op : pathological(30).operations()) {
            b.invoke(op.process(), "a", op.input(), op.invokeTime());
            b.ok(op.process(), op.output(), op.completeTime() + 1_000);
        }
        b.invoke(1_000, "b", RegisterInput.write("1"), 5_000);
        b.ok(1_000, RegisterOutput.writeOk(), 5_001);
        b.invoke(1_000, "b", RegisterInput.read(), 5_002);
        b.ok(1_000, RegisterOutput.readOk(null), 5_003);
        CheckOptions options = CheckOptions.defaults().withoutTimeBudget().withMaxStatesPerKey(5_000);
        CheckResult result = LinearizabilityChecker.check(RegisterModel.INSTANCE, b.build(), options);
        CheckResult.Illegal illegal = assertInstanceOf(CheckResult.Illegal.class, result, result::toString);
        assertEquals("b", illegal.violation().key());
        assertEquals(List.of(Verdict.UNKNOWN, Verdict.ILLEGAL), illegal.keys().stream().map(KeyStats::verdict).toList());
    }

    @Test
    void options_out_of_range_are_rejected_with_a_code() {
        CheckOptions d = CheckOptions.defaults();
        assertEquals(LincheckError.LIN_008,
                assertThrows(LincheckException.class, () -> d.withMaxStatesPerKey(0)).code());
        assertEquals(LincheckError.LIN_008,
                assertThrows(LincheckException.class, () -> d.withParallelism(0)).code());
        assertEquals(LincheckError.LIN_008,
                assertThrows(LincheckException.class, () -> d.withTimeBudget(Duration.ZERO)).code());
    }
}

package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Hand-written histories for tests: events in the order they happened, one clock tick per event, so
 * the source reads like a timeline. Operations are on key "x" unless a key is given.
 */
final class Timeline {

    static final String KEY = "x";

    private final HistoryBuilder<RegisterInput, RegisterOutput> builder = new HistoryBuilder<>();
    private long now;

    Timeline invoke(long process, RegisterInput input) {
        return invoke(process, KEY, input);
    }

    Timeline invoke(long process, String key, RegisterInput input) {
        builder.invoke(process, key, input, ++now);
        return this;
    }

    Timeline ok(long process, RegisterOutput output) {
        builder.ok(process, output, ++now);
        return this;
    }

    Timeline fail(long process) {
        builder.fail(process, ++now);
        return this;
    }

    Timeline info(long process) {
        builder.info(process, ++now);
        return this;
    }

    /** A whole write by {@code process}, invoked and completed before the next event. */
    Timeline write(long process, String value) {
        return invoke(process, RegisterInput.write(value)).ok(process, RegisterOutput.writeOk());
    }

    /** A whole read by {@code process} returning {@code value}. */
    Timeline read(long process, String value) {
        return invoke(process, RegisterInput.read()).ok(process, RegisterOutput.readOk(value));
    }

    History<RegisterInput, RegisterOutput> history() {
        return builder.build();
    }

    /** The checker with a deterministic budget, as a unit test should run it. */
    static CheckResult check(History<RegisterInput, RegisterOutput> history) {
        return LinearizabilityChecker.check(RegisterModel.INSTANCE, history, CheckOptions.defaults().withoutTimeBudget());
    }

    CheckResult check() {
        return check(history());
    }

    void assertLinearizable() {
        CheckResult result = check();
        assertEquals(Verdict.OK, result.verdict(), () -> result.toString());
    }

    Violation assertNotLinearizable() {
        CheckResult result = check();
        return assertInstanceOf(CheckResult.Illegal.class, result, () -> result.toString()).violation();
    }
}

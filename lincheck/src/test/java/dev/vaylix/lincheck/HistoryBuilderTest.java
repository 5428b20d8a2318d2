package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryBuilderTest {

    @Test
    void pairs_completions_with_invocations_by_process() {
        HistoryBuilder<RegisterInput, RegisterOutput> b = new HistoryBuilder<>();
        assertEquals(0, b.invoke(7, "x", RegisterInput.write("a"), 1));
        assertEquals(1, b.invoke(8, "x", RegisterInput.read(), 2));
        assertTrue(b.hasPending(7));
        assertEquals(1, b.ok(8, RegisterOutput.readOk(null), 3));
        assertEquals(0, b.info(7, 4));
        assertFalse(b.hasPending(7));
        assertEquals(2, b.invoke(7, "x", RegisterInput.write("b"), 5), "a process may go on after a crash");
        assertEquals(List.of(
                Operation.unknown(0, 7, "x", RegisterInput.write("a"), 1, 4),
                Operation.ok(1, 8, "x", RegisterInput.read(), RegisterOutput.readOk(null), 2, 3),
                Operation.unknown(2, 7, "x", RegisterInput.write("b"), 5, Operation.NEVER)), b.build().operations());
    }

    @Test
    void misuse_is_rejected_with_codes() {
        HistoryBuilder<RegisterInput, RegisterOutput> b = new HistoryBuilder<>();
        assertEquals(LincheckError.LIN_003, assertThrows(LincheckException.class, () -> b.fail(1, 1)).code());
        b.invoke(1, "x", RegisterInput.read(), 5);
        assertEquals(LincheckError.LIN_004,
                assertThrows(LincheckException.class, () -> b.invoke(1, "x", RegisterInput.read(), 6)).code());
        assertEquals(LincheckError.LIN_006,
                assertThrows(LincheckException.class, () -> b.ok(1, RegisterOutput.readOk(null), 4)).code());
        assertEquals(LincheckError.LIN_006,
                assertThrows(LincheckException.class, () -> b.info(1, Operation.NEVER)).code());
    }

    @Test
    void operations_that_cannot_exist_are_rejected() {
        assertEquals(LincheckError.LIN_006, assertThrows(LincheckException.class,
                () -> Operation.ok(0, 1, "x", RegisterInput.read(), RegisterOutput.readOk(null), 5, 4)).code());
        assertEquals(LincheckError.LIN_006, assertThrows(LincheckException.class,
                () -> new Operation<>(0, 1, "x", RegisterInput.read(), Outcome.OK, null, 1, 2)).code());
        assertEquals(LincheckError.LIN_006, assertThrows(LincheckException.class,
                () -> new Operation<>(0, 1, "x", RegisterInput.read(), Outcome.FAIL, RegisterOutput.readOk(null), 1, 2)).code());
        assertEquals(LincheckError.LIN_006, assertThrows(LincheckException.class,
                () -> Operation.failed(0, 1, "x", RegisterInput.read(), 1, Operation.NEVER)).code());
        assertEquals(LincheckError.LIN_006, assertThrows(LincheckException.class,
                () -> History.of(List.of(Operation.failed(1, 1, "x", RegisterInput.read(), 1, 2)))).code());
    }

    @Test
    void mismatched_output_is_an_error_not_a_violation() {
        History<RegisterInput, RegisterOutput> h = History.of(List.of(
                Operation.ok(0, 1, "x", RegisterInput.read(), RegisterOutput.writeOk(), 1, 2)));
        LincheckException e = assertThrows(LincheckException.class, () -> Timeline.check(h));
        assertEquals(LincheckError.LIN_006, e.code());
        assertTrue(e.getMessage().startsWith("operation #0: "), e.getMessage());
    }
}

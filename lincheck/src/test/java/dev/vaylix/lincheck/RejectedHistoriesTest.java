package dev.vaylix.lincheck;

import static dev.vaylix.lincheck.RegisterInput.cas;
import static dev.vaylix.lincheck.RegisterInput.read;
import static dev.vaylix.lincheck.RegisterInput.write;
import static dev.vaylix.lincheck.RegisterOutput.casOk;
import static dev.vaylix.lincheck.RegisterOutput.readOk;
import static dev.vaylix.lincheck.RegisterOutput.writeOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Histories that are not linearizable and must be rejected, with an explanation that points at why. */
class RejectedHistoriesTest {

    @Test
    void stale_read_after_a_completed_write() {
        Violation v = new Timeline().write(1, "a").read(2, null).assertNotLinearizable();
        assertEquals(Timeline.KEY, v.key());
        assertEquals(List.of(0), ids(v.prefix()), "the write alone is the longest linearizable prefix");
        assertEquals(1, v.blocked().id(), "the stale read cannot be placed");
        assertEquals("\"a\"", v.stateAfterPrefix(), "no output reports a version, so none is tracked");
        assertEquals(List.of(new Violation.Candidate(v.blocked(), true)), v.candidates());
    }

    @Test
    void lost_write_read_returns_the_value_it_overwrote() {
        // w(b) completed before the read started, yet the read sees the older value.
        Violation v = new Timeline().write(1, "a").write(1, "b").read(2, "a").assertNotLinearizable();
        assertEquals(2, v.blocked().id());
    }

    @Test
    void lost_write_later_read_goes_back_to_the_older_value() {
        // Two concurrent writes; one reader sees b, a later reader sees a again: whichever order the
        // writes took, the second value can never come back.
        new Timeline()
                .invoke(1, write("a")).invoke(2, write("b"))
                .ok(1, writeOk()).ok(2, writeOk())
                .read(3, "b")
                .read(4, "a")
                .assertNotLinearizable();
    }

    @Test
    void cas_that_succeeded_but_was_overwritten_inconsistently() {
        // cas(0->1) claims success concurrently with w(5). If the cas went first, 5 overwrote 1 and the
        // reads can end on 5 but never see 1 after both completed; if w(5) went first, the cas could not
        // have swapped. Reading 1 and then 5 fits neither.
        new Timeline()
                .write(1, "0")
                .invoke(1, cas("0", "1")).invoke(2, write("5"))
                .ok(1, casOk(true)).ok(2, writeOk())
                .read(3, "1")
                .read(3, "5")
                .assertNotLinearizable();
    }

    @Test
    void read_of_a_value_never_written() {
        new Timeline().write(1, "a").invoke(1, write("b")).read(2, "c").ok(1, writeOk()).assertNotLinearizable();
    }

    @Test
    void two_cas_from_the_same_expected_value_both_succeeding() {
        new Timeline()
                .write(1, "0")
                .invoke(1, cas("0", "1")).invoke(2, cas("0", "2"))
                .ok(1, casOk(true)).ok(2, casOk(true))
                .assertNotLinearizable();
    }

    @Test
    void cas_reporting_no_swap_while_the_value_matched() {
        new Timeline()
                .write(1, "0")
                .invoke(2, cas("0", "1")).ok(2, casOk(false))
                .assertNotLinearizable();
    }

    @Test
    void value_of_a_definitely_failed_write_is_read() {
        new Timeline().invoke(1, write("a")).fail(1).read(2, "a").assertNotLinearizable();
    }

    @Test
    void crashed_write_once_observed_cannot_disappear() {
        new Timeline()
                .invoke(1, write("a")).info(1)
                .read(2, "a")
                .read(2, null)
                .assertNotLinearizable();
    }

    @Test
    void read_with_a_version_that_skips_a_store() {
        Violation v = new Timeline()
                .invoke(1, write("a")).ok(1, writeOk(1))
                .invoke(2, read()).ok(2, readOk("a", 2))
                .assertNotLinearizable();
        assertEquals("\"a\" v1", v.stateAfterPrefix());
    }

    @Test
    void violation_on_one_key_is_reported_for_that_key_only() {
        Violation v = new Timeline()
                .invoke(1, "a", write("1")).ok(1, writeOk())
                .invoke(2, "b", write("1")).ok(2, writeOk())
                .invoke(3, "b", read()).ok(3, readOk(null))
                .invoke(3, "c", read()).ok(3, readOk(null))
                .assertNotLinearizable();
        assertEquals("b", v.key());
    }

    @Test
    void explanation_names_the_key_the_prefix_and_the_blocked_operation() {
        Violation v = new Timeline().write(1, "a").write(1, "b").read(2, "a").assertNotLinearizable();
        String text = v.explanation();
        assertTrue(text.contains("key \"x\""), text);
        assertTrue(text.contains("longest linearizable prefix: 2 operations, leaving state \"b\""), text);
        assertTrue(text.contains("#2 p2 read -> \"a\" [5, 6]"), text);
        assertTrue(text.contains("impossible in this state"), text);
    }

    @Test
    void reported_prefix_is_a_valid_sequential_execution() {
        // A richer violation: the prefix must replay through the model to the reported state.
        Timeline timeline = new Timeline()
                .write(1, "0")
                .invoke(1, cas("0", "1")).invoke(2, write("5")).invoke(3, read())
                .ok(1, casOk(true)).ok(2, writeOk()).ok(3, readOk("0", 1))
                .read(3, "1")
                .read(3, "5");
        Violation v = timeline.assertNotLinearizable();
        RegisterState state = RegisterModel.INSTANCE.init();
        for (Operation<?, ?> op : v.prefix()) {
            state = RegisterModel.INSTANCE
                    .step(state, (RegisterInput) op.input(), (RegisterOutput) op.output())
                    .orElseThrow(() -> new AssertionError("prefix does not replay: " + v.explanation()));
        }
        assertEquals(v.stateAfterPrefix(), RegisterModel.INSTANCE.describeState(state));
    }

    private static List<Integer> ids(List<Operation<?, ?>> ops) {
        return ops.stream().map(Operation::id).toList();
    }
}

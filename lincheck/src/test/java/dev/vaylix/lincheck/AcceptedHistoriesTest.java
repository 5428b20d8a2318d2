package dev.vaylix.lincheck;

import static dev.vaylix.lincheck.RegisterInput.cas;
import static dev.vaylix.lincheck.RegisterInput.read;
import static dev.vaylix.lincheck.RegisterInput.write;
import static dev.vaylix.lincheck.RegisterOutput.casOk;
import static dev.vaylix.lincheck.RegisterOutput.readOk;
import static dev.vaylix.lincheck.RegisterOutput.writeOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Histories that are linearizable and must be accepted. */
class AcceptedHistoriesTest {

    @Test
    void empty_history_is_linearizable() {
        new Timeline().assertLinearizable();
    }

    @Test
    void read_of_a_key_never_written_sees_absent() {
        new Timeline().read(1, null).assertLinearizable();
    }

    @Test
    void sequential_writes_and_reads() {
        new Timeline().write(1, "a").read(2, "a").write(1, "b").read(2, "b").assertLinearizable();
    }

    @Test
    void concurrent_writes_may_take_effect_in_either_order() {
        // w(a) and w(b) overlap; a read after both sees "a", so b went first.
        new Timeline()
                .invoke(1, write("a")).invoke(2, write("b"))
                .ok(2, writeOk()).ok(1, writeOk())
                .read(3, "a")
                .assertLinearizable();
    }

    @Test
    void concurrent_reads_may_see_old_and_new_value_of_an_overlapping_write() {
        // Both reads overlap the write: one linearizes before it, one after, in either real-time order.
        new Timeline()
                .write(1, "a")
                .invoke(1, write("b"))
                .invoke(2, read()).invoke(3, read())
                .ok(2, readOk("b")).ok(3, readOk("a"))
                .ok(1, writeOk())
                .assertLinearizable();
    }

    @Test
    void read_overlapping_two_writes_may_see_the_intermediate_value() {
        new Timeline()
                .invoke(3, read())
                .write(1, "a")
                .write(2, "b")
                .ok(3, readOk("a"))
                .read(4, "b")
                .assertLinearizable();
    }

    @Test
    void crashed_write_that_later_becomes_visible() {
        new Timeline()
                .invoke(1, write("a")).info(1)
                .read(2, null)
                .read(2, "a")
                .read(3, "a")
                .assertLinearizable();
    }

    @Test
    void crashed_write_that_never_becomes_visible() {
        new Timeline()
                .write(1, "a")
                .invoke(2, write("b")).info(2)
                .read(3, "a").read(3, "a").read(4, "a")
                .assertLinearizable();
    }

    @Test
    void crashed_write_may_take_effect_after_a_later_completed_write() {
        // w(a) crashed before w(b) was even invoked, yet may land after it: its completion is +infinity.
        new Timeline()
                .invoke(1, write("a")).info(1)
                .write(2, "b")
                .read(3, "b")
                .read(3, "a")
                .assertLinearizable();
    }

    @Test
    void crashed_writes_may_take_effect_in_the_opposite_order_of_their_invocations() {
        // The search first tries a then b, which fails; b alone must still be explored afterwards
        // (applying fewer crashed operations leaves more options, so it is not dominated).
        new Timeline()
                .invoke(1, write("a")).invoke(2, write("b"))
                .info(1).info(2)
                .read(3, "b")
                .read(3, "a")
                .assertLinearizable();
    }

    @Test
    void invocation_still_pending_at_the_end_is_treated_as_unknown() {
        new Timeline().invoke(1, write("a")).read(2, "a").assertLinearizable();
    }

    @Test
    void failed_and_timed_out_reads_constrain_nothing() {
        new Timeline()
                .write(1, "a")
                .invoke(2, read()).fail(2)
                .invoke(3, read()).info(3)
                .read(2, "a")
                .assertLinearizable();
    }

    @Test
    void cas_chain_applies_in_order() {
        new Timeline()
                .write(1, "0")
                .invoke(1, cas("0", "1")).ok(1, casOk(true))
                .invoke(2, cas("1", "2")).ok(2, casOk(true))
                .invoke(3, cas("1", "3")).ok(3, casOk(false))
                .read(4, "2")
                .assertLinearizable();
    }

    @Test
    void concurrent_cas_from_the_same_value_one_wins() {
        new Timeline()
                .write(1, "0")
                .invoke(1, cas("0", "1")).invoke(2, cas("0", "2"))
                .ok(2, casOk(true)).ok(1, casOk(false))
                .read(3, "2")
                .assertLinearizable();
    }

    @Test
    void cas_that_failed_definitely_is_dropped() {
        new Timeline()
                .write(1, "0")
                .invoke(2, cas("0", "1")).fail(2)
                .read(3, "0")
                .assertLinearizable();
    }

    @Test
    void crashed_cas_may_or_may_not_have_swapped() {
        new Timeline()
                .write(1, "0")
                .invoke(2, cas("0", "1")).info(2)
                .read(3, "0").read(3, "1")
                .assertLinearizable();
    }

    @Test
    void create_if_absent_cas_on_a_new_key() {
        new Timeline()
                .invoke(1, cas(null, "a")).ok(1, casOk(true))
                .invoke(2, cas(null, "b")).ok(2, casOk(false))
                .read(3, "a")
                .assertLinearizable();
    }

    @Test
    void observed_versions_follow_stores() {
        new Timeline()
                .invoke(1, write("a")).ok(1, writeOk(1))
                .invoke(2, read()).ok(2, readOk("a", 1))
                .invoke(1, write("a")).ok(1, writeOk(2))
                .invoke(2, read()).ok(2, readOk("a", 2))
                .assertLinearizable();
    }

    @Test
    void keys_are_independent() {
        new Timeline()
                .invoke(1, "x", write("1")).invoke(2, "y", write("2"))
                .ok(1, writeOk()).ok(2, writeOk())
                .invoke(3, "y", read()).ok(3, readOk("2"))
                .invoke(3, "x", read()).ok(3, readOk("1"))
                .invoke(3, "z", read()).ok(3, readOk(null))
                .assertLinearizable();
    }

    @Test
    void equal_times_are_concurrent() {
        // w(a) completes at 5 and the read is invoked at 5: they may be in either order.
        HistoryBuilder<RegisterInput, RegisterOutput> b = new HistoryBuilder<>();
        b.invoke(1, "x", write("a"), 1);
        b.invoke(2, "x", read(), 5);
        b.ok(1, writeOk(), 5);
        b.ok(2, readOk(null), 6);
        assertEquals(Verdict.OK, Timeline.check(b.build()).verdict());
    }
}

package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemoTest {

    private final Memo memo = new Memo();
    private final PrefixBits completed = new PrefixBits(100);
    private final PrefixBits unknown = new PrefixBits(100);

    @Test
    void a_repeat_is_pruned_and_a_new_state_is_not() {
        completed.set(0);
        Memo.Visit first = memo.enter(completed, unknown, "s");
        assertNotNull(first);
        memo.leave(first);
        assertNull(memo.enter(completed, unknown, "s"));
        assertNotNull(memo.enter(completed, unknown, "t"));
        assertEquals(2, memo.size());
    }

    @Test
    void a_failed_visit_dominates_visits_with_more_unknown_operations_applied() {
        unknown.set(3);
        memo.leave(memo.enter(completed, unknown, "s"));
        unknown.set(70);
        assertNull(memo.enter(completed, unknown, "s"), "{3, 70} is a superset of the failed {3}");
        unknown.clear(3);
        assertNotNull(memo.enter(completed, unknown, "s"), "{70} is not: it has more options than {3}");
    }

    @Test
    void a_visit_still_on_the_stack_dominates_nothing() {
        Memo.Visit inProgress = memo.enter(completed, unknown, "s");
        assertNotNull(inProgress);
        unknown.set(1);
        assertNotNull(memo.enter(completed, unknown, "s"));
    }

    @Test
    void a_different_completed_set_is_a_different_configuration() {
        memo.leave(memo.enter(completed, unknown, "s"));
        completed.set(64);
        assertNotNull(memo.enter(completed, unknown, "s"));
    }
}

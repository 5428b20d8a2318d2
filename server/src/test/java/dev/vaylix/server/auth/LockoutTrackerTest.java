package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.server.testing.ManualClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LockoutTrackerTest {

    final ManualClock clock = ManualClock.started();
    final LockoutTracker tracker = new LockoutTracker(LockoutTracker.Policy.of(5, 300, 900), clock);

    void fail(String user, String peer, int times) {
        for (int i = 0; i < times; i++) {
            tracker.recordFailure(user, peer);
        }
    }

    @Test
    void five_failures_from_one_address_lock_that_user_from_that_address() {
        fail("alice", "10.0.0.1", 4);
        assertFalse(tracker.isLocked("alice", "10.0.0.1"));
        assertTrue(tracker.recordFailure("alice", "10.0.0.1"), "the fifth failure locks");
        assertTrue(tracker.isLocked("alice", "10.0.0.1"));
        assertFalse(tracker.isLocked("alice", "10.0.0.2"), "other addresses are not locked out by it");
        assertFalse(tracker.isLocked("bob", "10.0.0.1"), "other users are not locked out by it");
    }

    @Test
    void new_connections_from_the_same_address_share_the_counter() throws Exception {
        // COMMANDS.md Note 7: the reference keyed on ip:port, so each connection started afresh.
        InetAddress address = InetAddress.getByName("192.0.2.7");
        for (int port = 40_000; port < 40_005; port++) {
            tracker.recordFailure("alice", LockoutTracker.peerHost(new InetSocketAddress(address, port)));
        }
        assertTrue(tracker.isLocked("alice", LockoutTracker.peerHost(new InetSocketAddress(address, 50_000))));
        assertEquals("192.0.2.7", LockoutTracker.peerHost(new InetSocketAddress(address, 1)));
    }

    @Test
    void fifteen_failures_from_rotating_addresses_lock_the_user_everywhere() {
        for (int i = 0; i < 14; i++) {
            tracker.recordFailure("alice", "10.0.0." + i);
        }
        assertFalse(tracker.isLocked("alice", "10.9.9.9"));
        assertTrue(tracker.recordFailure("alice", "10.0.1.1"));
        assertTrue(tracker.isLocked("alice", "10.9.9.9"));
    }

    @Test
    void a_lock_holds_through_its_last_instant_and_ends_after_it() {
        fail("alice", "h", 5);
        clock.advanceSeconds(900);
        assertTrue(tracker.isLocked("alice", "h"), "now == locked_until is still locked");
        clock.advanceNanos(1);
        assertFalse(tracker.isLocked("alice", "h"));
    }

    @Test
    void after_a_lock_ends_a_single_failure_does_not_lock_again() {
        // COMMANDS.md Note 7: the reference kept the count, so one more failure inside the window re-locked.
        fail("alice", "h", 5);
        clock.advanceSeconds(901);
        assertFalse(tracker.recordFailure("alice", "h"));
        assertFalse(tracker.isLocked("alice", "h"));
        fail("alice", "h", 3);
        assertFalse(tracker.isLocked("alice", "h"));
        assertTrue(tracker.recordFailure("alice", "h"));
    }

    @Test
    void failures_older_than_the_window_are_forgotten() {
        fail("alice", "h", 4);
        clock.advanceSeconds(301);
        assertFalse(tracker.recordFailure("alice", "h"), "the window restarted, this is failure 1");
        fail("alice", "h", 3);
        assertFalse(tracker.isLocked("alice", "h"));
    }

    @Test
    void failures_at_the_window_edge_still_count() {
        fail("alice", "h", 4);
        clock.advanceSeconds(300);
        assertTrue(tracker.recordFailure("alice", "h"), "now − first == window is inside it");
    }

    @Test
    void success_clears_both_counters() {
        fail("alice", "h", 4);
        for (int i = 0; i < 10; i++) {
            tracker.recordFailure("alice", "other-" + i);
        }
        tracker.recordSuccess("alice", "h");
        assertFalse(tracker.recordFailure("alice", "h"));
        assertEquals(12, tracker.trackedRecordCount(), "ten other peers, plus alice's two counters started afresh");
    }

    @Test
    void counting_locked_records_changes_nothing() {
        // COMMANDS.md Note 6: the reference's INFO dropped every unlocked counter.
        fail("alice", "h", 4);
        fail("bob", "h", 5);
        assertEquals(1, tracker.lockedRecordCount());
        assertEquals(1, tracker.lockedRecordCount());
        assertEquals(4, tracker.trackedRecordCount());
        assertTrue(tracker.recordFailure("alice", "h"), "alice's four failures survived the count");
    }

    @Test
    void wall_clock_steps_do_not_move_locks() {
        fail("alice", "h", 5);
        clock.stepWallClockMs(10L * 24 * 3600 * 1000);
        assertTrue(tracker.isLocked("alice", "h"));
    }

    @Test
    void user_names_containing_the_separator_do_not_collide() {
        fail("a|b", "c", 5);
        assertFalse(tracker.isLocked("a", "b|c"));
        assertTrue(tracker.isLocked("a|b", "c"));
    }

    @Test
    void a_limit_of_zero_locks_at_the_first_failure() {
        LockoutTracker strict = new LockoutTracker(LockoutTracker.Policy.of(0, 300, 900), clock);
        assertTrue(strict.recordFailure("alice", "h"));
        assertTrue(strict.isLocked("alice", "h"));
    }

    @Test
    void memory_is_bounded_and_expired_counters_go_first() {
        LockoutTracker small = new LockoutTracker(new LockoutTracker.Policy(5, 300, 900, 4), clock);
        small.recordFailure("old", "h");            // 2 counters
        clock.advanceSeconds(301);                  // both expire
        small.recordFailure("fresh", "h");          // 4 counters
        small.recordFailure("newcomer", "h");       // full: the two expired ones are dropped
        assertEquals(4, small.trackedRecordCount());
        small.recordFailure("fresh", "h");
        small.recordFailure("fresh", "h");
        small.recordFailure("fresh", "h");
        assertTrue(small.recordFailure("fresh", "h"), "fresh kept its count through the eviction");
    }

    @Test
    void when_full_the_least_recently_updated_unlocked_counter_goes_and_locks_survive() {
        LockoutTracker small = new LockoutTracker(new LockoutTracker.Policy(1, 300, 900, 4), clock);
        small.recordFailure("first", "h");           // limit 1: the per-peer counter locks
        clock.advanceSeconds(1);
        for (int i = 0; i < 20; i++) {
            small.recordFailure("spray-" + i, "h");  // each per-peer counter locks too
        }
        assertEquals(4, small.trackedRecordCount());
        assertFalse(small.isLocked("first", "h"), "once every counter was locked, the one ending first went");
        assertTrue(small.isLocked("spray-19", "h"));

        LockoutTracker lenient = new LockoutTracker(new LockoutTracker.Policy(5, 300, 900, 4), clock);
        lenient.recordFailure("keep", "h");
        for (int i = 0; i < 4; i++) {
            lenient.recordFailure("keep", "h");     // locked now
        }
        lenient.recordFailure("a", "h");
        lenient.recordFailure("b", "h");
        assertEquals(4, lenient.trackedRecordCount());
        assertTrue(lenient.isLocked("keep", "h"), "unlocked counters are evicted before locked ones");
    }

    @Test
    void policy_rejects_nonsense() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutTracker.Policy(-1, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new LockoutTracker.Policy(1, 1, 1, 1));
    }
}

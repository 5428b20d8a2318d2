package dev.vaylix.raft.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aProbeSendsOneMessageAndWaitsForItsAnswer() {
        Progress pr = new Progress(5, 4, 1_000);
        assertFalse(pr.isPaused());
        pr.sentEntries(6, 10);
        assertTrue(pr.isPaused(), "one probe at a time");
        assertTrue(pr.maybeUpdate(6));
        assertFalse(pr.isPaused());
        assertEquals(7, pr.next());
    }

    @Test
    void replicationPipelinesOptimisticallyWithinTheWindow() {
        Progress pr = new Progress(1, 2, 1_000);
        pr.maybeUpdate(3);
        pr.becomeReplicate();
        assertEquals(4, pr.next());
        pr.sentEntries(5, 10);
        pr.sentEntries(7, 10);
        assertEquals(8, pr.next());
        assertTrue(pr.isPaused(), "window of two messages is full");
        pr.maybeUpdate(5);
        pr.inflights().freeLE(5);
        assertFalse(pr.isPaused());
    }

    @Test
    void staleRejectionsChangeNothing() {
        Progress pr = new Progress(1, 4, 1_000);
        pr.maybeUpdate(10);
        pr.becomeReplicate();
        pr.sentEntries(20, 10);
        assertFalse(pr.maybeDecrTo(8, 0), "rejected index at or below match is stale");
        assertTrue(pr.maybeDecrTo(15, 0));
        assertEquals(11, pr.next(), "replicating: restart right after match");

        Progress probe = new Progress(10, 4, 1_000);
        assertFalse(probe.maybeDecrTo(5, 0), "only the answer to the outstanding probe (prev = next - 1) counts");
        assertTrue(probe.maybeDecrTo(9, 3));
        assertEquals(4, probe.next(), "the hint skips back to after the follower's last matching index");
    }

    @Test
    void aSnapshotPausesAppendsAndTracksTheBytesAcknowledged() {
        Progress pr = new Progress(1, 4, 1_000);
        pr.becomeSnapshot(42);
        assertTrue(pr.isPaused());
        assertEquals(42, pr.pendingSnapshotIndex());
        assertFalse(pr.snapshotStalled(), "just started");
        assertTrue(pr.snapshotStalled(), "no acknowledgement during a whole heartbeat interval");
        pr.snapshotAcked(100);
        assertEquals(100, pr.snapshotOffsetBytes());
        assertFalse(pr.snapshotStalled());
    }
}

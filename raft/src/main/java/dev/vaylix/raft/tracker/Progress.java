package dev.vaylix.raft.tracker;

/**
 * The leader's view of one member's log (thesis §3.5 nextIndex/matchIndex, plus flow control).
 * Mutable; owned by the single thread that runs the Raft core.
 */
public final class Progress {

    /** Highest index known to be durably stored on the member and to match the leader's log. */
    private long match;
    /** Next index to send. Invariant: {@code match < next}. */
    private long next;
    private ProgressState state = ProgressState.PROBE;
    /** In PROBE: an AppendEntries is outstanding, so no other is sent until an answer arrives. */
    private boolean probeSent;
    private final Inflights inflights;
    /** Heard from since the last check-quorum (thesis §6.2). */
    private boolean recentActive;
    /** In SNAPSHOT: the index of the snapshot being sent, and how many of its bytes the member holds. */
    private long pendingSnapshotIndex;
    private long snapshotOffsetBytes;
    /** In SNAPSHOT: a chunk acknowledgement arrived since the last heartbeat (else resend the chunk). */
    private boolean snapshotAckedSinceHeartbeat;
    /** Highest ReadIndex round this member has acknowledged (thesis §6.4). */
    private long readRoundAcked;

    public Progress(long next, int maxInflightMessages, long maxInflightBytes) {
        if (next < 1) {
            throw new IllegalArgumentException("next index starts at 1: " + next);
        }
        this.next = next;
        this.inflights = new Inflights(maxInflightMessages, maxInflightBytes);
    }

    public long match() {
        return match;
    }

    public long next() {
        return next;
    }

    public ProgressState state() {
        return state;
    }

    public Inflights inflights() {
        return inflights;
    }

    public boolean recentActive() {
        return recentActive;
    }

    public void setRecentActive(boolean recentActive) {
        this.recentActive = recentActive;
    }

    public long pendingSnapshotIndex() {
        return pendingSnapshotIndex;
    }

    public long snapshotOffsetBytes() {
        return snapshotOffsetBytes;
    }

    public long readRoundAcked() {
        return readRoundAcked;
    }

    public void ackReadRound(long round) {
        readRoundAcked = Math.max(readRoundAcked, round);
    }

    /** True if no AppendEntries may be sent now: a probe is outstanding, the window is full, or a snapshot is in progress. */
    public boolean isPaused() {
        return switch (state) {
            case PROBE -> probeSent;
            case REPLICATE -> inflights.full();
            case SNAPSHOT -> true;
        };
    }

    /** Lets the next probe go (an answer or a heartbeat response arrived). */
    public void resumeProbe() {
        probeSent = false;
    }

    public void becomeProbe() {
        resetState(ProgressState.PROBE);
        next = match + 1;
    }

    public void becomeReplicate() {
        resetState(ProgressState.REPLICATE);
        next = match + 1;
    }

    /** Starts sending the snapshot at {@code snapshotIndex} from its first byte. */
    public void becomeSnapshot(long snapshotIndex) {
        resetState(ProgressState.SNAPSHOT);
        pendingSnapshotIndex = snapshotIndex;
        snapshotOffsetBytes = 0;
        snapshotAckedSinceHeartbeat = true;
    }

    private void resetState(ProgressState newState) {
        state = newState;
        probeSent = false;
        pendingSnapshotIndex = 0;
        snapshotOffsetBytes = 0;
        inflights.reset();
    }

    /** The member reported holding {@code offsetBytes} bytes of the snapshot being sent. */
    public void snapshotAcked(long offsetBytes) {
        snapshotOffsetBytes = offsetBytes;
        snapshotAckedSinceHeartbeat = true;
    }

    /** Called at each heartbeat: true if no chunk was acknowledged during the interval (resend it). */
    public boolean snapshotStalled() {
        boolean stalled = !snapshotAckedSinceHeartbeat;
        snapshotAckedSinceHeartbeat = false;
        return stalled;
    }

    /**
     * The member acknowledged that its log matches up to {@code index}. Returns true if that moved
     * {@code match} forward (a stale or duplicate acknowledgement changes nothing).
     */
    public boolean maybeUpdate(long index) {
        boolean updated = false;
        if (index > match) {
            match = index;
            updated = true;
            probeSent = false;
        }
        next = Math.max(next, index + 1);
        return updated;
    }

    /**
     * Records that an AppendEntries carrying entries up to {@code lastIndex} ({@code sizeBytes} of
     * them) was sent: in REPLICATE the window advances optimistically, in PROBE the probe is
     * outstanding.
     */
    public void sentEntries(long lastIndex, long sizeBytes) {
        switch (state) {
            case REPLICATE -> {
                if (lastIndex >= next) {
                    next = lastIndex + 1;
                    inflights.add(lastIndex, sizeBytes);
                }
            }
            case PROBE -> probeSent = true;
            case SNAPSHOT -> throw new IllegalStateException("entries sent while a snapshot is in progress");
        }
    }

    /**
     * The member rejected an AppendEntries whose previous index was {@code rejected}; its log may match
     * at most up to {@code matchHint} (the fast-backoff hint, thesis §5.3 / etcd-io/raft). Returns true
     * if {@code next} moved back (a stale rejection changes nothing).
     */
    public boolean maybeDecrTo(long rejected, long matchHint) {
        if (state == ProgressState.REPLICATE) {
            // Replicating: a rejection at or below match is stale; otherwise restart right after match.
            if (rejected <= match) {
                return false;
            }
            next = match + 1;
            return true;
        }
        // Probing: only the answer to the probe we sent (prev = next - 1) counts.
        if (next - 1 != rejected) {
            return false;
        }
        next = Math.max(Math.min(rejected, matchHint + 1), match + 1);
        probeSent = false;
        return true;
    }

    @Override
    public String toString() {
        String text = state + " match=" + match + " next=" + next;
        if (state == ProgressState.SNAPSHOT) {
            text += " snapshot=" + pendingSnapshotIndex + "@" + snapshotOffsetBytes;
        }
        if (state == ProgressState.REPLICATE && inflights.count() > 0) {
            text += " inflight=" + inflights.count();
        }
        if (probeSent) {
            text += " paused";
        }
        return text;
    }
}

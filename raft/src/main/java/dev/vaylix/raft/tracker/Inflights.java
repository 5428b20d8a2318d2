package dev.vaylix.raft.tracker;

/**
 * The AppendEntries messages sent to one follower and not yet acknowledged, bounded both in number
 * and in bytes (flow control for pipelined replication, thesis §10.2.1). A ring buffer of
 * (last index, size) pairs in send order.
 */
public final class Inflights {

    private final int maxMessages;
    private final long maxBytes;
    private final long[] lastIndexes;
    private final long[] sizes;
    private int start;
    private int count;
    private long bytes;

    /**
     * @param maxMessages at most this many messages in flight, at least 1
     * @param maxBytes    at most this many entry bytes in flight (a message that crosses the bound is
     *                    still allowed once, so a single large entry always makes progress), at least 1
     */
    public Inflights(int maxMessages, long maxBytes) {
        if (maxMessages < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("inflight bounds must be positive");
        }
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.lastIndexes = new long[maxMessages];
        this.sizes = new long[maxMessages];
    }

    /** True when no further message may be sent until an acknowledgement frees room. */
    public boolean full() {
        return count == maxMessages || bytes >= maxBytes;
    }

    /** Records a sent message whose last entry is {@code lastIndex}. Precondition: not {@link #full()}. */
    public void add(long lastIndex, long sizeBytes) {
        if (full()) {
            throw new IllegalStateException("inflights are full");
        }
        if (count > 0 && lastIndexes[(start + count - 1) % maxMessages] >= lastIndex) {
            throw new IllegalStateException("inflight indexes must increase: " + lastIndex);
        }
        int slot = (start + count) % maxMessages;
        lastIndexes[slot] = lastIndex;
        sizes[slot] = sizeBytes;
        count++;
        bytes += sizeBytes;
    }

    /** Forgets every message whose last index is {@code <= index} (they were acknowledged). */
    public void freeLE(long index) {
        while (count > 0 && lastIndexes[start] <= index) {
            bytes -= sizes[start];
            start = (start + 1) % maxMessages;
            count--;
        }
        if (count == 0) {
            start = 0;
        }
    }

    /**
     * Forgets the oldest message. Called when a heartbeat response shows the follower alive while the
     * window is full: the acknowledgements may have been lost, and one more message lets the follower
     * reveal its real position (etcd-io/raft does the same).
     */
    public void freeFirstOne() {
        if (count > 0) {
            freeLE(lastIndexes[start]);
        }
    }

    public void reset() {
        start = 0;
        count = 0;
        bytes = 0;
    }

    public int count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }
}

package dev.vaylix.api.log;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * One entry of the replicated log, which is also the write-ahead log (DESIGN.md §4 "One log").
 *
 * @param index        position in the log, starting at 1, contiguous
 * @param term         the leader term in which the entry was created, at least 1
 * @param kind         command, membership change or no-op
 * @param leaderTimeMs the proposing leader's wall-clock time; the engine computes expiries from it so
 *                     every replica agrees
 * @param payload      opaque to the log and to Raft
 */
public record LogEntry(long index, long term, EntryKind kind, long leaderTimeMs, Bytes payload) {

    public LogEntry {
        if (index < 1) {
            throw new IllegalArgumentException("log indexes start at 1: " + index);
        }
        if (term < 1) {
            throw new IllegalArgumentException("log terms start at 1: " + term);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
    }

    /** Approximate in-memory/on-disk footprint, used by byte-bounded reads and flow control. */
    public long sizeBytes() {
        return payload.length() + 8 + 8 + 1 + 8;
    }
}

package dev.vaylix.api.log;

import java.util.List;

/**
 * The durable log: the write-ahead log of the engine and the Raft log, which are the same thing
 * (DESIGN.md §4). First draft; the storage issue refines it.
 *
 * <p>Index model (as etcd-io/raft's {@code Storage}): entries {@code firstIndex() .. lastIndex()} are
 * readable. Entries before {@code firstIndex()} were compacted into a snapshot whose last included
 * index is {@code firstIndex() - 1}; its term stays answerable through {@link #term}. An empty log
 * that was never compacted has {@code firstIndex() == 1, lastIndex() == 0}.
 *
 * <p>Threading: one writer thread calls {@link #append}, {@link #truncateSuffix} and {@link #compact};
 * readers may call the read methods concurrently with it. Errors are {@link dev.vaylix.api.VaylixException}s
 * with ENG codes; an fsync failure is fatal (the store refuses further use and the process must
 * restart and recover).
 */
public interface LogStore extends AutoCloseable {

    /** The hard state last made durable (or recovered at open). */
    HardState hardState();

    /** Index of the first readable entry; {@code lastIndex() + 1} when the log is empty. */
    long firstIndex();

    /** Index of the last entry, or {@code firstIndex() - 1} when empty. */
    long lastIndex();

    /**
     * Term of the entry at {@code index}, for {@code firstIndex() - 1 <= index <= lastIndex()}
     * (the first value is the compaction point's term, 0 for a log never compacted).
     *
     * @throws dev.vaylix.api.VaylixException ENG-011 if {@code index} is outside that range
     */
    long term(long index);

    /**
     * Entries with {@code from <= index < toExclusive}, in order, stopping early once their total
     * {@link LogEntry#sizeBytes()} would exceed {@code maxBytes} (but always at least one entry when
     * the range is non-empty). The returned list and entries are immutable and owned by the caller.
     *
     * @throws dev.vaylix.api.VaylixException ENG-011 if the range is not within {@code firstIndex() .. lastIndex() + 1}
     */
    List<LogEntry> entries(long from, long toExclusive, long maxBytes);

    /**
     * Appends {@code entries} and records {@code hardState}, as one unit: after a crash, recovery
     * sees either both or neither. {@code entries} must be contiguous and start at most at
     * {@code lastIndex() + 1}; if they start at or below {@code lastIndex()} the existing suffix from
     * that index is replaced (a Raft conflict: deciding that there is a real conflict is the
     * caller's job). An empty list records only the hard state. Returns once durable per the sync policy.
     */
    void append(List<LogEntry> entries, HardState hardState);

    /** Removes every entry with index {@code >= fromIndex}; durable per the sync policy. */
    void truncateSuffix(long fromIndex);

    /**
     * Allows dropping entries up to {@code snapshotIndex}, which a durable snapshot with term
     * {@code snapshotTerm} now covers. Whole sealed segments below the point (and beyond the
     * retention setting) are deleted; {@code firstIndex()} becomes {@code snapshotIndex + 1} even
     * if some older entries are still physically retained.
     */
    void compact(long snapshotIndex, long snapshotTerm);

    SyncPolicy syncPolicy();

    /** Closes files; further calls fail. */
    @Override
    void close();
}

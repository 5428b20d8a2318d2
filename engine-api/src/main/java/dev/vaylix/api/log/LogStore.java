package dev.vaylix.api.log;

import java.util.List;

/**
 * The durable log: the write-ahead log of the engine and the Raft log, which are the same thing
 * (DESIGN.md §4). Implemented by the {@code storage} module (a {@code FileChannel} log and a
 * memory-mapped log, both checked by one contract test suite).
 *
 * <p>Index model (as etcd-io/raft's {@code Storage}): entries {@code firstIndex() .. lastIndex()} are
 * readable. Entries before {@code firstIndex()} were compacted into a snapshot whose last included
 * index is {@code firstIndex() - 1} (the <em>compaction point</em>); its term stays answerable through
 * {@link #term}. An empty log that was never compacted has {@code firstIndex() == 1, lastIndex() == 0}.
 * Terms never decrease along the log (Raft §5.3); writes that would break that are refused.
 *
 * <p>Durability: every mutation ({@link #append}, {@link #truncateSuffix}, {@link #compact}) is one
 * atomic unit: after a crash, recovery sees the log either before or after it, never a mix. When the
 * mutation is <em>durable</em> (survives power loss) is decided by {@link #syncPolicy()}: with
 * {@link SyncPolicy#SYNC} before the method returns; otherwise at the next {@link #sync()} (or at an
 * implementation-chosen point such as segment rotation). A mutation that was not yet durable may be
 * lost by a crash, and then so is every later one (recovery always yields a prefix of the mutations).
 *
 * <p>Threading: one writer thread calls {@link #append}, {@link #truncateSuffix}, {@link #compact},
 * {@link #sync} and {@link #close}; any number of readers may call the read methods concurrently
 * with it and see the log before or after each mutation.
 *
 * <p>Errors are {@link dev.vaylix.api.VaylixException}s: ENG-011 for a call that breaks a
 * precondition (nothing is written); ENG-013 for an entry too large to record; ENG-002 for an I/O
 * failure; ENG-007/ENG-008/ENG-014 for data found damaged while reading. Any I/O failure during a
 * mutation, and above all a failed fsync, is fatal: the store refuses every later call with ENG-002
 * and the process must restart and recover (an fsync is never retried, because after a failed
 * fsync the kernel may have dropped the dirty pages and a retry that "succeeds" proves nothing).
 */
public interface LogStore extends AutoCloseable {

    /** The hard state last recorded by {@link #append} (or recovered at open; {@link HardState#INITIAL} for a new log). */
    HardState hardState();

    /** Index of the first readable entry: the compaction point plus one. */
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
     * @throws dev.vaylix.api.VaylixException ENG-011 if {@code firstIndex() <= from <= toExclusive <= lastIndex() + 1}
     *         does not hold; ENG-007/ENG-008 if a record read back is damaged
     */
    List<LogEntry> entries(long from, long toExclusive, long maxBytes);

    /**
     * Appends {@code entries} and records {@code hardState}, as one unit: after a crash, recovery
     * sees either both or neither. {@code entries} must have contiguous indexes, non-decreasing terms,
     * and start at an index {@code i} with {@code firstIndex() <= i <= lastIndex() + 1}; the first
     * entry's term must be at least {@code term(i - 1)}. If {@code i <= lastIndex()} the existing
     * suffix from {@code i} is replaced (a Raft conflict: deciding that there is a real conflict is
     * the caller's job). An empty list records only the hard state, which must not go backwards:
     * its term and commit index never decrease, and within one term a recorded vote never changes
     * (Raft §5.1; a violation is a caller bug the log refuses to record). Returns once durable per the
     * sync policy; the entries are readable as soon as it returns.
     *
     * @throws dev.vaylix.api.VaylixException ENG-011 if a precondition does not hold, ENG-013 if an
     *         entry exceeds the record size limit (nothing is written in either case), ENG-002 on I/O failure
     */
    void append(List<LogEntry> entries, HardState hardState);

    /**
     * Removes every entry with index {@code >= fromIndex} (no effect if {@code fromIndex > lastIndex()});
     * durable per the sync policy.
     *
     * @throws dev.vaylix.api.VaylixException ENG-011 if {@code fromIndex < firstIndex()}: compacted
     *         entries are covered by a snapshot and cannot be removed
     */
    void truncateSuffix(long fromIndex);

    /**
     * Records that a durable snapshot with last index {@code snapshotIndex} and term
     * {@code snapshotTerm} now covers the log up to that index, and makes that fact durable before it
     * returns (whatever the sync policy, since it allows deleting files). Afterwards
     * {@code firstIndex() == snapshotIndex + 1} and {@code term(snapshotIndex) == snapshotTerm}.
     *
     * <ul>
     *   <li>{@code snapshotIndex <= firstIndex() - 1}: nothing happens (already compacted that far).
     *   <li>the log holds {@code snapshotIndex} with term {@code snapshotTerm}: entries after it are
     *       kept; whole sealed segments wholly below the point and beyond the retention setting are
     *       deleted (others stay physically but are no longer readable through this interface).
     *   <li>otherwise (the snapshot is ahead of the log, or the log disagrees with it at
     *       {@code snapshotIndex}, as when a follower installs a leader's snapshot): the whole log is
     *       discarded and restarts empty after the snapshot, as etcd-io/raft's {@code restore} does.
     * </ul>
     */
    void compact(long snapshotIndex, long snapshotTerm);

    /**
     * Makes every mutation so far durable, whatever the sync policy (a no-op cost under
     * {@link SyncPolicy#SYNC}). Used at shutdown and by callers that batch durability themselves.
     */
    void sync();

    SyncPolicy syncPolicy();

    /**
     * Writes out buffered records (without an fsync unless the policy is {@link SyncPolicy#SYNC}) and
     * closes files; further calls fail with ENG-011. Idempotent.
     */
    @Override
    void close();
}

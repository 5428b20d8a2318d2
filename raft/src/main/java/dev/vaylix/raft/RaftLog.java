package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's log as the core sees it: the latest snapshot (the compaction point) and every entry after
 * it, in memory, plus the bookkeeping of what has been handed out to be persisted and applied.
 *
 * <p>Keeping the log since the last snapshot in memory keeps the core free of I/O (the driver compacts
 * regularly, which bounds it). The indexes obey, at all times:
 * {@code snapshotIndex <= applying <= committed <= lastIndex}, {@code persisted <= handedOut <= lastIndex}
 * and {@code applying <= max(persisted, snapshotIndex)} (only durable entries are applied).
 */
final class RaftLog {

    /** What {@link #term} answers for an index outside {@code [snapshotIndex, lastIndex]}. */
    static final long TERM_UNAVAILABLE = -1;

    private SnapshotMetadata snapshot;
    private Bytes snapshotData;
    /** {@code entries.get(i).index() == snapshot.index() + 1 + i}. */
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    /** The CONFIG entries among {@link #entries}, decoded, by index. */
    private final TreeMap<Long, Configuration> configEntries = new TreeMap<>();
    private long committed;
    /** Highest index handed to the application for applying (in a Ready, or as a snapshot). */
    private long applying;
    /** Highest index such that the durable log holds exactly our entries up to it. */
    private long persisted;
    /** Highest index handed to the driver to persist. */
    private long handedOut;
    /** A snapshot received from the leader and installed here, not yet handed out in a Ready. */
    private Snapshot pendingInstall;
    /** Lowest index truncated since the last {@link #takeTruncatedFrom()}, 0 if none. */
    private long truncatedFrom;

    RaftLog(PersistentState state) {
        snapshot = state.snapshot().metadata();
        snapshotData = state.snapshot().data();
        for (LogEntry entry : state.entries()) {
            appendOne(entry);
        }
        persisted = lastIndex();
        handedOut = lastIndex();
        // The persisted commit index is an optimisation (RAFT-VARIANT.md "State"); never beyond the log.
        committed = Math.max(snapshot.index(), Math.min(state.hardState().commitIndex(), lastIndex()));
        applying = Math.min(Math.max(state.appliedIndex(), snapshot.index()), committed);
    }

    // ---- positions ----

    long firstIndex() {
        return snapshot.index() + 1;
    }

    long lastIndex() {
        return snapshot.index() + entries.size();
    }

    long lastTerm() {
        return entries.isEmpty() ? snapshot.term() : entries.getLast().term();
    }

    long snapshotIndex() {
        return snapshot.index();
    }

    long committed() {
        return committed;
    }

    long persisted() {
        return persisted;
    }

    long applying() {
        return applying;
    }

    /** The term of the entry at {@code index}, or {@link #TERM_UNAVAILABLE} if compacted or beyond the log. */
    long term(long index) {
        if (index == snapshot.index()) {
            return snapshot.term();
        }
        if (index < snapshot.index() || index > lastIndex()) {
            return TERM_UNAVAILABLE;
        }
        return entries.get((int) (index - firstIndex())).term();
    }

    boolean matchTerm(long index, long term) {
        long actual = term(index);
        return actual != TERM_UNAVAILABLE && actual == term;
    }

    /**
     * Election restriction (thesis §3.6.1): a log whose last entry has a higher term, or the same term
     * and at least our length, is at least as up-to-date as ours.
     */
    boolean isUpToDate(long otherLastIndex, long otherLastTerm) {
        return otherLastTerm > lastTerm() || (otherLastTerm == lastTerm() && otherLastIndex >= lastIndex());
    }

    LogEntry entry(long index) {
        if (index < firstIndex() || index > lastIndex()) {
            throw new IllegalArgumentException("entry " + index + " outside [" + firstIndex() + ", " + lastIndex() + "]");
        }
        return entries.get((int) (index - firstIndex()));
    }

    /**
     * Entries from {@code from} on, at most {@code maxBytes} of them by {@link LogEntry#sizeBytes()} but
     * always at least one when any exist. Requires {@code from >= firstIndex()}.
     */
    List<LogEntry> entriesFrom(long from, long maxBytes) {
        if (from < firstIndex()) {
            throw new IllegalArgumentException("entries before " + firstIndex() + " are compacted");
        }
        List<LogEntry> out = new ArrayList<>();
        long bytes = 0;
        for (long index = from; index <= lastIndex(); index++) {
            LogEntry entry = entry(index);
            bytes += entry.sizeBytes();
            if (!out.isEmpty() && bytes > maxBytes) {
                break;
            }
            out.add(entry);
        }
        return out;
    }

    // ---- appending, matching, truncating ----

    /** A leader appends its own entry at {@code lastIndex() + 1} (Leader Append-Only, thesis §3.5). */
    void appendAsLeader(LogEntry entry) {
        if (entry.index() != lastIndex() + 1 || entry.term() < lastTerm()) {
            throw new IllegalStateException("leader entry " + entry.index() + "/" + entry.term()
                    + " does not extend the log " + lastIndex() + "/" + lastTerm());
        }
        appendOne(entry);
    }

    /**
     * The follower's side of AppendEntries (thesis §3.5, RAFT-VARIANT.md "Replication"): if our entry at
     * {@code prevIndex} has {@code prevTerm}, take each entry in turn — same index and term: already
     * present, skip it (never truncate on a match); same index, other term: truncate from there and
     * append the rest; new index: append — then raise the commit index to
     * {@code min(leaderCommit, index of the last entry received)}.
     *
     * @return the index of the last entry received ({@code prevIndex + entries.size()}), or -1 if the
     *         log does not match at {@code prevIndex} (nothing changed)
     */
    long maybeAppend(long prevIndex, long prevTerm, long leaderCommit, List<LogEntry> received) {
        if (!matchTerm(prevIndex, prevTerm)) {
            return -1;
        }
        long lastNew = prevIndex + received.size();
        for (LogEntry entry : received) {
            long existing = term(entry.index());
            if (existing == entry.term()) {
                continue;
            }
            if (existing != TERM_UNAVAILABLE) {
                truncateFrom(entry.index());
            }
            appendOne(entry);
        }
        commitTo(Math.min(leaderCommit, lastNew));
        return lastNew;
    }

    /**
     * Removes every entry from {@code index} on. Committed entries are never removed: doing so would
     * break State Machine Safety (thesis §3.6.3), so it is an assertion, not a condition.
     */
    private void truncateFrom(long index) {
        if (index <= committed) {
            throw new IllegalStateException("refusing to truncate committed entry " + index + " (commit index "
                    + committed + ")");
        }
        if (index <= snapshot.index()) {
            throw new IllegalStateException("refusing to truncate compacted entry " + index);
        }
        entries.subList((int) (index - firstIndex()), entries.size()).clear();
        configEntries.tailMap(index, true).clear();
        truncatedFrom = truncatedFrom == 0 ? index : Math.min(truncatedFrom, index);
        handedOut = Math.min(handedOut, index - 1);
        persisted = Math.min(persisted, index - 1);
    }

    private void appendOne(LogEntry entry) {
        if (entry.index() != lastIndex() + 1) {
            throw new IllegalStateException("append at " + entry.index() + " after last index " + lastIndex());
        }
        if (entry.term() < lastTerm()) {
            throw new IllegalStateException("terms never decrease along a log: " + entry.term() + " after " + lastTerm());
        }
        entries.add(entry);
        if (entry.kind() == EntryKind.CONFIG) {
            configEntries.put(entry.index(), ConfigurationCodec.decode(entry.payload()));
        }
    }

    /** The lowest index truncated since the previous call, or 0; resets it. */
    long takeTruncatedFrom() {
        long out = truncatedFrom;
        truncatedFrom = 0;
        return out;
    }

    /**
     * For a rejection hint (fast backoff): the largest index at or below {@code index} whose term is at
     * most {@code term}, or the snapshot index if none is left in memory.
     */
    long findConflictByTerm(long index, long term) {
        long i = Math.min(index, lastIndex());
        while (i > snapshot.index() && term(i) > term) {
            i--;
        }
        return Math.max(i, snapshot.index());
    }

    /** Raises the commit index; it never goes back, nor beyond the log. */
    void commitTo(long index) {
        if (index <= committed) {
            return;
        }
        if (index > lastIndex()) {
            throw new IllegalStateException("commit index " + index + " beyond last index " + lastIndex()
                    + ": the log was corrupted, truncated or lost");
        }
        committed = index;
    }

    // ---- configurations (thesis §4.1: a configuration takes effect when appended) ----

    /** The latest configuration in the log, committed or not, or else the snapshot's. */
    Configuration configuration() {
        return configEntries.isEmpty() ? snapshot.configuration() : configEntries.lastEntry().getValue();
    }

    /** Index of the entry that holds {@link #configuration()} (the snapshot index if none in the log). */
    long configurationIndex() {
        return configEntries.isEmpty() ? snapshot.index() : configEntries.lastKey();
    }

    /** The configuration in force at {@code index} ({@code >= snapshotIndex}). */
    Configuration configurationAt(long index) {
        Map.Entry<Long, Configuration> entry = configEntries.floorEntry(index);
        return entry == null ? snapshot.configuration() : entry.getValue();
    }

    // ---- snapshots ----

    /** The latest snapshot, with its data (the bootstrap snapshot at index 0 has no data). */
    Snapshot snapshot() {
        return new Snapshot(snapshot, snapshotData);
    }

    /**
     * Installs a snapshot received from the leader (thesis §5.3): keeps the entries after it if our entry
     * at its index has its term, otherwise discards the whole log. Precondition: the snapshot is ahead
     * of the commit index.
     *
     * @return true if the log suffix was kept
     */
    boolean install(Snapshot received) {
        SnapshotMetadata meta = received.metadata();
        if (meta.index() <= committed) {
            throw new IllegalStateException("snapshot " + meta.index() + " is not ahead of commit index " + committed);
        }
        boolean keep = matchTerm(meta.index(), meta.term());
        if (keep) {
            entries.subList(0, (int) (meta.index() - firstIndex() + 1)).clear();
            configEntries.headMap(meta.index(), true).clear();
            handedOut = Math.max(handedOut, meta.index());
        } else {
            entries.clear();
            configEntries.clear();
            handedOut = meta.index();
            persisted = Math.min(persisted, meta.index());
        }
        snapshot = meta;
        snapshotData = received.data();
        committed = meta.index();
        applying = meta.index();
        pendingInstall = received;
        return keep;
    }

    /**
     * Forgets the entries up to {@code compacted.index()}, which a durable snapshot now covers (local
     * log compaction, thesis §5.1). The snapshot must cover only applied-and-durable entries.
     */
    void compact(Snapshot compacted) {
        SnapshotMetadata meta = compacted.metadata();
        if (meta.index() <= snapshot.index()) {
            return;
        }
        if (meta.index() > applying || meta.index() > persisted) {
            throw new IllegalArgumentException("cannot compact to " + meta.index() + ": applying " + applying
                    + ", persisted " + persisted);
        }
        if (!matchTerm(meta.index(), meta.term())) {
            throw new IllegalArgumentException("snapshot term " + meta.term() + " differs from the log's at " + meta.index());
        }
        if (!configurationAt(meta.index()).equals(meta.configuration())) {
            throw new IllegalArgumentException("snapshot configuration differs from the log's at " + meta.index());
        }
        entries.subList(0, (int) (meta.index() - firstIndex() + 1)).clear();
        configEntries.headMap(meta.index(), true).clear();
        snapshot = meta;
        snapshotData = compacted.data();
    }

    // ---- hand-out bookkeeping for Ready/advance ----

    boolean hasUnpersisted() {
        return handedOut < lastIndex();
    }

    /** Entries not yet handed out for persisting; marks them handed out. */
    List<LogEntry> takeUnpersisted() {
        if (!hasUnpersisted()) {
            return List.of();
        }
        List<LogEntry> out = List.copyOf(entries.subList((int) (handedOut + 1 - firstIndex()), entries.size()));
        handedOut = lastIndex();
        return out;
    }

    /** Highest index that may be applied: committed and locally durable. */
    private long appliableIndex() {
        return Math.min(committed, Math.max(persisted, snapshot.index()));
    }

    boolean hasCommittedToApply() {
        return applying < appliableIndex();
    }

    /** Committed, durable entries not yet handed out for applying; marks them handed out. */
    List<LogEntry> takeCommittedToApply() {
        long upTo = appliableIndex();
        if (applying >= upTo) {
            return List.of();
        }
        List<LogEntry> out = List.copyOf(entries.subList((int) (applying + 1 - firstIndex()), (int) (upTo + 1 - firstIndex())));
        applying = upTo;
        return out;
    }

    boolean hasPendingInstall() {
        return pendingInstall != null;
    }

    Snapshot takePendingInstall() {
        Snapshot out = pendingInstall;
        pendingInstall = null;
        return out;
    }

    /**
     * The driver made the entries of a Ready durable, the last being {@code index}/{@code term}. Ignored
     * if that entry is no longer in the log (it was replaced after being handed out).
     */
    void persistedTo(long index, long term) {
        if (index <= persisted || !matchTerm(index, term)) {
            return;
        }
        if (index > handedOut) {
            throw new IllegalStateException("persisted " + index + " beyond handed out " + handedOut);
        }
        persisted = index;
    }

    /** The driver made a snapshot installed from the leader durable. */
    void snapshotPersisted(long index) {
        if (index == snapshot.index()) {
            persisted = Math.max(persisted, index);
        }
    }
}

package dev.vaylix.raft.sim;

import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.PersistentState;
import dev.vaylix.raft.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated disk holding one node's hard state, snapshot and log, with the failure model of a real
 * one: writes are buffered until {@link #sync()}; a {@link #crash} keeps a random prefix of the
 * unsynced writes (a torn tail: later writes lost, each write atomic as the LogStore contract
 * promises) and loses the rest. Acknowledged (synced) state always survives.
 */
final class SimDisk {

    /** One unsynced write, applied to the durable image in order. */
    private sealed interface Write {
        record Append(List<LogEntry> entries, HardState hardState) implements Write {
        }

        record SaveSnapshot(Snapshot snapshot) implements Write {
        }

        /** After a snapshot from the leader: keep the log suffix iff the term at the snapshot index matches. */
        record InstallLog(long index, long term) implements Write {
        }

        record Compact(long index, long term) implements Write {
        }
    }

    private HardState hardState;
    private Snapshot snapshot;
    /** Log entries after the compaction point {@code logStart}/{@code logStartTerm}. */
    private final ArrayList<LogEntry> log = new ArrayList<>();
    private long logStart;
    private long logStartTerm;
    private final List<Write> unsynced = new ArrayList<>();
    private long syncs;

    SimDisk(PersistentState initial) {
        hardState = initial.hardState();
        snapshot = initial.snapshot();
        logStart = snapshot.index();
        logStartTerm = snapshot.term();
        log.addAll(initial.entries());
    }

    void append(List<LogEntry> entries, HardState newHardState) {
        if (!entries.isEmpty() || newHardState != null) {
            unsynced.add(new Write.Append(List.copyOf(entries), newHardState));
        }
    }

    void installSnapshot(Snapshot installed) {
        unsynced.add(new Write.SaveSnapshot(installed));
        unsynced.add(new Write.InstallLog(installed.index(), installed.term()));
    }

    void saveSnapshotAndCompact(Snapshot taken) {
        unsynced.add(new Write.SaveSnapshot(taken));
        unsynced.add(new Write.Compact(taken.index(), taken.term()));
    }

    boolean hasUnsynced() {
        return !unsynced.isEmpty();
    }

    /** Makes every buffered write durable (one fsync). */
    void sync() {
        for (Write write : unsynced) {
            apply(write);
        }
        unsynced.clear();
        syncs++;
    }

    /** Power loss: a random prefix of the unsynced writes reached the platter, the rest did not. */
    int crash(SplittableRandom random) {
        int kept = unsynced.isEmpty() ? 0 : random.nextInt(unsynced.size() + 1);
        for (int i = 0; i < kept; i++) {
            apply(unsynced.get(i));
        }
        int lost = unsynced.size() - kept;
        unsynced.clear();
        return lost;
    }

    private void apply(Write write) {
        switch (write) {
            case Write.Append append -> {
                if (!append.entries().isEmpty()) {
                    long first = append.entries().getFirst().index();
                    if (first <= logStart || first > lastIndex() + 1) {
                        throw new IllegalStateException("append at " + first + " outside (" + logStart + ", "
                                + (lastIndex() + 1) + "]");
                    }
                    log.subList((int) (first - logStart - 1), log.size()).clear();
                    log.addAll(append.entries());
                }
                if (append.hardState() != null) {
                    hardState = append.hardState();
                }
            }
            case Write.SaveSnapshot save -> {
                if (save.snapshot().index() > snapshot.index()) {
                    snapshot = save.snapshot();
                }
            }
            case Write.InstallLog install -> {
                if (termAt(install.index()) == install.term()) {
                    dropUpTo(install.index());
                } else {
                    log.clear();
                    logStart = install.index();
                    logStartTerm = install.term();
                }
            }
            case Write.Compact compact -> {
                if (termAt(compact.index()) != compact.term()) {
                    throw new IllegalStateException("compacting at " + compact.index() + " with a foreign term");
                }
                dropUpTo(compact.index());
            }
        }
    }

    private void dropUpTo(long index) {
        if (index <= logStart) {
            return;
        }
        long term = termAt(index);
        log.subList(0, (int) (index - logStart)).clear();
        logStart = index;
        logStartTerm = term;
    }

    private long lastIndex() {
        return logStart + log.size();
    }

    /** Term of the durable entry at {@code index}, or -1 if not held. */
    long termAt(long index) {
        if (index == logStart) {
            return logStartTerm;
        }
        if (index < logStart || index > lastIndex()) {
            return -1;
        }
        return log.get((int) (index - logStart - 1)).term();
    }

    /** The durable entry at {@code index}, or null. */
    LogEntry entryAt(long index) {
        if (index <= logStart || index > lastIndex()) {
            return null;
        }
        return log.get((int) (index - logStart - 1));
    }

    long snapshotIndex() {
        return snapshot.index();
    }

    long syncs() {
        return syncs;
    }

    /**
     * What a restarting node recovers: the snapshot, then the log entries after it — all of them if the
     * log agrees with the snapshot at its index, none otherwise (the same rule as a snapshot install).
     * The state machine restarts from the snapshot.
     */
    PersistentState recover() {
        // Finish an install that a crash interrupted between saving the snapshot and fixing the log: the
        // log must continue the snapshot, or be emptied (the same rule as installing it).
        apply(new Write.InstallLog(snapshot.index(), snapshot.term()));
        List<LogEntry> after = new ArrayList<>();
        long s = snapshot.index();
        for (long index = s + 1; index <= lastIndex(); index++) {
            after.add(entryAt(index));
        }
        long last = s + after.size();
        HardState recovered = new HardState(hardState.term(), hardState.votedFor(),
                Math.min(Math.max(hardState.commitIndex(), s), last));
        return new PersistentState(recovered, snapshot, after, s);
    }
}

package dev.vaylix.raft.driver;

import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.AckWatermarks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Proposals appended to the leader's log and waiting for their outcome. Updated by the Raft loop
 * (registration, watermarks, leadership changes) and by the apply thread (results); futures are
 * completed outside the lock so callbacks cannot deadlock the driver.
 *
 * <p>Rules (DESIGN.md §4 "Errors"): a proposal whose entry was applied gets the state machine's result
 * ({@code all} mode also waits until every voter stores it); a proposal whose index was taken by another
 * entry is {@code SUPERSEDED} (definitely failed); any proposal still open when this node stops leading
 * its term is {@code Unknown} — never a failure, since the entry may still commit.
 */
final class ProposalTracker<R> {

    private static final class Pending<R> {
        final long index;
        final long term;
        final WriteAckMode mode;
        final CompletableFuture<ProposalOutcome<R>> future;
        boolean applied;
        R result;
        boolean allDurable;

        Pending(long index, long term, WriteAckMode mode, CompletableFuture<ProposalOutcome<R>> future) {
            this.index = index;
            this.term = term;
            this.mode = mode;
            this.future = future;
        }
    }

    private final TreeMap<Long, Pending<R>> pending = new TreeMap<>();

    void register(long index, long term, WriteAckMode mode, CompletableFuture<ProposalOutcome<R>> future) {
        synchronized (this) {
            Pending<R> previous = pending.put(index, new Pending<>(index, term, mode, future));
            if (previous != null) {
                throw new IllegalStateException("two proposals registered at index " + index);
            }
        }
    }

    /** The apply thread applied {@code entry} with {@code result}. */
    void applied(LogEntry entry, R result) {
        List<Runnable> completions = new ArrayList<>(1);
        synchronized (this) {
            Pending<R> p = pending.get(entry.index());
            if (p == null) {
                return;
            }
            if (p.term != entry.term()) {
                pending.remove(entry.index());
                completions.add(() -> p.future.complete(new ProposalOutcome.Rejected<>(
                        ProposalOutcome.Reason.SUPERSEDED, "", "index " + entry.index() + " holds an entry of term "
                        + entry.term())));
            } else {
                p.applied = true;
                p.result = result;
                maybeComplete(p, completions);
            }
        }
        completions.forEach(Runnable::run);
    }

    /** A leader's watermarks moved: local and all-voters durability. */
    void watermarks(AckWatermarks watermarks) {
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            long upTo = Math.max(watermarks.localDurableIndex(), watermarks.allVotersDurableIndex());
            for (Pending<R> p : List.copyOf(pending.headMap(upTo, true).values())) {
                if (p.term != watermarks.term()) {
                    continue;
                }
                if (p.index <= watermarks.allVotersDurableIndex()) {
                    p.allDurable = true;
                }
                if (p.mode != WriteAckMode.LOCAL || p.index <= watermarks.localDurableIndex()) {
                    maybeComplete(p, completions);
                }
            }
        }
        completions.forEach(Runnable::run);
    }

    private void maybeComplete(Pending<R> p, List<Runnable> completions) {
        ProposalOutcome<R> outcome = switch (p.mode) {
            case MAJORITY -> p.applied ? new ProposalOutcome.Applied<>(p.index, p.term, p.result) : null;
            case ALL -> p.applied && p.allDurable ? new ProposalOutcome.Applied<>(p.index, p.term, p.result) : null;
            // Local mode answers as soon as the leader's own disk holds the entry (watermarks); if the entry
            // was applied first, that implies it too (only durable entries are applied).
            case LOCAL -> new ProposalOutcome.LocallyDurable<>(p.index, p.term);
        };
        if (outcome != null) {
            pending.remove(p.index);
            completions.add(() -> p.future.complete(outcome));
        }
    }

    /** This node no longer leads {@code term} (or any term): open proposals end as Unknown. */
    void leadershipLost(long currentTerm, boolean leader, String reason) {
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<Long, Pending<R>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Pending<R> p = it.next().getValue();
                if (!leader || p.term != currentTerm) {
                    it.remove();
                    completions.add(() -> p.future.complete(new ProposalOutcome.Unknown<>(p.index, p.term, reason)));
                }
            }
        }
        completions.forEach(Runnable::run);
    }

    int size() {
        synchronized (this) {
            return pending.size();
        }
    }
}

package dev.vaylix.raft.driver;

import dev.vaylix.api.Clock;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.raft.Ready;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.raft.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The persistence thread: makes Readys durable in order, with group commit — every Ready waiting when
 * the thread comes round is merged into one {@link LogStore#append} (one fsync) — then releases their
 * held-back messages and tells the Raft loop. The leader's own appends are written here while its
 * AppendEntries are already on the wire (thesis §10.2.1).
 *
 * <p>A batch that changes nothing but the commit index is not written at once: the commit index is
 * persisted only as an optimisation (docs/RAFT.md "State"; recovery clamps it to the log), and the core
 * needs only the term and the vote durable. Writing it alone cost a whole fsync after nearly every
 * append (each append lets the commit index advance, and that change arrived when the next proposals
 * had not yet), which the next real batch then waited behind. It now rides with the next append, or is
 * written once the thread has had nothing to do for {@code idleFlushNanos}, so the on-disk commit index
 * trails the log by at most one batch under load and catches up shortly after it.
 */
final class PersistLoop implements Runnable {

    sealed interface Job {
        record Persist(Ready ready) implements Job {
        }

        /**
         * Let the log drop what {@code snapshot} covers, now that the snapshot thread stored it durably; then
         * {@code requests} complete with its index.
         */
        record Compact(Snapshot snapshot, List<CompletableFuture<Long>> requests) implements Job {
        }

        record Stop() implements Job {
        }
    }

    private final BlockingQueue<Job> queue;
    private final int groupCommitMaxReadys;
    private final LogStore log;
    private final SnapshotStore snapshots;
    private final Object storeLock;
    private final PeerTransport transport;
    private final Clock clock;
    private final Consumer<LoopEvent> loop;
    private final long idleFlushNanos;
    /** The hard state last written to the log. */
    private HardState durableHardState;
    /** A newer hard state that differs from {@link #durableHardState} only in its commit index; null if none. */
    private HardState deferredHardState;
    // Statistics: written by the persistence thread only, read by any thread.
    private volatile long fsyncs;
    private volatile long entriesAppended;
    private volatile long readysPersisted;
    private volatile long appendNanosTotal;
    private volatile long appendNanosMax;
    private volatile int appendEntriesMax;

    /**
     * @param idleFlushNanos how long a commit index that changed alone may wait for the next append before it is
     *                       written on its own
     * @param storeLock      held while writing to {@code snapshots}, which the snapshot thread writes too
     */
    PersistLoop(int capacity, int groupCommitMaxReadys, long idleFlushNanos, LogStore log, SnapshotStore snapshots,
                Object storeLock, PeerTransport transport, Clock clock, Consumer<LoopEvent> loop) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.groupCommitMaxReadys = groupCommitMaxReadys;
        this.log = log;
        this.snapshots = snapshots;
        this.storeLock = storeLock;
        this.transport = transport;
        this.clock = clock;
        this.loop = loop;
        this.idleFlushNanos = idleFlushNanos;
        this.durableHardState = log.hardState();
    }

    /** Queues a job, blocking while the queue is full (back pressure on the Raft loop). */
    void submit(Job job) throws InterruptedException {
        queue.put(job);
    }

    /** Durable appends performed so far (each is one fsync under {@code SyncPolicy.SYNC}). */
    long appends() {
        return fsyncs;
    }

    /**
     * The driver's statistics with this thread's group-commit counters and the given others. Any thread; the values
     * are read one by one.
     */
    DriverStats stats(long reads, int proposalsInFlight) {
        return new DriverStats(fsyncs, entriesAppended, readysPersisted, appendNanosTotal, appendNanosMax, appendEntriesMax,
                reads, proposalsInFlight);
    }

    @Override
    public void run() {
        try {
            List<Job> jobs = new ArrayList<>();
            while (true) {
                jobs.clear();
                Job first = deferredHardState == null ? queue.take() : queue.poll(idleFlushNanos, TimeUnit.NANOSECONDS);
                if (first == null) {
                    flush(new ArrayList<>(), null, false); // idle: the deferred commit index goes to disk now
                    continue;
                }
                jobs.add(first);
                queue.drainTo(jobs, groupCommitMaxReadys - 1);
                if (!persist(jobs)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // DESIGN.md §4: an fsync error is fatal; never retry. The node must restart and recover.
            loop.accept(new LoopEvent.Fatal("persist", e));
            discardUntilStop();
        }
    }

    /** After a fatal error: keep taking (and dropping) jobs so the Raft loop never blocks on a full queue. */
    private void discardUntilStop() {
        try {
            Job job;
            while (!((job = queue.take()) instanceof Job.Stop)) {
                // dropped: nothing more is persisted, and nothing held back is ever sent
                if (job instanceof Job.Compact compact) {
                    compact.requests().forEach(request -> request.completeExceptionally(
                            new IllegalStateException("the log failed; not compacted")));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Persists one batch; returns false once a Stop was seen. */
    private boolean persist(List<Job> jobs) {
        List<LogEntry> merged = new ArrayList<>();
        HardState hardState = null;
        List<Ready> persisted = new ArrayList<>();
        for (Job job : jobs) {
            switch (job) {
                case Job.Persist persist -> {
                    Ready ready = persist.ready();
                    if (ready.snapshot().isPresent()) {
                        hardState = flush(merged, hardState, false);
                        install(ready.snapshot().get());
                    }
                    merge(merged, ready.entries());
                    if (ready.hardState().isPresent()) {
                        hardState = ready.hardState().get();
                    }
                    persisted.add(ready);
                }
                case Job.Compact compact -> {
                    // Entries up to the snapshot are applied, hence already durable: no flush needed before.
                    Snapshot snapshot = compact.snapshot();
                    log.compact(snapshot.index(), snapshot.term());
                    loop.accept(new LoopEvent.Compacted(snapshot));
                    compact.requests().forEach(request -> request.complete(snapshot.index()));
                }
                case Job.Stop _ -> {
                    flush(merged, hardState, false);
                    release(persisted);
                    return false;
                }
            }
        }
        flush(merged, hardState, true);
        release(persisted);
        return true;
    }

    /** Adds {@code entries} to the batch; a later Ready that starts lower replaces the batch's suffix. */
    private static void merge(List<LogEntry> merged, List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long first = entries.getFirst().index();
        if (!merged.isEmpty()) {
            long mergedFirst = merged.getFirst().index();
            long mergedLast = merged.getLast().index();
            if (first > mergedLast + 1) {
                throw new IllegalStateException("Ready entries start at " + first + " after a batch ending at " + mergedLast);
            }
            if (first <= mergedFirst) {
                merged.clear();
            } else {
                merged.subList((int) (first - mergedFirst), merged.size()).clear();
            }
        }
        merged.addAll(entries);
    }

    /**
     * Appends the batch with its hard state (or the deferred one) as one durable unit; returns null (the batch is
     * empty again). With {@code mayDefer}, a batch with no entries whose hard state differs from the durable one only
     * in the commit index is not written but deferred (see the class comment).
     */
    private HardState flush(List<LogEntry> merged, HardState hardState, boolean mayDefer) {
        HardState newest = hardState != null ? hardState : deferredHardState;
        if (merged.isEmpty() && newest == null) {
            return null;
        }
        if (merged.isEmpty() && mayDefer && onlyCommitIndexChanged(newest)) {
            deferredHardState = newest;
            return null;
        }
        HardState effective = newest != null ? newest : durableHardState;
        long startNanos = clock.monotonicNanos();
        log.append(List.copyOf(merged), effective);
        long nanos = clock.monotonicNanos() - startNanos;
        fsyncs++;
        entriesAppended += merged.size();
        appendNanosTotal += nanos;
        appendNanosMax = Math.max(appendNanosMax, nanos);
        appendEntriesMax = Math.max(appendEntriesMax, merged.size());
        durableHardState = effective;
        deferredHardState = null;
        merged.clear();
        return null;
    }

    /** True if {@code hardState} keeps the durable term and vote: only the commit index (volatile state) moved. */
    private boolean onlyCommitIndexChanged(HardState hardState) {
        return hardState.term() == durableHardState.term() && hardState.votedFor().equals(durableHardState.votedFor());
    }

    /**
     * A snapshot from the leader (thesis §5.3): store it, then keep the log after it only if the log agrees
     * with it at its index, else empty the log. Recovery applies the same rule, so a crash between the two
     * steps is harmless.
     */
    private void install(Snapshot snapshot) {
        synchronized (storeLock) {
            snapshots.write(snapshot.index(), snapshot.term(), ConfigurationCodec.encode(snapshot.metadata().configuration()),
                    clock.wallTimeMs(), snapshot.data());
        }
        long first = log.firstIndex();
        long last = log.lastIndex();
        boolean agrees = snapshot.index() >= first - 1 && snapshot.index() <= last
                && log.term(snapshot.index()) == snapshot.term();
        if (!agrees && first <= last) {
            log.truncateSuffix(first);
        }
        log.compact(snapshot.index(), snapshot.term());
    }

    private void release(List<Ready> persisted) {
        readysPersisted += persisted.size();
        for (Ready ready : persisted) {
            for (Message message : ready.messagesAfterPersist()) {
                transport.send(message);
            }
            loop.accept(new LoopEvent.Persisted(ready));
        }
    }
}

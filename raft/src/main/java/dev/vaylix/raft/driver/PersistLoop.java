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
import java.util.function.Consumer;

/**
 * The persistence thread: makes Readys durable in order, with group commit — every Ready waiting when
 * the thread comes round is merged into one {@link LogStore#append} (one fsync) — then releases their
 * held-back messages and tells the Raft loop. The leader's own appends are written here while its
 * AppendEntries are already on the wire (thesis §10.2.1).
 */
final class PersistLoop implements Runnable {

    sealed interface Job {
        record Persist(Ready ready) implements Job {
        }

        /**
         * Store a snapshot this node took, then let the log drop what it covers; {@code done} completes with
         * the snapshot's index once both are durable.
         */
        record SaveSnapshot(Snapshot snapshot, CompletableFuture<Long> done) implements Job {
        }

        record Stop() implements Job {
        }
    }

    private final BlockingQueue<Job> queue;
    private final int groupCommitMaxReadys;
    private final LogStore log;
    private final SnapshotStore snapshots;
    private final PeerTransport transport;
    private final Clock clock;
    private final Consumer<LoopEvent> loop;
    private HardState lastHardState;
    private volatile long fsyncs;

    PersistLoop(int capacity, int groupCommitMaxReadys, LogStore log, SnapshotStore snapshots, PeerTransport transport,
                Clock clock, Consumer<LoopEvent> loop) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.groupCommitMaxReadys = groupCommitMaxReadys;
        this.log = log;
        this.snapshots = snapshots;
        this.transport = transport;
        this.clock = clock;
        this.loop = loop;
        this.lastHardState = log.hardState();
    }

    /** Queues a job, blocking while the queue is full (back pressure on the Raft loop). */
    void submit(Job job) throws InterruptedException {
        queue.put(job);
    }

    /** Durable appends performed so far (each is one fsync under {@code SyncPolicy.SYNC}). */
    long appends() {
        return fsyncs;
    }

    @Override
    public void run() {
        try {
            List<Job> jobs = new ArrayList<>();
            while (true) {
                jobs.clear();
                jobs.add(queue.take());
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
            while (!(queue.take() instanceof Job.Stop)) {
                // dropped: nothing more is persisted, and nothing held back is ever sent
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
                        hardState = flush(merged, hardState);
                        install(ready.snapshot().get());
                    }
                    merge(merged, ready.entries());
                    if (ready.hardState().isPresent()) {
                        hardState = ready.hardState().get();
                    }
                    persisted.add(ready);
                }
                case Job.SaveSnapshot save -> {
                    hardState = flush(merged, hardState);
                    Snapshot snapshot = save.snapshot();
                    write(snapshot);
                    log.compact(snapshot.index(), snapshot.term());
                    loop.accept(new LoopEvent.Compacted(snapshot));
                    save.done().complete(snapshot.index());
                }
                case Job.Stop _ -> {
                    flush(merged, hardState);
                    release(persisted);
                    return false;
                }
            }
        }
        flush(merged, hardState);
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

    /** Appends the batch with its hard state as one durable unit; returns null (the batch is empty again). */
    private HardState flush(List<LogEntry> merged, HardState hardState) {
        if (merged.isEmpty() && hardState == null) {
            return null;
        }
        HardState effective = hardState != null ? hardState : lastHardState;
        log.append(List.copyOf(merged), effective);
        fsyncs++;
        lastHardState = effective;
        merged.clear();
        return null;
    }

    /**
     * A snapshot from the leader (thesis §5.3): store it, then keep the log after it only if the log agrees
     * with it at its index, else empty the log. Recovery applies the same rule, so a crash between the two
     * steps is harmless.
     */
    private void install(Snapshot snapshot) {
        write(snapshot);
        long first = log.firstIndex();
        long last = log.lastIndex();
        boolean agrees = snapshot.index() >= first - 1 && snapshot.index() <= last
                && log.term(snapshot.index()) == snapshot.term();
        if (!agrees && first <= last) {
            log.truncateSuffix(first);
        }
        log.compact(snapshot.index(), snapshot.term());
    }

    private void write(Snapshot snapshot) {
        snapshots.write(snapshot.index(), snapshot.term(),
                ConfigurationCodec.encode(snapshot.metadata().configuration()), clock.wallTimeMs(), snapshot.data());
    }

    private void release(List<Ready> persisted) {
        for (Ready ready : persisted) {
            for (Message message : ready.messagesAfterPersist()) {
                transport.send(message);
            }
            loop.accept(new LoopEvent.Persisted(ready));
        }
    }
}

package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The apply thread: hands committed entries to the state machine in index order, completes the
 * proposals with its results, completes linearizable reads once the applied index reaches their read
 * index (thesis §6.4), and takes a snapshot every {@code snapshotIntervalEntries}. Kept free of I/O.
 */
final class ApplyLoop<R> implements Runnable {

    sealed interface Job {
        record Apply(List<LogEntry> entries) implements Job {
        }

        record Restore(Snapshot snapshot) implements Job {
        }

        record AwaitRead(long readIndex, CompletableFuture<ReadOutcome> future) implements Job {
        }

        /** Snapshot the state machine now (the application asked, {@link RaftDriver#snapshotNow}). */
        record TakeSnapshot(CompletableFuture<Long> done) implements Job {
        }

        record Stop() implements Job {
        }
    }

    private final BlockingQueue<Job> queue;
    private final StateMachine<R> stateMachine;
    private final ProposalTracker<R> proposals;
    private final long snapshotIntervalEntries;
    private final Consumer<LoopEvent> loop;
    /** Reads waiting for the applied index to reach their read index, by read index. */
    private final TreeMap<Long, List<CompletableFuture<ReadOutcome>>> reads = new TreeMap<>();
    private long lastSnapshotIndex;

    ApplyLoop(int capacity, StateMachine<R> stateMachine, ProposalTracker<R> proposals, long snapshotIntervalEntries,
              long snapshotIndex, Consumer<LoopEvent> loop) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.stateMachine = stateMachine;
        this.proposals = proposals;
        this.snapshotIntervalEntries = snapshotIntervalEntries;
        this.lastSnapshotIndex = snapshotIndex;
        this.loop = loop;
    }

    void submit(Job job) throws InterruptedException {
        queue.put(job);
    }

    @Override
    public void run() {
        try {
            while (true) {
                Job job = queue.take();
                switch (job) {
                    case Job.Apply apply -> apply(apply.entries());
                    case Job.Restore restore -> {
                        Snapshot snapshot = restore.snapshot();
                        stateMachine.restore(snapshot.index(), snapshot.data());
                        lastSnapshotIndex = snapshot.index();
                        completeReads();
                    }
                    case Job.AwaitRead read -> {
                        reads.computeIfAbsent(read.readIndex(), _ -> new ArrayList<>()).add(read.future());
                        completeReads();
                    }
                    case Job.TakeSnapshot take -> takeSnapshot(take.done());
                    case Job.Stop _ -> {
                        failReads("driver stopped");
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failReads("state machine failed");
            loop.accept(new LoopEvent.Fatal("apply", e));
            discardUntilStop();
        }
    }

    /** After a fatal error: keep taking (and failing) jobs so the Raft loop never blocks on a full queue. */
    private void discardUntilStop() {
        try {
            Job job;
            while (!((job = queue.take()) instanceof Job.Stop)) {
                if (job instanceof Job.AwaitRead read) {
                    read.future().complete(new ReadOutcome.Failed(null, "state machine failed"));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            long applied = stateMachine.appliedIndex();
            if (entry.index() <= applied) {
                continue; // already in the state machine (restored from a snapshot that covers it)
            }
            if (entry.index() != applied + 1) {
                throw new IllegalStateException("apply " + entry.index() + " after " + applied + ": a gap");
            }
            R result = stateMachine.apply(entry);
            proposals.applied(entry, result);
        }
        completeReads();
        if (stateMachine.appliedIndex() - lastSnapshotIndex >= snapshotIntervalEntries) {
            takeSnapshot(new CompletableFuture<>());
        }
    }

    /** Hands a snapshot of the state as applied now to the Raft loop, which stores it unless one covers it already. */
    private void takeSnapshot(CompletableFuture<Long> done) {
        long applied = stateMachine.appliedIndex();
        lastSnapshotIndex = Math.max(lastSnapshotIndex, applied);
        loop.accept(new LoopEvent.SnapshotTaken(applied, applied > 0 ? stateMachine.snapshot() : Bytes.EMPTY, done));
    }

    private void completeReads() {
        long applied = stateMachine.appliedIndex();
        while (!reads.isEmpty() && reads.firstKey() <= applied) {
            Map.Entry<Long, List<CompletableFuture<ReadOutcome>>> ready = reads.pollFirstEntry();
            for (CompletableFuture<ReadOutcome> future : ready.getValue()) {
                future.complete(new ReadOutcome.Ready(ready.getKey()));
            }
        }
    }

    private void failReads(String detail) {
        for (List<CompletableFuture<ReadOutcome>> futures : reads.values()) {
            for (CompletableFuture<ReadOutcome> future : futures) {
                future.complete(new ReadOutcome.Failed(null, detail));
            }
        }
        reads.clear();
    }
}

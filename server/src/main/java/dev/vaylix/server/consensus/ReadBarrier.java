package dev.vaylix.server.consensus;

import dev.vaylix.raft.driver.ReadOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Shares ReadIndex rounds (thesis §6.4) among concurrent readers: at most one driver read is in
 * flight; readers arriving meanwhile join the next one, which is issued as soon as the current one
 * completes. A reader is only ever given a read index requested <em>after</em> it arrived, which is
 * what linearizability needs; batching just means one round serves many readers.
 *
 * <p>The returned futures are completed on driver threads: callers wait on them (a virtual thread
 * parks) and must not attach synchronous stages, which would run on the driver's apply thread.
 * Thread-safe.
 */
final class ReadBarrier {

    private final Supplier<CompletableFuture<ReadOutcome>> driverRead;
    /** Issued to the driver and not completed yet; null when idle. */
    private CompletableFuture<ReadOutcome> inFlight;
    /** Readers that arrived while {@link #inFlight} was out; issued when it completes. */
    private CompletableFuture<ReadOutcome> next;

    ReadBarrier(Supplier<CompletableFuture<ReadOutcome>> driverRead) {
        this.driverRead = driverRead;
    }

    /** A barrier that completes once a read index requested after this call has been applied. */
    CompletableFuture<ReadOutcome> await() {
        CompletableFuture<ReadOutcome> batch;
        synchronized (this) {
            if (inFlight != null) {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                return next;
            }
            inFlight = new CompletableFuture<>();
            batch = inFlight;
        }
        issue(batch);
        return batch;
    }

    private void issue(CompletableFuture<ReadOutcome> batch) {
        driverRead.get().whenComplete((outcome, error) -> {
            CompletableFuture<ReadOutcome> following;
            synchronized (this) {
                following = next;
                next = null;
                inFlight = following;
            }
            batch.complete(outcome != null ? outcome
                    : new ReadOutcome.Failed(null, "read failed: " + error));
            if (following != null) {
                issue(following);
            }
        });
    }
}

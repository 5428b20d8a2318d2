package dev.vaylix.server.runtime;

import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.config.StorageConfig;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.exec.Writes;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's background work, on one timer thread:
 * <ul>
 *   <li>periodic snapshots ({@code --snapshot-interval-seconds}, first one interval after start): a real
 *       snapshot and log compaction, as SAVE;</li>
 *   <li>the expiration sweeper ({@code --expiration-sweep-interval-seconds}): proposes
 *       {@link WriteBatch.PurgeExpired} so that expired keys are removed through the log, on every replica
 *       alike, even when nothing else is written;</li>
 *   <li>a watchdog: a driver that stopped on a fatal error (an fsync failure, a corrupt entry) must not
 *       leave a server that answers every request with an error; the process exits and recovers from the
 *       log when restarted.</li>
 * </ul>
 */
final class PeriodicTasks implements AutoCloseable {

    static final long WATCHDOG_INTERVAL_MS = 200;
    static final long TASK_TIMEOUT_MS = 120_000;

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTasks.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vaylix-timer").daemon().factory());
    private final ConsensusNode consensus;
    private final Writes writes;
    private final ServerMetrics metrics;

    PeriodicTasks(ConsensusNode consensus, Writes writes, ServerMetrics metrics) {
        this.consensus = consensus;
        this.writes = writes;
        this.metrics = metrics;
    }

    /** @param onFatal called once, on the timer thread, with the error that stopped the driver */
    void start(StorageConfig storage, Consumer<Throwable> onFatal) {
        storage.snapshotIntervalSeconds().ifPresent(seconds ->
                timer.scheduleWithFixedDelay(this::snapshot, seconds, seconds, TimeUnit.SECONDS));
        storage.expirationSweepIntervalSeconds().ifPresent(seconds ->
                timer.scheduleWithFixedDelay(this::sweep, seconds, seconds, TimeUnit.SECONDS));
        boolean[] reported = {false};
        timer.scheduleWithFixedDelay(() -> consensus.failure().ifPresent(error -> {
            if (!reported[0]) {
                reported[0] = true;
                onFatal.accept(error);
            }
        }), WATCHDOG_INTERVAL_MS, WATCHDOG_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void snapshot() {
        if (!consensus.isLeader()) {
            return;
        }
        try {
            long index = await(consensus.snapshotNow());
            LOG.info("event=periodic_snapshot index={}", index);
        } catch (Exception e) {
            LOG.warn("event=periodic_snapshot_failed error={}", e.toString());
        }
    }

    private void sweep() {
        if (!consensus.isLeader()) {
            return; // a follower's keys are purged by the leader's entries
        }
        Reply reply = writes.propose(new WriteBatch.PurgeExpired()).await();
        if (reply instanceof Reply.Count(long removed)) {
            metrics.increment(Metric.EXPIRATION_SWEEP);
            metrics.add(Metric.EXPIRED_KEY_REMOVED, removed);
            if (removed > 0) {
                LOG.debug("event=expiration_sweep removed={}", removed);
            }
        } else {
            LOG.warn("event=expiration_sweep_failed reply={}", reply);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TASK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + TASK_TIMEOUT_MS + " ms", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

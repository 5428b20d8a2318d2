package dev.vaylix.server.audit;

/**
 * Bounds and durability of a {@link FileAuditLog}.
 *
 * @param queueCapacity  events waiting for the writer; when full, {@link AuditSink#record} drops the
 *                       event (counted, and marked in the chain) instead of blocking a request thread
 * @param batchEventsMax events written with one write and one fsync, at most
 * @param syncIntervalMs 0: fsync after every batch (group commit: the batch is whatever queued up
 *                       during the previous fsync); otherwise at most one fsync per interval, and
 *                       within the interval after the last write
 * @param closeTimeoutMs how long {@link AuditSink#close} waits for the writer to drain the queue
 */
public record AuditLogOptions(int queueCapacity, int batchEventsMax, long syncIntervalMs, long closeTimeoutMs) {

    /** 4096 queued events (at most a few MiB: strings are bounded), batches of 256, fsync per batch, 10 s to close. */
    public static final AuditLogOptions DEFAULTS = new AuditLogOptions(4096, 256, 0, 10_000);

    public AuditLogOptions {
        if (queueCapacity < 1 || batchEventsMax < 1) {
            throw new IllegalArgumentException("queue capacity and batch size are at least 1");
        }
        if (syncIntervalMs < 0 || closeTimeoutMs < 1) {
            throw new IllegalArgumentException("sync interval is non-negative and close timeout positive");
        }
    }

    public AuditLogOptions withQueueCapacity(int value) {
        return new AuditLogOptions(value, batchEventsMax, syncIntervalMs, closeTimeoutMs);
    }

    public AuditLogOptions withSyncIntervalMs(long value) {
        return new AuditLogOptions(queueCapacity, batchEventsMax, value, closeTimeoutMs);
    }
}

package dev.vaylix.server.audit;

/**
 * Where the server sends audit events (STORAGE.md §12). The runtime calls {@link #record} for
 * every event §12.2 lists, building events with the {@link AuditEvent} factories;
 * {@link FileAuditLog} is the implementation behind {@code --audit-log-path}.
 *
 * <p>Thread-safety: every method may be called from any thread, concurrently.
 */
public interface AuditSink extends AutoCloseable {

    /**
     * Hands {@code event} to the log, stamped with the current wall-clock time. Never blocks on I/O
     * and never throws for an I/O problem, so a slow or failing disk cannot stall request threads:
     * an event that cannot be queued is counted in {@link AuditHealth#lost()} (and, if the log is
     * still writing, recorded in the chain as an {@code audit_events_lost} marker). Events are written
     * in the order of the calls that returned.
     *
     * <p>Call it after the request's outcome is known ({@code status}, {@code error_code},
     * {@code latency_ms} and the identity after the command are part of the event).
     */
    void record(AuditEvent event);

    /** Counters and failure state; cheap, any thread. */
    AuditHealth health();

    /**
     * Writes and fsyncs everything queued, then releases the file. Events recorded afterwards are
     * counted as lost. Idempotent; never throws.
     */
    @Override
    void close();
}

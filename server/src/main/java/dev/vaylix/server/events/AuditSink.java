package dev.vaylix.server.events;

/**
 * Where the server reports audit events (STORAGE.md §12.2): rate-limited requests, undecodable
 * payloads and quota failures, every AUTH, every RBAC mutation, slow commands, maintenance changes,
 * and every command when {@code --audit-commands} is set. The hash-chained audit log implements it;
 * {@link #NONE} discards everything.
 *
 * <p>Contract: called from session threads and the runtime concurrently; must be thread-safe, must
 * return quickly (never wait for an fsync per event) and must not throw: a failure to record is the
 * sink's to report (the reference ignores audit write failures).
 */
@FunctionalInterface
public interface AuditSink {

    /** Discards every event. */
    AuditSink NONE = _ -> { };

    void record(AuditEvent event);
}

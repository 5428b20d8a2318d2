package dev.vaylix.server.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Counters of an audit sink, for INFO, METRICS and HEALTH. Every event handed to
 * {@link AuditSink#record} ends up in exactly one of {@code written} or {@code lost}, or is still
 * queued ({@code recorded - written - lost}).
 *
 * @param recorded           events handed to {@link AuditSink#record}
 * @param written            events written to the file (the operating system has them)
 * @param durable            events written and fsynced
 * @param lost               events that will never be written: queue full, log closed or failed
 * @param writeFailures      failed writes or fsyncs (after the first, the log stops writing)
 * @param lastSequence       the sequence of the last line in the file
 * @param failure            why the log stopped writing, if it did
 */
public record AuditHealth(long recorded, long written, long durable, long lost, long writeFailures, long lastSequence,
                          Optional<String> failure) {

    public AuditHealth {
        Objects.requireNonNull(failure, "failure");
    }

    /** True while events are written and none has been lost. */
    public boolean healthy() {
        return failure.isEmpty() && lost == 0;
    }
}

package dev.vaylix.server.events;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One audit event, with the fields of an audit log line (STORAGE.md §12.1) except the hash chain
 * (sequence, previous and own hash), which the audit log adds when it appends the event.
 * Passwords and values never appear here.
 *
 * @param timestampMs  wall-clock time of the event (epoch ms)
 * @param connectionId the session's number, 0 for runtime events
 * @param peer         the client's {@code ip:port}; empty for runtime events
 * @param username     the session identity after the command; empty if none
 * @param requestId    the request's id; the nil UUID for runtime events
 * @param opcode       the upper-case command name ({@code GET}, {@code BACKUP_TO}) or a pseudo-opcode
 *                     ({@code RATE_LIMIT}, {@code DECODE}, {@code RUNTIME})
 * @param status       {@code ok}, {@code error} or {@code not_found}
 * @param errorCode    the error's code when {@code status} is {@code error}
 * @param latencyMs    time from reading the request to its reply
 * @param eventType    {@code command}, {@code auth}, {@code rbac_create_user}, …, {@code slow_command},
 *                     {@code maintenance_mode}
 * @param details      event-specific text pairs, sorted by key
 */
public record AuditEvent(long timestampMs, long connectionId, Optional<String> peer, Optional<String> username,
                         UUID requestId, String opcode, String status, Optional<String> errorCode, long latencyMs,
                         String eventType, SortedMap<String, String> details) {

    /** The request id of runtime events. */
    public static final UUID NO_REQUEST = new UUID(0, 0);

    public AuditEvent {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(eventType, "eventType");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }

    /** A runtime event (connection 0, no peer, user or request; status ok, latency 0). */
    public static AuditEvent runtime(long timestampMs, String eventType, SortedMap<String, String> details) {
        return new AuditEvent(timestampMs, 0, Optional.empty(), Optional.empty(), NO_REQUEST, "RUNTIME", "ok",
                Optional.empty(), 0, eventType, details);
    }
}

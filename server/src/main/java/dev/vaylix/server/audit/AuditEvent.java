package dev.vaylix.server.audit;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.CommandType;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One event for the audit log (STORAGE.md §12): everything of a line except what the log itself
 * assigns ({@code sequence}, hashes, {@code timestamp_ms}).
 *
 * <p>Use the factories: they fill {@code opcode}, {@code status} and {@code error_code} the way
 * §12.2 prescribes for each event type, so the runtime and the log cannot disagree.
 *
 * @param context   connection, peer, identity after the command, request id
 * @param opcode    upper-case command name ({@link CommandType#auditName()}) or one of
 *                  {@link #RATE_LIMIT}, {@link #DECODE}, {@link #RUNTIME}
 * @param status    the request's outcome
 * @param errorCode the error the request was answered with, if any
 * @param latencyMs time from receiving the request to answering it
 * @param details   event type and details
 */
public record AuditEvent(AuditContext context, String opcode, AuditStatus status, Optional<ErrorCode> errorCode, long latencyMs,
                         AuditDetails details) {

    /** Pseudo-opcode of a request refused by the rate limiter. */
    public static final String RATE_LIMIT = "RATE_LIMIT";
    /** Pseudo-opcode of a request whose payload did not decode. */
    public static final String DECODE = "DECODE";
    /** Pseudo-opcode of events caused by the server itself or by an administrative state change. */
    public static final String RUNTIME = "RUNTIME";

    private static final Set<String> OPCODES = Stream.concat(
            Arrays.stream(CommandType.values()).filter(type -> !type.isLocal()).map(CommandType::auditName),
            Stream.of(RATE_LIMIT, DECODE, RUNTIME)).collect(Collectors.toUnmodifiableSet());

    public AuditEvent {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(details, "details");
        if (!OPCODES.contains(opcode)) {
            throw new IllegalArgumentException("not an audit opcode: " + opcode);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency is non-negative: " + latencyMs);
        }
        if (details instanceof AuditDetails.SlowCommand && errorCode.isPresent()) {
            throw new IllegalArgumentException("slow_command events carry no error code");
        }
    }

    /** The {@code event_type}. */
    public String eventType() {
        return details.eventType();
    }

    // ------------------------------------------------------------------ command events (always audited)

    /** A request refused by the rate limiter: {@code RATE_LIMIT}, {@code SRV-012}. */
    public static AuditEvent rateLimited(AuditContext context, long latencyMs) {
        return new AuditEvent(context, RATE_LIMIT, AuditStatus.ERROR, Optional.of(ErrorCode.SRV_012), latencyMs,
                new AuditDetails.Command());
    }

    /** A request whose payload did not decode: {@code DECODE} with the TRN code it was answered with. */
    public static AuditEvent decodeFailed(AuditContext context, ErrorCode transportCode, long latencyMs) {
        return new AuditEvent(context, DECODE, AuditStatus.ERROR, Optional.of(transportCode), latencyMs, new AuditDetails.Command());
    }

    /** A request refused by a quota: the command's name, {@code SRV-013}. */
    public static AuditEvent quotaExceeded(AuditContext context, CommandType command, long latencyMs) {
        return new AuditEvent(context, command.auditName(), AuditStatus.ERROR, Optional.of(ErrorCode.SRV_013), latencyMs,
                new AuditDetails.Command());
    }

    /** A processed command (only with {@code --audit-commands}). */
    public static AuditEvent command(AuditContext context, CommandType command, AuditStatus status, Optional<ErrorCode> errorCode,
                                     long latencyMs) {
        return new AuditEvent(context, command.auditName(), status, errorCode, latencyMs, new AuditDetails.Command());
    }

    // ------------------------------------------------------------------ semantic events (always audited)

    /** Every AUTH; {@code usernameAsSent} is the name in the request, whatever the outcome. */
    public static AuditEvent auth(AuditContext context, String usernameAsSent, AuditStatus status, Optional<ErrorCode> errorCode,
                                  long latencyMs) {
        return new AuditEvent(context, CommandType.AUTH.auditName(), status, errorCode, latencyMs,
                new AuditDetails.Auth(usernameAsSent, status));
    }

    /** CREATE USER, ALTER USER … PASSWORD, DROP USER. */
    public static AuditEvent userChange(AuditContext context, AuditDetails.RbacAction action, String targetUser, AuditStatus status,
                                        Optional<ErrorCode> errorCode, long latencyMs) {
        return rbac(context, status, errorCode, latencyMs, new AuditDetails.UserChange(action, targetUser, status));
    }

    /** CREATE ROLE, DROP ROLE. */
    public static AuditEvent roleChange(AuditContext context, AuditDetails.RbacAction action, String role, AuditStatus status,
                                        Optional<ErrorCode> errorCode, long latencyMs) {
        return rbac(context, status, errorCode, latencyMs, new AuditDetails.RoleChange(action, role, status));
    }

    /** GRANT ROLE … TO user, REVOKE ROLE … FROM user. */
    public static AuditEvent roleMembership(AuditContext context, AuditDetails.RbacAction action, String role, String targetUser,
                                            AuditStatus status, Optional<ErrorCode> errorCode, long latencyMs) {
        return rbac(context, status, errorCode, latencyMs, new AuditDetails.RoleMembership(action, role, targetUser, status));
    }

    /** GRANT PERMISSION / REVOKE PERMISSION; {@code permission} exactly as typed. */
    public static AuditEvent permissionChange(AuditContext context, AuditDetails.RbacAction action, String permission,
                                              String pattern, String role, AuditStatus status, Optional<ErrorCode> errorCode,
                                              long latencyMs) {
        return rbac(context, status, errorCode, latencyMs, new AuditDetails.PermissionChange(action, permission, pattern, role, status));
    }

    private static AuditEvent rbac(AuditContext context, AuditStatus status, Optional<ErrorCode> errorCode, long latencyMs,
                                   AuditDetails.Rbac details) {
        return new AuditEvent(context, details.action().command().auditName(), status, errorCode, latencyMs, details);
    }

    /** A command at or above {@code --slow-command-threshold-ms}; {@code error_code} is always null. */
    public static AuditEvent slowCommand(AuditContext context, CommandType command, AuditStatus status, long latencyMs,
                                         long thresholdMs) {
        return new AuditEvent(context, command.auditName(), status, Optional.empty(), latencyMs,
                new AuditDetails.SlowCommand(command.auditName(), latencyMs, thresholdMs));
    }

    // ------------------------------------------------------------------ runtime events (opcode RUNTIME)

    /**
     * MAINTENANCE ON / OFF took effect. Pass the issuing session's context so the log says who did
     * it (the reference wrote {@link AuditContext#RUNTIME}); use {@code RUNTIME} when no session did.
     */
    public static AuditEvent maintenanceMode(AuditContext context, boolean enabled) {
        return runtime(context, AuditStatus.OK, Optional.empty(), new AuditDetails.MaintenanceMode(enabled));
    }

    /** A successful PROMOTE (leadership moved to {@code nodeId}); context as for {@link #maintenanceMode}. */
    public static AuditEvent replicationPromote(AuditContext context, String nodeId) {
        return runtime(context, AuditStatus.OK, Optional.empty(), new AuditDetails.ReplicationPromote(nodeId));
    }

    /** PAUSE / RESUME REPLICATION took effect; context as for {@link #maintenanceMode}. */
    public static AuditEvent replicationPause(AuditContext context, boolean paused) {
        return runtime(context, AuditStatus.OK, Optional.empty(), new AuditDetails.ReplicationPause(paused));
    }

    /** A TLS certificate reload; a failed one has status {@code error} and its code in both places. */
    public static AuditEvent tlsReload(Optional<ErrorCode> failure) {
        return runtime(AuditContext.RUNTIME, failure.isPresent() ? AuditStatus.ERROR : AuditStatus.OK, failure,
                new AuditDetails.TlsReload(failure));
    }

    /** The marker the log writes for events it had to drop (see {@link AuditDetails.EventsLost}). */
    static AuditEvent eventsLost(long count) {
        return runtime(AuditContext.RUNTIME, AuditStatus.ERROR, Optional.empty(), new AuditDetails.EventsLost(count));
    }

    private static AuditEvent runtime(AuditContext context, AuditStatus status, Optional<ErrorCode> errorCode, AuditDetails details) {
        return new AuditEvent(context, RUNTIME, status, errorCode, 0, details);
    }
}

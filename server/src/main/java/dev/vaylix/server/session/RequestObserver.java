package dev.vaylix.server.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.audit.AuditContext;
import dev.vaylix.server.audit.AuditDetails.RbacAction;
import dev.vaylix.server.audit.AuditEvent;
import dev.vaylix.server.audit.AuditSink;
import dev.vaylix.server.audit.AuditStatus;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.server.metrics.Metric;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a request is answered: the slow-command metric, audit events (STORAGE.md §12.2,
 * COMMANDS.md §4, docs/AUDIT.md §2) and, with {@code --log-requests}, one log line per request. Never
 * values or passwords.
 *
 * <p>Per request, in this order:
 * <ol>
 *   <li>a refused request (rate limit, undecodable payload, quota) is audited as {@code command} with
 *       {@code RATE_LIMIT}, {@code DECODE} or the command's name, whatever the settings; otherwise, with
 *       {@code --audit-commands}, every command is audited as {@code command};</li>
 *   <li>every decoded AUTH and user/role/grant command also produces its semantic event ({@code auth},
 *       {@code rbac_*}), whether it succeeded, failed or was refused before execution;</li>
 *   <li>a MAINTENANCE ON/OFF that took effect produces {@code maintenance_mode}, with this session's
 *       context (who flipped it);</li>
 *   <li>a command at or above {@code --slow-command-threshold-ms} produces {@code slow_command}.</li>
 * </ol>
 * Replication opcodes (Raft messages, VTP2.md §8) are not commands: they have no audit opcode
 * (STORAGE.md §12.1) and are audited only when the rate limiter refuses them.
 *
 * <p>Used by the session's writer thread only. The audit sink only queues: nothing here waits for a disk.
 */
final class RequestObserver {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vaylix.server.requests");

    private final ServerContext context;
    private final long connectionId;
    private final String peer;
    private final String auditPeer;
    private final OptionalLong slowThresholdMs;
    private final boolean auditCommands;
    private final boolean logRequests;

    RequestObserver(ServerContext context, long connectionId, String peer) {
        this.context = context;
        this.connectionId = connectionId;
        this.peer = peer;
        this.auditPeer = AuditContext.peerText(peer);
        this.slowThresholdMs = context.config().audit().slowCommandThresholdMs();
        this.auditCommands = context.config().audit().auditCommands();
        this.logRequests = context.config().audit().logRequests();
    }

    void answered(Slot slot, Reply reply, long latencyNanos) {
        long latencyMs = latencyNanos / 1_000_000;
        AuditStatus status = status(reply);
        Optional<ErrorCode> errorCode = reply instanceof Reply.Error error ? error.errorCode() : Optional.empty();
        AuditSink audit = context.audit();
        AuditContext auditContext = AuditContext.of(connectionId, auditPeer, slot.username(), slot.requestId());
        Optional<CommandType> type = slot.type();
        switch (slot.refusal()) {
            case RATE_LIMITED -> audit.record(AuditEvent.rateLimited(auditContext, latencyMs));
            // The reply of an undecodable payload is always its TRN error (RequestGate builds it from one).
            case UNDECODABLE -> errorCode.ifPresent(code -> audit.record(AuditEvent.decodeFailed(auditContext, code, latencyMs)));
            case OVER_QUOTA -> type.ifPresent(t -> audit.record(AuditEvent.quotaExceeded(auditContext, t, latencyMs)));
            case NONE -> {
                if (auditCommands && type.isPresent()) {
                    audit.record(AuditEvent.command(auditContext, type.get(), status, errorCode, latencyMs));
                }
            }
        }
        if (slot.command() != null) {
            semanticEvent(slot.command(), auditContext, status, errorCode, latencyMs).ifPresent(audit::record);
            boolean maintenanceOn = slot.command() instanceof Command.MaintenanceOn;
            if ((maintenanceOn || slot.command() instanceof Command.MaintenanceOff) && reply instanceof Reply.Ok) {
                audit.record(AuditEvent.maintenanceMode(auditContext, maintenanceOn));
            }
        }
        if (slowThresholdMs.isPresent() && latencyMs >= slowThresholdMs.getAsLong()) {
            context.metrics().increment(Metric.COMMAND_SLOW);
            type.ifPresent(t -> audit.record(AuditEvent.slowCommand(auditContext, t, status, latencyMs, slowThresholdMs.getAsLong())));
        }
        if (logRequests) {
            LOG.info("event=request connection_id={} peer={} opcode={} status={} error_code={} latency_ms={}", connectionId,
                    peer, slot.opcode(), status.text(), errorCode.map(ErrorCode::code).orElse("none"), latencyMs);
        }
    }

    private static AuditStatus status(Reply reply) {
        return switch (reply) {
            case Reply.Error _ -> AuditStatus.ERROR;
            case Reply.NotFound _ -> AuditStatus.NOT_FOUND;
            case Reply.Ok _, Reply.Data _, Reply.Bool _, Reply.Count _, Reply.Int _, Reply.Entries _, Reply.Values _,
                 Reply.ScanPage _, Reply.ExecResults _ -> AuditStatus.OK;
        };
    }

    /**
     * The event AUTH and the user/role/grant commands always produce (STORAGE.md §12.2): the names
     * involved, never a password.
     */
    static Optional<AuditEvent> semanticEvent(Command command, AuditContext context, AuditStatus status,
                                              Optional<ErrorCode> code, long latencyMs) {
        AuditEvent event = null;
        if (command instanceof Command.Auth c) {
            event = AuditEvent.auth(context, c.username(), status, code, latencyMs);
        } else if (command instanceof Command.CreateUser c) {
            event = AuditEvent.userChange(context, RbacAction.CREATE_USER, c.username(), status, code, latencyMs);
        } else if (command instanceof Command.AlterUserPassword c) {
            event = AuditEvent.userChange(context, RbacAction.ALTER_USER_PASSWORD, c.username(), status, code, latencyMs);
        } else if (command instanceof Command.DropUser c) {
            event = AuditEvent.userChange(context, RbacAction.DROP_USER, c.username(), status, code, latencyMs);
        } else if (command instanceof Command.CreateRole c) {
            event = AuditEvent.roleChange(context, RbacAction.CREATE_ROLE, c.role(), status, code, latencyMs);
        } else if (command instanceof Command.DropRole c) {
            event = AuditEvent.roleChange(context, RbacAction.DROP_ROLE, c.role(), status, code, latencyMs);
        } else if (command instanceof Command.GrantRole c) {
            event = AuditEvent.roleMembership(context, RbacAction.GRANT_ROLE, c.role(), c.username(), status, code, latencyMs);
        } else if (command instanceof Command.RevokeRole c) {
            event = AuditEvent.roleMembership(context, RbacAction.REVOKE_ROLE, c.role(), c.username(), status, code, latencyMs);
        } else if (command instanceof Command.GrantPermission c) {
            event = AuditEvent.permissionChange(context, RbacAction.GRANT_PERMISSION, c.permission(), c.pattern(), c.role(),
                    status, code, latencyMs);
        } else if (command instanceof Command.RevokePermission c) {
            event = AuditEvent.permissionChange(context, RbacAction.REVOKE_PERMISSION, c.permission(), c.pattern(), c.role(),
                    status, code, latencyMs);
        }
        return Optional.ofNullable(event);
    }
}

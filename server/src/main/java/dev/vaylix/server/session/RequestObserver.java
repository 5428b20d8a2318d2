package dev.vaylix.server.session;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.events.AuditEvent;
import dev.vaylix.server.events.AuditSink;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.server.metrics.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a request is answered: the slow-command metric, audit events (STORAGE.md §12.2)
 * and, with {@code --log-requests}, one log line per request. Never values or passwords.
 *
 * <p>Audited always: rate-limited, undecodable and over-quota requests ({@code command}), every AUTH
 * ({@code auth}), every user/role/grant mutation ({@code rbac_*}), slow commands ({@code slow_command});
 * every command with {@code --audit-commands}. Used by the session's writer thread only.
 */
final class RequestObserver {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vaylix.server.requests");
    /** The event type of the commands audited with a semantic event whatever the settings. */
    private static final Map<CommandType, String> SEMANTIC_EVENTS = semanticEvents();

    private final ServerContext context;
    private final long connectionId;
    private final Optional<String> peer;
    private final OptionalLong slowThresholdMs;
    private final boolean auditCommands;
    private final boolean logRequests;

    RequestObserver(ServerContext context, long connectionId, String peer) {
        this.context = context;
        this.connectionId = connectionId;
        this.peer = Optional.of(peer);
        this.slowThresholdMs = context.config().audit().slowCommandThresholdMs();
        this.auditCommands = context.config().audit().auditCommands();
        this.logRequests = context.config().audit().logRequests();
    }

    void answered(Slot slot, Reply reply, long latencyNanos) {
        long latencyMs = latencyNanos / 1_000_000;
        String status = status(reply);
        Optional<String> errorCode = reply instanceof Reply.Error error ? Optional.of(error.code()) : Optional.empty();
        AuditSink audit = context.audit();
        if (slowThresholdMs.isPresent() && latencyMs >= slowThresholdMs.getAsLong()) {
            context.metrics().increment(Metric.COMMAND_SLOW);
            TreeMap<String, String> details = new TreeMap<>();
            details.put("opcode", slot.opcode());
            details.put("latency_ms", Long.toString(latencyMs));
            details.put("threshold_ms", Long.toString(slowThresholdMs.getAsLong()));
            audit.record(event(slot, status, Optional.empty(), latencyMs, "slow_command", details));
        }
        String eventType = eventType(slot.command());
        if (eventType != null) {
            audit.record(event(slot, status, errorCode, latencyMs, eventType, details(slot.command(), status)));
        } else if (slot.alwaysAudit() || auditCommands) {
            audit.record(event(slot, status, errorCode, latencyMs, "command", new TreeMap<>()));
        }
        if (logRequests) {
            LOG.info("event=request connection_id={} peer={} opcode={} status={} error_code={} latency_ms={}", connectionId,
                    peer.orElse("none"), slot.opcode(), status, errorCode.orElse("none"), latencyMs);
        }
    }

    private AuditEvent event(Slot slot, String status, Optional<String> errorCode, long latencyMs, String eventType,
                             TreeMap<String, String> details) {
        return new AuditEvent(context.clock().wallTimeMs(), connectionId, peer, slot.username(), slot.requestId(), slot.opcode(),
                status, errorCode, latencyMs, eventType, details);
    }

    private static String status(Reply reply) {
        return switch (reply) {
            case Reply.Error _ -> "error";
            case Reply.NotFound _ -> "not_found";
            case Reply.Ok _, Reply.Data _, Reply.Bool _, Reply.Count _, Reply.Int _, Reply.Entries _, Reply.Values _,
                 Reply.ScanPage _, Reply.ExecResults _ -> "ok";
        };
    }

    /** The semantic event a command always produces (STORAGE.md §12.2), or null. */
    private static String eventType(Command command) {
        return command == null ? null : SEMANTIC_EVENTS.get(command.type());
    }

    /** The details of a semantic event: the names involved, never a password. */
    private static TreeMap<String, String> details(Command command, String result) {
        TreeMap<String, String> details = new TreeMap<>();
        details.put("result", result);
        if (command instanceof Command.Auth c) {
            details.put("username", c.username());
        } else if (command instanceof Command.CreateUser c) {
            details.put("target_user", c.username());
        } else if (command instanceof Command.AlterUserPassword c) {
            details.put("target_user", c.username());
        } else if (command instanceof Command.DropUser c) {
            details.put("target_user", c.username());
        } else if (command instanceof Command.CreateRole c) {
            details.put("role", c.role());
        } else if (command instanceof Command.DropRole c) {
            details.put("role", c.role());
        } else if (command instanceof Command.GrantRole c) {
            roleMembership(details, c.role(), c.username());
        } else if (command instanceof Command.RevokeRole c) {
            roleMembership(details, c.role(), c.username());
        } else if (command instanceof Command.GrantPermission c) {
            permissionGrant(details, c.permission(), c.pattern(), c.role());
        } else if (command instanceof Command.RevokePermission c) {
            permissionGrant(details, c.permission(), c.pattern(), c.role());
        }
        return details;
    }

    private static void roleMembership(TreeMap<String, String> details, String role, String user) {
        details.put("role", role);
        details.put("target_user", user);
    }

    private static void permissionGrant(TreeMap<String, String> details, String permission, String pattern, String role) {
        details.put("permission", permission); // as typed, like the reference
        details.put("pattern", pattern);
        details.put("role", role);
    }

    private static Map<CommandType, String> semanticEvents() {
        EnumMap<CommandType, String> events = new EnumMap<>(CommandType.class);
        events.put(CommandType.AUTH, "auth");
        for (CommandType type : List.of(CommandType.CREATE_USER, CommandType.ALTER_USER_PASSWORD, CommandType.DROP_USER,
                CommandType.CREATE_ROLE, CommandType.DROP_ROLE, CommandType.GRANT_ROLE, CommandType.REVOKE_ROLE,
                CommandType.GRANT_PERMISSION, CommandType.REVOKE_PERMISSION)) {
            events.put(type, "rbac_" + type.name().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableMap(events);
    }
}

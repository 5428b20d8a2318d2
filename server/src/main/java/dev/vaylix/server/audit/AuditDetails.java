package dev.vaylix.server.audit;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.CommandType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code event_type} of an audit event and its {@code details} (STORAGE.md §12.2). Every key
 * is plain ASCII, so {@link TreeMap}'s natural order is the byte order the log requires.
 *
 * <p>Passwords and values never appear here: no record has a field for them.
 */
public sealed interface AuditDetails {

    /** The {@code event_type} text. */
    String eventType();

    /** The {@code details} object, keys in byte order; a new map on each call. */
    SortedMap<String, String> entries();

    /** {@code command}: a request audited as such (rate limit, decode failure, quota failure, {@code --audit-commands}); no details. */
    record Command() implements AuditDetails {
        @Override
        public String eventType() {
            return "command";
        }

        @Override
        public SortedMap<String, String> entries() {
            return new TreeMap<>();
        }
    }

    /** {@code auth}: every AUTH; {@code username} as the client sent it. */
    record Auth(String username, AuditStatus result) implements AuditDetails {
        public Auth {
            username = AuditText.bounded(username);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String eventType() {
            return "auth";
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("username", username, "result", result.text());
        }
    }

    /** The RBAC mutations: each command with its event type. */
    enum RbacAction {
        CREATE_USER("rbac_create_user", CommandType.CREATE_USER),
        ALTER_USER_PASSWORD("rbac_alter_user_password", CommandType.ALTER_USER_PASSWORD),
        DROP_USER("rbac_drop_user", CommandType.DROP_USER),
        CREATE_ROLE("rbac_create_role", CommandType.CREATE_ROLE),
        DROP_ROLE("rbac_drop_role", CommandType.DROP_ROLE),
        GRANT_ROLE("rbac_grant_role", CommandType.GRANT_ROLE),
        REVOKE_ROLE("rbac_revoke_role", CommandType.REVOKE_ROLE),
        GRANT_PERMISSION("rbac_grant_permission", CommandType.GRANT_PERMISSION),
        REVOKE_PERMISSION("rbac_revoke_permission", CommandType.REVOKE_PERMISSION);

        private final String eventType;
        private final CommandType command;

        RbacAction(String eventType, CommandType command) {
            this.eventType = eventType;
            this.command = command;
        }

        public String eventType() {
            return eventType;
        }

        /** The command that performs it (its audit name is the line's {@code opcode}). */
        public CommandType command() {
            return command;
        }

        /** Refuses an action whose details have another shape (a caller bug). */
        RbacAction requireOneOf(Set<RbacAction> allowed) {
            if (!allowed.contains(this)) {
                throw new IllegalArgumentException(this + " is not one of " + allowed);
            }
            return this;
        }
    }

    /** The details of an RBAC mutation: its event type is its action's. */
    sealed interface Rbac extends AuditDetails {
        RbacAction action();

        @Override
        default String eventType() {
            return action().eventType();
        }
    }

    /** {@code rbac_create_user} / {@code rbac_alter_user_password} / {@code rbac_drop_user}. */
    record UserChange(RbacAction action, String targetUser, AuditStatus result) implements Rbac {
        private static final Set<RbacAction> ACTIONS = EnumSet.of(RbacAction.CREATE_USER, RbacAction.ALTER_USER_PASSWORD,
                RbacAction.DROP_USER);

        public UserChange {
            action.requireOneOf(ACTIONS);
            targetUser = AuditText.bounded(targetUser);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("target_user", targetUser, "result", result.text());
        }
    }

    /** {@code rbac_create_role} / {@code rbac_drop_role}. */
    record RoleChange(RbacAction action, String role, AuditStatus result) implements Rbac {
        private static final Set<RbacAction> ACTIONS = EnumSet.of(RbacAction.CREATE_ROLE, RbacAction.DROP_ROLE);

        public RoleChange {
            action.requireOneOf(ACTIONS);
            role = AuditText.bounded(role);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("role", role, "result", result.text());
        }
    }

    /** {@code rbac_grant_role} / {@code rbac_revoke_role}. */
    record RoleMembership(RbacAction action, String role, String targetUser, AuditStatus result) implements Rbac {
        private static final Set<RbacAction> ACTIONS = EnumSet.of(RbacAction.GRANT_ROLE, RbacAction.REVOKE_ROLE);

        public RoleMembership {
            action.requireOneOf(ACTIONS);
            role = AuditText.bounded(role);
            targetUser = AuditText.bounded(targetUser);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("role", role, "target_user", targetUser, "result", result.text());
        }
    }

    /** {@code rbac_grant_permission} / {@code rbac_revoke_permission}; {@code permission} as typed. */
    record PermissionChange(RbacAction action, String permission, String pattern, String role, AuditStatus result)
            implements Rbac {
        private static final Set<RbacAction> ACTIONS = EnumSet.of(RbacAction.GRANT_PERMISSION, RbacAction.REVOKE_PERMISSION);

        public PermissionChange {
            action.requireOneOf(ACTIONS);
            permission = AuditText.bounded(permission);
            pattern = AuditText.bounded(pattern);
            role = AuditText.bounded(role);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("permission", permission, "pattern", pattern, "role", role, "result", result.text());
        }
    }

    /** {@code slow_command}: a command took at least {@code --slow-command-threshold-ms}. */
    record SlowCommand(String opcode, long latencyMs, long thresholdMs) implements AuditDetails {
        public SlowCommand {
            Objects.requireNonNull(opcode, "opcode");
            if (latencyMs < 0 || thresholdMs < 0) {
                throw new IllegalArgumentException("latency and threshold are non-negative");
            }
        }

        @Override
        public String eventType() {
            return "slow_command";
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("opcode", opcode, "latency_ms", Long.toString(latencyMs), "threshold_ms", Long.toString(thresholdMs));
        }
    }

    /** {@code maintenance_mode}: MAINTENANCE ON / OFF took effect. */
    record MaintenanceMode(boolean enabled) implements AuditDetails {
        @Override
        public String eventType() {
            return "maintenance_mode";
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("enabled", Boolean.toString(enabled));
        }
    }

    /** {@code replication_promote}: a successful promotion (leadership transfer) to {@code nodeId}. */
    record ReplicationPromote(String nodeId) implements AuditDetails {
        public ReplicationPromote {
            nodeId = AuditText.bounded(nodeId);
        }

        @Override
        public String eventType() {
            return "replication_promote";
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("result", AuditStatus.OK.text(), "node_id", nodeId);
        }
    }

    /** {@code replication_pause}: PAUSE / RESUME REPLICATION took effect. */
    record ReplicationPause(boolean paused) implements AuditDetails {
        @Override
        public String eventType() {
            return "replication_pause";
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("paused", Boolean.toString(paused));
        }
    }

    /** {@code tls_reload}: a certificate reload (SIGHUP); {@code error} is the failure's code. */
    record TlsReload(Optional<ErrorCode> error) implements AuditDetails {
        public TlsReload {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String eventType() {
            return "tls_reload";
        }

        @Override
        public SortedMap<String, String> entries() {
            SortedMap<String, String> out = map("result", (error.isPresent() ? AuditStatus.ERROR : AuditStatus.OK).text());
            error.ifPresent(code -> out.put("error_code", code.code()));
            return out;
        }
    }

    /**
     * {@code audit_events_lost} (ours): {@code count} events could not be queued because the writer
     * was behind (the queue was full). Written by the log itself, never by callers, so that a gap is
     * recorded inside the hash chain rather than only in a counter.
     */
    record EventsLost(long count) implements AuditDetails {
        public EventsLost {
            if (count < 1) {
                throw new IllegalArgumentException("a lost-events marker counts at least one event: " + count);
            }
        }

        @Override
        public String eventType() {
            return "audit_events_lost";
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("count", Long.toString(count));
        }
    }

    private static SortedMap<String, String> map(String... keyValues) {
        SortedMap<String, String> out = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], Objects.requireNonNull(keyValues[i + 1], keyValues[i]));
        }
        return out;
    }
}

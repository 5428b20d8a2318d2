package dev.vaylix.server.audit;

import dev.vaylix.api.ErrorCode;
import java.util.Objects;
import java.util.Optional;
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

    /** The user mutations, each with its event type. */
    enum UserAction {
        CREATE_USER("rbac_create_user"),
        ALTER_USER_PASSWORD("rbac_alter_user_password"),
        DROP_USER("rbac_drop_user");

        private final String eventType;

        UserAction(String eventType) {
            this.eventType = eventType;
        }
    }

    /** {@code rbac_create_user} / {@code rbac_alter_user_password} / {@code rbac_drop_user}. */
    record UserChange(UserAction action, String targetUser, AuditStatus result) implements AuditDetails {
        public UserChange {
            Objects.requireNonNull(action, "action");
            targetUser = AuditText.bounded(targetUser);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String eventType() {
            return action.eventType;
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("target_user", targetUser, "result", result.text());
        }
    }

    /** The role mutations. */
    enum RoleAction {
        CREATE_ROLE("rbac_create_role"),
        DROP_ROLE("rbac_drop_role");

        private final String eventType;

        RoleAction(String eventType) {
            this.eventType = eventType;
        }
    }

    /** {@code rbac_create_role} / {@code rbac_drop_role}. */
    record RoleChange(RoleAction action, String role, AuditStatus result) implements AuditDetails {
        public RoleChange {
            Objects.requireNonNull(action, "action");
            role = AuditText.bounded(role);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String eventType() {
            return action.eventType;
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("role", role, "result", result.text());
        }
    }

    /** Granting and revoking a role to a user. */
    enum MembershipAction {
        GRANT_ROLE("rbac_grant_role"),
        REVOKE_ROLE("rbac_revoke_role");

        private final String eventType;

        MembershipAction(String eventType) {
            this.eventType = eventType;
        }
    }

    /** {@code rbac_grant_role} / {@code rbac_revoke_role}. */
    record RoleMembership(MembershipAction action, String role, String targetUser, AuditStatus result) implements AuditDetails {
        public RoleMembership {
            Objects.requireNonNull(action, "action");
            role = AuditText.bounded(role);
            targetUser = AuditText.bounded(targetUser);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String eventType() {
            return action.eventType;
        }

        @Override
        public SortedMap<String, String> entries() {
            return map("role", role, "target_user", targetUser, "result", result.text());
        }
    }

    /** Granting and revoking a permission to a role. */
    enum PermissionAction {
        GRANT_PERMISSION("rbac_grant_permission"),
        REVOKE_PERMISSION("rbac_revoke_permission");

        private final String eventType;

        PermissionAction(String eventType) {
            this.eventType = eventType;
        }
    }

    /** {@code rbac_grant_permission} / {@code rbac_revoke_permission}; {@code permission} as typed. */
    record PermissionChange(PermissionAction action, String permission, String pattern, String role, AuditStatus result)
            implements AuditDetails {
        public PermissionChange {
            Objects.requireNonNull(action, "action");
            permission = AuditText.bounded(permission);
            pattern = AuditText.bounded(pattern);
            role = AuditText.bounded(role);
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String eventType() {
            return action.eventType;
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

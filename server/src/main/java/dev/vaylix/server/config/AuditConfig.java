package dev.vaylix.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Audit and request-logging settings.
 *
 * @param auditLogPath           {@code --audit-log-path}, default {@code <data-dir>/audit.log}
 * @param auditCommands          {@code --audit-commands}: audit every command, not only the always-audited events
 * @param logRequests            {@code --log-requests}
 * @param slowCommandThresholdMs {@code --slow-command-threshold-ms}; empty when disabled (0)
 */
public record AuditConfig(Path auditLogPath, boolean auditCommands, boolean logRequests, OptionalLong slowCommandThresholdMs) {

    public AuditConfig {
        Objects.requireNonNull(auditLogPath, "auditLogPath");
        Objects.requireNonNull(slowCommandThresholdMs, "slowCommandThresholdMs");
    }
}

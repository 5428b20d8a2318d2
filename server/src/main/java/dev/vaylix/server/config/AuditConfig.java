package dev.vaylix.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Audit, request-logging and metrics settings.
 *
 * @param auditLogPath           {@code --audit-log-path}, default {@code <data-dir>/audit.log}
 * @param auditCommands          {@code --audit-commands}: audit every command, not only the always-audited events
 * @param logRequests            {@code --log-requests}
 * @param slowCommandThresholdMs {@code --slow-command-threshold-ms}; empty when disabled (0)
 * @param extendedMetrics        {@code --extended-metrics}: report our own metrics after the 23 of COMMANDS.md §10.2
 */
public record AuditConfig(Path auditLogPath, boolean auditCommands, boolean logRequests, OptionalLong slowCommandThresholdMs,
                          boolean extendedMetrics) {

    public AuditConfig {
        Objects.requireNonNull(auditLogPath, "auditLogPath");
        Objects.requireNonNull(slowCommandThresholdMs, "slowCommandThresholdMs");
    }
}

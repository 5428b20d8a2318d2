package dev.vaylix.command;

import dev.vaylix.api.command.Command;

/**
 * Operations, metrics and cluster commands (COMMANDS.md §3.6) that take a sub-command keyword.
 *
 * <p>Only CLUSTER reports an unknown sub-command as CMD-005 (COMMANDS.md §2 lists it with
 * create/drop/grant/revoke/show). METRICS, MAINTENANCE, PROMOTE, PAUSE and RESUME have one fixed
 * shape each, so a wrong keyword is a missing keyword: CMD-003 with the usage string.
 */
final class OperationsSyntax {

    static final String MAINTENANCE_USAGE = "maintenance <on|off|status>";
    /** The usage of a bare {@code cluster}; the sub-commands report their own usage. */
    static final String CLUSTER_USAGE = "cluster <join|remove> ...";

    private OperationsSyntax() {
    }

    /** {@code metrics} or {@code metrics prom}. */
    static Command metrics(Tokens t) {
        if (t.size() == 1) {
            return new Command.Metrics();
        }
        if (t.is(1, "prom")) {
            return new Command.MetricsProm();
        }
        throw SyntaxErrors.arity(CommandForm.METRICS.usage());
    }

    /** {@code maintenance on|off|status}, exactly 2 tokens. */
    static Command maintenance(Tokens t) {
        if (t.is(1, "on")) {
            return new Command.MaintenanceOn();
        }
        if (t.is(1, "off")) {
            return new Command.MaintenanceOff();
        }
        if (t.is(1, "status")) {
            return new Command.MaintenanceStatus();
        }
        throw SyntaxErrors.arity(MAINTENANCE_USAGE);
    }

    /** {@code cluster join <node-id> <host:port>} or {@code cluster remove <node-id>}. */
    static Command cluster(Tokens t) {
        if (t.is(1, "join")) {
            if (t.size() != 4) {
                throw SyntaxErrors.arity(CommandForm.CLUSTER_JOIN.usage());
            }
            return new Command.ClusterJoin(t.text(2), t.text(3));
        }
        if (t.is(1, "remove")) {
            if (t.size() != 3) {
                throw SyntaxErrors.arity(CommandForm.CLUSTER_REMOVE.usage());
            }
            return new Command.ClusterRemove(t.text(2));
        }
        throw SyntaxErrors.invalidOption("cluster", t.asciiLower(1));
    }

    /** {@code promote follower}. */
    static Command promote(Tokens t) {
        requireKeyword(t, "follower", CommandForm.PROMOTE_FOLLOWER);
        return new Command.PromoteFollower();
    }

    /** {@code pause replication}. */
    static Command pause(Tokens t) {
        requireKeyword(t, "replication", CommandForm.PAUSE_REPLICATION);
        return new Command.PauseReplication();
    }

    /** {@code resume replication}. */
    static Command resume(Tokens t) {
        requireKeyword(t, "replication", CommandForm.RESUME_REPLICATION);
        return new Command.ResumeReplication();
    }

    private static void requireKeyword(Tokens t, String keyword, CommandForm form) {
        if (!t.is(1, keyword)) {
            throw SyntaxErrors.arity(form.usage());
        }
    }
}

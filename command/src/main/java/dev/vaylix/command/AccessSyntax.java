package dev.vaylix.command;

import dev.vaylix.api.command.Command;

/**
 * Users, roles and grants (COMMANDS.md §3.4), plus SHOW, whose forms also cover replication and
 * cluster status. Token-count bounds are already checked ({@link CommandRoot}); a count the bounds
 * let through but no form has (GRANT with 6 tokens, SHOW with 3 or 4) is CMD-003 here. Any other
 * mismatch is CMD-005 naming the ASCII-lower-cased second token.
 */
final class AccessSyntax {

    static final String CREATE_USAGE = anyOf(CommandForm.CREATE_USER, CommandForm.CREATE_ROLE);
    static final String DROP_USAGE = anyOf(CommandForm.DROP_USER, CommandForm.DROP_ROLE);
    static final String GRANT_USAGE = anyOf(CommandForm.GRANT_ROLE, CommandForm.GRANT_PERMISSION);
    static final String REVOKE_USAGE = anyOf(CommandForm.REVOKE_ROLE, CommandForm.REVOKE_PERMISSION);
    static final String SHOW_USAGE = anyOf(CommandForm.SHOW_USERS, CommandForm.SHOW_ROLES, CommandForm.SHOW_GRANTS,
            CommandForm.SHOW_GRANTS_FOR_USER, CommandForm.SHOW_GRANTS_FOR_ROLE, CommandForm.SHOW_REPLICATION,
            CommandForm.SHOW_CLUSTER);

    /** The pattern of a permission granted without {@code on <pattern>}. */
    static final String ANY_PATTERN = "*";

    private AccessSyntax() {
    }

    /** The combined usage of a root with several forms: {@code form1 | form2 | ...}. */
    private static String anyOf(CommandForm... forms) {
        String[] usages = new String[forms.length];
        for (int i = 0; i < forms.length; i++) {
            usages[i] = forms[i].usage();
        }
        return String.join(" | ", usages);
    }

    /** {@code alter user <username> password <password>}: exactly 5 tokens; a wrong keyword is CMD-003. */
    static Command alter(Tokens t) {
        if (!t.is(1, "user") || !t.is(3, "password")) {
            throw SyntaxErrors.arity(CommandForm.ALTER_USER.usage());
        }
        return new Command.AlterUserPassword(t.text(2), t.text(4));
    }

    /** {@code create user <username> password <password>} or {@code create role <role>}. */
    static Command create(Tokens t) {
        if (t.is(1, "user")) {
            if (t.size() != 5 || !t.is(3, "password")) {
                throw SyntaxErrors.arity(CommandForm.CREATE_USER.usage());
            }
            return new Command.CreateUser(t.text(2), t.text(4));
        }
        if (t.is(1, "role")) {
            if (t.size() != 3) {
                throw SyntaxErrors.arity(CommandForm.CREATE_ROLE.usage());
            }
            return new Command.CreateRole(t.text(2));
        }
        throw SyntaxErrors.invalidOption("create", t.asciiLower(1));
    }

    /** {@code drop user <username>} or {@code drop role <role>}. */
    static Command drop(Tokens t) {
        if (t.is(1, "user")) {
            if (t.size() != 3) {
                throw SyntaxErrors.arity(CommandForm.DROP_USER.usage());
            }
            return new Command.DropUser(t.text(2));
        }
        if (t.is(1, "role")) {
            if (t.size() != 3) {
                throw SyntaxErrors.arity(CommandForm.DROP_ROLE.usage());
            }
            return new Command.DropRole(t.text(2));
        }
        throw SyntaxErrors.invalidOption("drop", t.asciiLower(1));
    }

    /** {@code grant role <role> to <username>} or {@code grant permission <permission> [on <pattern>] to <role>}. */
    static Command grant(Tokens t) {
        return grantOrRevoke(t, true);
    }

    /** {@code revoke role <role> from <username>} or {@code revoke permission <permission> [on <pattern>] from <role>}. */
    static Command revoke(Tokens t) {
        return grantOrRevoke(t, false);
    }

    /** GRANT and REVOKE have the same shape (5 or 7 tokens); only the preposition and the records differ. */
    private static Command grantOrRevoke(Tokens t, boolean grant) {
        String command = grant ? "grant" : "revoke";
        String preposition = grant ? "to" : "from";
        if (t.size() == 6) {
            throw SyntaxErrors.arity(grant ? GRANT_USAGE : REVOKE_USAGE);
        }
        boolean shortForm = t.size() == 5 && t.is(3, preposition);
        boolean longForm = t.size() == 7 && t.is(3, "on") && t.is(5, preposition);
        if (t.is(1, "role") && shortForm) {
            return grant ? new Command.GrantRole(t.text(2), t.text(4)) : new Command.RevokeRole(t.text(2), t.text(4));
        }
        if (t.is(1, "permission") && (shortForm || longForm)) {
            String permission = t.text(2);
            String pattern = shortForm ? ANY_PATTERN : t.text(4);
            String role = t.text(shortForm ? 4 : 6);
            return grant
                    ? new Command.GrantPermission(permission, pattern, role)
                    : new Command.RevokePermission(permission, pattern, role);
        }
        throw SyntaxErrors.invalidOption(command, t.asciiLower(1));
    }

    /** {@code show users|roles|grants|replication|cluster} or {@code show grants for user|role <name>}. */
    static Command show(Tokens t) {
        if (t.size() == 2) {
            if (t.is(1, "users")) {
                return new Command.ShowUsers();
            }
            if (t.is(1, "roles")) {
                return new Command.ShowRoles();
            }
            if (t.is(1, "grants")) {
                return new Command.ShowGrants();
            }
            if (t.is(1, "replication")) {
                return new Command.ShowReplication();
            }
            if (t.is(1, "cluster")) {
                return new Command.ShowCluster();
            }
        } else if (t.size() == 5) {
            if (t.is(1, "grants") && t.is(2, "for") && t.is(3, "user")) {
                return new Command.ShowGrantsForUser(t.text(4));
            }
            if (t.is(1, "grants") && t.is(2, "for") && t.is(3, "role")) {
                return new Command.ShowGrantsForRole(t.text(4));
            }
        } else {
            throw SyntaxErrors.arity(SHOW_USAGE);
        }
        throw SyntaxErrors.invalidOption("show", t.asciiLower(1));
    }
}

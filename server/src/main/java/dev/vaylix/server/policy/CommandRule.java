package dev.vaylix.server.policy;

import dev.vaylix.server.rbac.Permission;
import java.util.Objects;
import java.util.Optional;

/**
 * The static policy of one command: everything the session checks before executing it
 * (COMMANDS.md §4, §6.2, §8, §9).
 *
 * @param write                 a <em>write</em>: refused on followers and candidates (SRV-037)
 * @param allowedInMaintenance  runs while maintenance mode is on; else SRV-033
 * @param transaction           behaviour inside MULTI
 * @param check                 how authorization is checked
 * @param permission            the permission checked; empty for {@link CheckKind#NONE},
 *                              {@link CheckKind#AUTHENTICATED} and {@link CheckKind#LOCAL_ONLY}
 * @param rbacAdministration    a user/role command that is SRV-016 while auth is disabled
 */
public record CommandRule(boolean write, boolean allowedInMaintenance, TransactionRule transaction, CheckKind check,
                          Optional<Permission> permission, boolean rbacAdministration) {

    public CommandRule {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(permission, "permission");
        boolean needsPermission = check == CheckKind.PER_KEY || check == CheckKind.PATTERN || check == CheckKind.GLOBAL;
        if (needsPermission != permission.isPresent()) {
            throw new IllegalArgumentException(check + " checks " + (needsPermission ? "need" : "take no") + " permission");
        }
    }

    /** True unless the command may run before AUTH (or never reaches the server). */
    public boolean requiresAuthentication() {
        return check != CheckKind.NONE && check != CheckKind.LOCAL_ONLY;
    }
}

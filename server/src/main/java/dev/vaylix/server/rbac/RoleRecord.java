package dev.vaylix.server.rbac;

import java.util.Collections;
import java.util.EnumSet;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A role: pattern-less permissions and scoped grants (COMMANDS.md §6.1).
 *
 * <p>Roles created by CREATE ROLE start empty and only ever gain grants (GRANT PERMISSION adds a
 * grant even for pattern {@code *}); pattern-less permissions exist on the built-in {@code admin}
 * role, which holds all ten both ways.
 *
 * @param permissions pattern-less permissions; copied, iterated in declaration order
 * @param grants      scoped grants; copied, iterated in {@link Grant} order
 */
public record RoleRecord(Set<Permission> permissions, NavigableSet<Grant> grants) {

    public static final RoleRecord EMPTY = new RoleRecord(EnumSet.noneOf(Permission.class), new TreeSet<>());

    /** The built-in {@code admin} role: every permission pattern-less and as a {@code *} grant. */
    public static final RoleRecord ADMIN = adminRole();

    public RoleRecord {
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(grants, "grants");
        EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(permissions);
        permissions = Collections.unmodifiableSet(copy);
        grants = Collections.unmodifiableNavigableSet(new TreeSet<>(grants));
    }

    /**
     * The role's effective grants: its grants plus {@code (p, "*")} for every pattern-less permission,
     * deduplicated, in {@link Grant} order. This is what identities and the SHOW replies use.
     */
    public NavigableSet<Grant> effectiveGrants() {
        TreeSet<Grant> all = new TreeSet<>(grants);
        for (Permission permission : permissions) {
            all.add(Grant.everywhere(permission));
        }
        return Collections.unmodifiableNavigableSet(all);
    }

    RoleRecord withGrant(Grant grant) {
        if (grants.contains(grant)) {
            return this;
        }
        TreeSet<Grant> next = new TreeSet<>(grants);
        next.add(grant);
        return new RoleRecord(permissions, next);
    }

    /** Removes the exact grant and, when its pattern is {@code *}, the pattern-less permission too. */
    RoleRecord withoutGrant(Grant grant) {
        boolean dropsPermission = grant.pattern().equals(Grant.ALL_KEYS) && permissions.contains(grant.permission());
        if (!grants.contains(grant) && !dropsPermission) {
            return this;
        }
        TreeSet<Grant> nextGrants = new TreeSet<>(grants);
        nextGrants.remove(grant);
        EnumSet<Permission> nextPermissions = EnumSet.noneOf(Permission.class);
        nextPermissions.addAll(permissions);
        if (dropsPermission) {
            nextPermissions.remove(grant.permission());
        }
        return new RoleRecord(nextPermissions, nextGrants);
    }

    private static RoleRecord adminRole() {
        TreeSet<Grant> grants = new TreeSet<>();
        for (Permission permission : Permission.values()) {
            grants.add(Grant.everywhere(permission));
        }
        return new RoleRecord(EnumSet.allOf(Permission.class), grants);
    }
}

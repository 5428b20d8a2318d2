package dev.vaylix.server.rbac;

import java.util.Objects;

/**
 * A permission scoped to keys matching a pattern (COMMANDS.md §6.1). A pattern-less permission of a
 * role behaves exactly like the grant {@code (permission, "*")}.
 *
 * <p>Grants order by permission (declaration order), then pattern in UTF-8 byte order, which is the
 * order STORAGE.md §13 gives for the persisted {@code grants} arrays.
 *
 * @param permission the permission granted
 * @param pattern    a key pattern; see {@link KeyPattern} for its meaning
 */
public record Grant(Permission permission, String pattern) implements Comparable<Grant> {

    public static final String ALL_KEYS = "*";

    public Grant {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** The grant {@code (permission, "*")}. */
    public static Grant everywhere(Permission permission) {
        return new Grant(permission, ALL_KEYS);
    }

    /** {@code <perm> on <pattern>}, the form SHOW ROLES and SHOW GRANTS print. */
    public String describe() {
        return permission.text() + " on " + pattern;
    }

    @Override
    public int compareTo(Grant other) {
        int byPermission = permission.compareTo(other.permission);
        return byPermission != 0 ? byPermission : Names.BYTE_ORDER.compare(pattern, other.pattern);
    }
}

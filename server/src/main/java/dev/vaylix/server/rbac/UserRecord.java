package dev.vaylix.server.rbac;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A user of the auth store (STORAGE.md §13).
 *
 * @param passwordHash the Argon2id PHC string; never a plaintext password
 * @param roles        role names, held in UTF-8 byte order; copied into an unmodifiable set
 * @param disabled     a disabled user cannot authenticate (no command sets it; kept for the format)
 */
public record UserRecord(String passwordHash, NavigableSet<String> roles, boolean disabled) {

    public UserRecord {
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(roles, "roles");
        TreeSet<String> sorted = new TreeSet<>(Names.BYTE_ORDER);
        sorted.addAll(roles);
        roles = Collections.unmodifiableNavigableSet(sorted);
    }

    /** A new enabled user with no roles. */
    public static UserRecord of(String passwordHash) {
        return new UserRecord(passwordHash, Collections.emptyNavigableSet(), false);
    }

    public boolean holds(String role) {
        return roles.contains(role);
    }

    UserRecord withRole(String role) {
        if (roles.contains(role)) {
            return this;
        }
        TreeSet<String> next = new TreeSet<>(roles);
        next.add(role);
        return new UserRecord(passwordHash, next, disabled);
    }

    UserRecord withoutRole(String role) {
        if (!roles.contains(role)) {
            return this;
        }
        TreeSet<String> next = new TreeSet<>(roles);
        next.remove(role);
        return new UserRecord(passwordHash, next, disabled);
    }

    UserRecord withPasswordHash(String hash) {
        return new UserRecord(hash, roles, disabled);
    }

    UserRecord enabled() {
        return disabled ? new UserRecord(passwordHash, roles, false) : this;
    }

    /** The hash stays out of logs and test failures. */
    @Override
    public String toString() {
        return "UserRecord[roles=" + roles + ", disabled=" + disabled + ", passwordHash=<redacted>]";
    }
}

package dev.vaylix.server.rbac;

import dev.vaylix.api.Key;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a session is and what it may do (COMMANDS.md §6.1), computed from one {@link AuthState} when
 * AUTH succeeds and recomputed whenever that state changes.
 *
 * <p><b>Revalidation (COMMANDS.md Note 8 is a reference bug).</b> The reference caches the identity
 * for the life of the session, so a dropped user, a changed password or a revoked role kept working
 * until the client reconnected. Here an identity remembers the {@linkplain AuthState#revision()
 * revision} it was computed at and the password hash it was authenticated against. Before every
 * command the session calls {@link #revalidate}: one {@code long} comparison while nothing changed;
 * after any RBAC change the identity is recomputed, and it is lost (the session must AUTH again,
 * SRV-007) if the user was dropped or disabled or its password changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class Identity {

    /** The user name of the identity sessions get when auth is disabled ({@code --disable-auth}). */
    public static final String ANONYMOUS = "anonymous";

    private static final Identity ANONYMOUS_IDENTITY = new Identity(
            ANONYMOUS, EnumSet.allOf(Permission.class), RoleRecord.ADMIN.effectiveGrants().stream().toList(), -1, "", true);

    private final String username;
    private final Set<Permission> permissions;
    private final List<Grant> grants;
    private final long revision;
    private final String credential;
    private final boolean anonymous;

    private Identity(String username, Set<Permission> permissions, List<Grant> grants, long revision, String credential,
                     boolean anonymous) {
        this.username = username;
        EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(permissions);
        this.permissions = Collections.unmodifiableSet(copy);
        this.grants = List.copyOf(grants);
        this.revision = revision;
        this.credential = credential;
        this.anonymous = anonymous;
    }

    /** The identity of every session while auth is disabled: all permissions, never revalidated. */
    public static Identity anonymous() {
        return ANONYMOUS_IDENTITY;
    }

    /**
     * Computes the identity of {@code username} in {@code state}: {@code permissions} is the union of
     * the roles' pattern-less permissions and of their grants with pattern exactly {@code *};
     * {@code grants} is the union of the roles' grants plus {@code (p, *)} for every pattern-less
     * permission. Empty if the user does not exist or is disabled.
     */
    static Optional<Identity> compute(AuthState state, String username) {
        UserRecord user = state.users().get(username);
        if (user == null || user.disabled()) {
            return Optional.empty();
        }
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        TreeSet<Grant> grants = new TreeSet<>();
        for (String roleName : user.roles()) {
            RoleRecord role = state.roles().get(roleName);
            if (role == null) {
                continue; // AuthState forbids dangling role names; kept defensive for clarity
            }
            permissions.addAll(role.permissions());
            for (Grant grant : role.grants()) {
                if (grant.pattern().equals(Grant.ALL_KEYS)) {
                    permissions.add(grant.permission());
                }
            }
            grants.addAll(role.effectiveGrants());
        }
        return Optional.of(new Identity(username, permissions, List.copyOf(grants), state.revision(),
                user.passwordHash(), false));
    }

    /**
     * This identity brought up to date with {@code current}: itself if the state has not changed
     * since it was computed (or it is anonymous); a recomputed identity if the user still exists, is
     * enabled and has the same password hash; empty if the session must authenticate again.
     */
    public Optional<Identity> revalidate(AuthState current) {
        if (anonymous || current.revision() == revision) {
            return Optional.of(this);
        }
        UserRecord user = current.users().get(username);
        if (user == null || user.disabled() || !user.passwordHash().equals(credential)) {
            return Optional.empty();
        }
        return compute(current, username);
    }

    public String username() {
        return username;
    }

    /** Held permissions that apply to every key; unmodifiable, iterated in declaration order. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** All grants in {@link Grant} order; unmodifiable. */
    public List<Grant> grants() {
        return grants;
    }

    /** The auth-state revision this identity reflects; -1 for the anonymous identity. */
    public long revision() {
        return revision;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    /** {@code has(p)}: {@code admin} is held, or {@code p} is held for every key. */
    public boolean has(Permission permission) {
        return permissions.contains(Permission.ADMIN) || permissions.contains(permission);
    }

    /** {@code allows_key(p, key)}: {@code admin} is held, or a grant of {@code p} matches the key. */
    public boolean allowsKey(Permission permission, String key) {
        if (permissions.contains(Permission.ADMIN)) {
            return true;
        }
        for (Grant grant : grants) {
            if (grant.permission() == permission && KeyPattern.matches(grant.pattern(), key)) {
                return true;
            }
        }
        return false;
    }

    public boolean allowsKey(Permission permission, Key key) {
        return allowsKey(permission, key.text());
    }

    /** {@code allows_pattern(p, glob)}: {@code admin} is held, or a grant of {@code p} covers the SCAN glob. */
    public boolean allowsPattern(Permission permission, String requested) {
        if (permissions.contains(Permission.ADMIN)) {
            return true;
        }
        for (Grant grant : grants) {
            if (grant.permission() == permission && KeyPattern.covers(grant.pattern(), requested)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Identity that && username.equals(that.username) && revision == that.revision
                && anonymous == that.anonymous && permissions.equals(that.permissions) && grants.equals(that.grants)
                && credential.equals(that.credential);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, revision, permissions, grants);
    }

    @Override
    public String toString() {
        return "Identity[username=" + username + ", revision=" + revision + ", permissions=" + permissions
                + ", grants=" + grants.size() + "]";
    }
}

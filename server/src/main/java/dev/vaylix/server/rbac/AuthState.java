package dev.vaylix.server.rbac;

import dev.vaylix.api.ErrorCode;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The replicated users/roles/grants state: an immutable, deterministic state machine.
 *
 * <p>In a Raft group every RBAC mutation is a log entry and every node applies it with
 * {@link #apply}; apply reads no clock, draws no randomness and iterates only sorted structures,
 * so all replicas hold equal states at equal log indexes (and equal {@link AuthStateCodec}
 * encodings). The check order and the exact SRV errors are those of COMMANDS.md §3.4.
 *
 * <p>Invariants, checked by the constructor (a decoded snapshot that breaks one is rejected):
 * the built-in role {@code admin} exists and holds {@code admin} both pattern-less and on {@code *}
 * (the only revocation that could remove it is refused with SRV-023); every role a user holds exists
 * (DROP ROLE removes the role from every user); {@code revision} is not negative.
 *
 * @param revision       counts the mutations that changed the state; sessions compare it to notice
 *                       changes cheaply ({@link Identity#revalidate})
 * @param users          users by name, UTF-8 byte order; copied into an unmodifiable map
 * @param roles          roles by name, UTF-8 byte order; copied into an unmodifiable map
 * @param bootstrapAdmin the user the last start-up reconciliation made administrator; may name a user
 *                       that was dropped since (kept so a later reconciliation never mistakes an
 *                       operator-created admin for the previous bootstrap user)
 */
public record AuthState(long revision, NavigableMap<String, UserRecord> users, NavigableMap<String, RoleRecord> roles,
                        Optional<String> bootstrapAdmin) {

    /** The name of the built-in, protected role. */
    public static final String ADMIN_ROLE = "admin";

    /** The well-known default user name (and password) of a fresh installation. */
    public static final String DEFAULT_USER = "vaylix";

    /** The state before the first start-up: only the built-in {@code admin} role. */
    public static final AuthState INITIAL = new AuthState(0, new TreeMap<>(), new TreeMap<>(Map.of(ADMIN_ROLE, RoleRecord.ADMIN)),
            Optional.empty());

    public AuthState {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(bootstrapAdmin, "bootstrapAdmin");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative: " + revision);
        }
        users = sortedCopy(users);
        roles = sortedCopy(roles);
        RoleRecord admin = roles.get(ADMIN_ROLE);
        if (admin == null) {
            throw new IllegalArgumentException("the built-in role admin is missing");
        }
        if (!admin.permissions().contains(Permission.ADMIN) || !admin.grants().contains(Grant.everywhere(Permission.ADMIN))) {
            throw new IllegalArgumentException("the built-in role admin lost the admin permission");
        }
        for (Map.Entry<String, UserRecord> user : users.entrySet()) {
            for (String role : user.getValue().roles()) {
                if (!roles.containsKey(role)) {
                    throw new IllegalArgumentException("user " + user.getKey() + " holds unknown role " + role);
                }
            }
        }
    }

    /** True once a start-up reconciliation ran ({@link AuthMutation.BootstrapAdmin}). */
    public boolean isBootstrapped() {
        return bootstrapAdmin.isPresent();
    }

    /** Number of users holding {@code admin} that are not disabled: what last-admin protection counts. */
    public int enabledAdminCount() {
        int count = 0;
        for (UserRecord user : users.values()) {
            if (isEnabledAdmin(user)) {
                count++;
            }
        }
        return count;
    }

    /** The session identity of {@code username}; empty if the user does not exist or is disabled. */
    public Optional<Identity> identityFor(String username) {
        return Identity.compute(this, username);
    }

    /**
     * Applies one mutation. Pure: returns the next state (revision + 1 if anything changed, the same
     * instance otherwise) or the rejection with the unchanged state.
     */
    public AuthResult apply(AuthMutation mutation) {
        return switch (mutation) {
            case AuthMutation.CreateUser m -> createUser(m);
            case AuthMutation.AlterUserPassword m -> alterUserPassword(m);
            case AuthMutation.DropUser m -> dropUser(m);
            case AuthMutation.CreateRole m -> createRole(m);
            case AuthMutation.DropRole m -> dropRole(m);
            case AuthMutation.GrantRole m -> grantRole(m);
            case AuthMutation.RevokeRole m -> revokeRole(m);
            case AuthMutation.GrantPermission m -> grantPermission(m);
            case AuthMutation.RevokePermission m -> revokePermission(m);
            case AuthMutation.BootstrapAdmin m -> Bootstrap.apply(this, m);
        };
    }

    // CREATE USER: the password policy (SRV-032) was checked before hashing, on the proposing node.
    private AuthResult createUser(AuthMutation.CreateUser m) {
        if (users.containsKey(m.username())) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_019, m.username());
        }
        return changed(withUser(m.username(), UserRecord.of(m.passwordHash())), roles, bootstrapAdmin);
    }

    // ALTER USER … PASSWORD: policy first (proposer), then an unknown user.
    private AuthResult alterUserPassword(AuthMutation.AlterUserPassword m) {
        UserRecord user = users.get(m.username());
        if (user == null) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_020, m.username());
        }
        if (user.passwordHash().equals(m.passwordHash())) {
            return new AuthResult.Applied(this);
        }
        return changed(withUser(m.username(), user.withPasswordHash(m.passwordHash())), roles, bootstrapAdmin);
    }

    private AuthResult dropUser(AuthMutation.DropUser m) {
        UserRecord user = users.get(m.username());
        if (user == null) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_020, m.username());
        }
        if (isEnabledAdmin(user) && enabledAdminCount() <= 1) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_024);
        }
        TreeMap<String, UserRecord> next = new TreeMap<>(users);
        next.remove(m.username());
        return changed(next, roles, bootstrapAdmin);
    }

    private AuthResult createRole(AuthMutation.CreateRole m) {
        if (roles.containsKey(m.role())) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_021, m.role());
        }
        return changed(users, withRole(m.role(), RoleRecord.EMPTY), bootstrapAdmin);
    }

    private AuthResult dropRole(AuthMutation.DropRole m) {
        if (m.role().equals(ADMIN_ROLE)) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_023, ADMIN_ROLE);
        }
        if (!roles.containsKey(m.role())) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_022, m.role());
        }
        TreeMap<String, RoleRecord> nextRoles = new TreeMap<>(roles);
        nextRoles.remove(m.role());
        TreeMap<String, UserRecord> nextUsers = new TreeMap<>(users);
        nextUsers.replaceAll((name, user) -> user.withoutRole(m.role()));
        return changed(nextUsers, nextRoles, bootstrapAdmin);
    }

    private AuthResult grantRole(AuthMutation.GrantRole m) {
        if (!roles.containsKey(m.role())) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_022, m.role());
        }
        UserRecord user = users.get(m.username());
        if (user == null) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_020, m.username());
        }
        if (user.holds(m.role())) {
            return new AuthResult.Applied(this);
        }
        return changed(withUser(m.username(), user.withRole(m.role())), roles, bootstrapAdmin);
    }

    private AuthResult revokeRole(AuthMutation.RevokeRole m) {
        UserRecord user = users.get(m.username());
        if (m.role().equals(ADMIN_ROLE) && user != null && isEnabledAdmin(user) && enabledAdminCount() <= 1) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_024);
        }
        if (user == null) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_020, m.username());
        }
        if (!user.holds(m.role())) {
            return new AuthResult.Applied(this); // idempotent; the role need not even exist
        }
        return changed(withUser(m.username(), user.withoutRole(m.role())), roles, bootstrapAdmin);
    }

    private AuthResult grantPermission(AuthMutation.GrantPermission m) {
        Optional<Permission> permission = Permission.parse(m.permission());
        if (permission.isEmpty()) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_018, m.permission());
        }
        RoleRecord role = roles.get(m.role());
        if (role == null) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_022, m.role());
        }
        RoleRecord next = role.withGrant(new Grant(permission.get(), m.pattern()));
        return next == role ? new AuthResult.Applied(this) : changed(users, withRole(m.role(), next), bootstrapAdmin);
    }

    private AuthResult revokePermission(AuthMutation.RevokePermission m) {
        Optional<Permission> permission = Permission.parse(m.permission());
        if (permission.isEmpty()) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_018, m.permission());
        }
        if (permission.get() == Permission.ADMIN && m.pattern().equals(Grant.ALL_KEYS) && m.role().equals(ADMIN_ROLE)) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_023, ADMIN_ROLE);
        }
        RoleRecord role = roles.get(m.role());
        if (role == null) {
            return AuthResult.Rejected.of(this, ErrorCode.SRV_022, m.role());
        }
        RoleRecord next = role.withoutGrant(new Grant(permission.get(), m.pattern()));
        return next == role ? new AuthResult.Applied(this) : changed(users, withRole(m.role(), next), bootstrapAdmin);
    }

    static boolean isEnabledAdmin(UserRecord user) {
        return !user.disabled() && user.holds(ADMIN_ROLE);
    }

    /** The next state with revision + 1. */
    AuthResult.Applied changed(NavigableMap<String, UserRecord> nextUsers, NavigableMap<String, RoleRecord> nextRoles,
                               Optional<String> nextBootstrapAdmin) {
        return new AuthResult.Applied(new AuthState(revision + 1, nextUsers, nextRoles, nextBootstrapAdmin));
    }

    TreeMap<String, UserRecord> withUser(String name, UserRecord user) {
        TreeMap<String, UserRecord> next = new TreeMap<>(users);
        next.put(name, user);
        return next;
    }

    TreeMap<String, RoleRecord> withRole(String name, RoleRecord role) {
        TreeMap<String, RoleRecord> next = new TreeMap<>(roles);
        next.put(name, role);
        return next;
    }

    private static <V> NavigableMap<String, V> sortedCopy(Map<String, V> map) {
        TreeMap<String, V> sorted = new TreeMap<>(Names.BYTE_ORDER);
        for (Map.Entry<String, V> entry : map.entrySet()) {
            sorted.put(Objects.requireNonNull(entry.getKey(), "name"), Objects.requireNonNull(entry.getValue(), "record"));
        }
        return Collections.unmodifiableNavigableMap(sorted);
    }
}

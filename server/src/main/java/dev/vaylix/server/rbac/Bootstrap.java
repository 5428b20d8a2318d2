package dev.vaylix.server.rbac;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies {@link AuthMutation.BootstrapAdmin}: the start-up reconciliation of STORAGE.md §13.
 *
 * <ul>
 *   <li>A store that was never set up (no users, never bootstrapped): the configured user becomes the
 *       only user, holding {@code admin}; the bootstrap password is exempt from the password policy.</li>
 *   <li>An existing store with the default credentials {@code vaylix}/{@code vaylix}: nothing changes,
 *       so starting without flags never re-creates the well-known login an operator removed.</li>
 *   <li>Otherwise: the previous bootstrap administrator is remembered (or, for a store that has none
 *       recorded, its single enabled admin user); the {@code admin} role gets every permission back;
 *       the configured user is created or updated (new hash, {@code admin} added, enabled); the
 *       previous bootstrap administrator is removed if it is another user holding {@code admin}; if
 *       the configured name is not {@code vaylix}, user {@code vaylix} is removed when it holds
 *       {@code admin} <em>or still has the default password</em> (the reference checked the password
 *       but removed only admin holders, STORAGE.md Note 13: a non-admin {@code vaylix}/{@code vaylix}
 *       login survived every credential rotation).</li>
 * </ul>
 *
 * Whether {@code vaylix} still has the default password needs an Argon2 verification, which apply
 * must not do (it is slow, and apply must be cheap and deterministic): the planner verifies before
 * proposing and the entry carries the hash it verified; apply removes the user only if its hash is
 * still exactly that one, so a password changed in between protects the user.
 */
final class Bootstrap {

    private Bootstrap() {
    }

    static AuthResult apply(AuthState state, AuthMutation.BootstrapAdmin m) {
        if (!state.isBootstrapped() && state.users().isEmpty()) {
            TreeMap<String, UserRecord> users = new TreeMap<>(Names.BYTE_ORDER);
            users.put(m.username(), UserRecord.of(m.passwordHash()).withRole(AuthState.ADMIN_ROLE));
            return state.changed(users, state.withRole(AuthState.ADMIN_ROLE, RoleRecord.ADMIN), Optional.of(m.username()));
        }
        if (m.defaultCredentials()) {
            return new AuthResult.Applied(state);
        }
        Optional<String> previous = state.bootstrapAdmin().or(() -> singleEnabledAdmin(state));

        TreeMap<String, UserRecord> users = new TreeMap<>(state.users());
        UserRecord configured = users.getOrDefault(m.username(), UserRecord.of(m.passwordHash()));
        users.put(m.username(), configured.withPasswordHash(m.passwordHash()).withRole(AuthState.ADMIN_ROLE).enabled());

        if (previous.isPresent() && !previous.get().equals(m.username())) {
            UserRecord previousUser = users.get(previous.get());
            if (previousUser != null && previousUser.holds(AuthState.ADMIN_ROLE)) {
                users.remove(previous.get());
            }
        }
        if (!m.username().equals(AuthState.DEFAULT_USER)) {
            UserRecord defaultUser = users.get(AuthState.DEFAULT_USER);
            if (defaultUser != null && (defaultUser.holds(AuthState.ADMIN_ROLE)
                    || m.defaultUserHash().filter(defaultUser.passwordHash()::equals).isPresent())) {
                users.remove(AuthState.DEFAULT_USER);
            }
        }
        TreeMap<String, RoleRecord> roles = state.withRole(AuthState.ADMIN_ROLE, RoleRecord.ADMIN);
        Optional<String> bootstrapAdmin = Optional.of(m.username());
        if (users.equals(state.users()) && roles.equals(state.roles()) && bootstrapAdmin.equals(state.bootstrapAdmin())) {
            return new AuthResult.Applied(state); // a restart with unchanged credentials changes nothing
        }
        return state.changed(users, roles, bootstrapAdmin);
    }

    /** The legacy fallback of §13: the single enabled admin user, if there is exactly one. */
    private static Optional<String> singleEnabledAdmin(AuthState state) {
        String found = null;
        for (Map.Entry<String, UserRecord> user : state.users().entrySet()) {
            if (AuthState.isEnabledAdmin(user.getValue())) {
                if (found != null) {
                    return Optional.empty();
                }
                found = user.getKey();
            }
        }
        return Optional.ofNullable(found);
    }
}

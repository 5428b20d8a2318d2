package dev.vaylix.server.auth;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.UserRecord;
import java.util.Optional;

/**
 * Plans the start-up reconciliation of the bootstrap administrator (STORAGE.md §13) as an
 * {@link AuthMutation.BootstrapAdmin} to propose: the slow, non-deterministic work (Argon2 hashing
 * and verification) happens here, on the starting node, and the entry carries only its results.
 *
 * <p>If the configured password already verifies against the configured user's current hash, the
 * entry carries that same hash, so restarting with unchanged credentials leaves the state, its
 * revision and every session untouched.
 */
public final class BootstrapPlanner {

    private BootstrapPlanner() {
    }

    /**
     * @param current  the auth state the node sees now (apply re-evaluates against the state at the
     *                 entry's position in the log)
     * @param username {@code --user}
     * @param password {@code --password}; exempt from the password policy
     * @throws VaylixException {@link ErrorCode#SRV_012} if no hashing slot frees up in time
     */
    public static AuthMutation.BootstrapAdmin plan(AuthState current, String username, String password, PasswordHasher hasher) {
        boolean defaultCredentials = username.equals(AuthState.DEFAULT_USER) && password.equals(AuthState.DEFAULT_USER);
        UserRecord existing = current.users().get(username);
        String hash = existing != null && verifies(hasher, password, existing.passwordHash())
                ? existing.passwordHash() : hasher.hash(password);

        Optional<String> defaultUserHash = Optional.empty();
        UserRecord defaultUser = current.users().get(AuthState.DEFAULT_USER);
        // An admin-holding vaylix is removed anyway; only a non-admin one needs the password check.
        if (!username.equals(AuthState.DEFAULT_USER) && defaultUser != null && !defaultUser.holds(AuthState.ADMIN_ROLE)
                && verifies(hasher, AuthState.DEFAULT_USER, defaultUser.passwordHash())) {
            defaultUserHash = Optional.of(defaultUser.passwordHash());
        }
        return new AuthMutation.BootstrapAdmin(username, hash, defaultCredentials, defaultUserHash);
    }

    /** An unusable stored hash verifies nothing; reconciliation replaces it rather than failing start-up. */
    private static boolean verifies(PasswordHasher hasher, String password, String phc) {
        return PasswordHasher.isWellFormed(phc) && hasher.verify(password, phc);
    }
}

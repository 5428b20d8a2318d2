package dev.vaylix.server.auth;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.Identity;
import dev.vaylix.server.rbac.UserRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * The AUTH command (COMMANDS.md §7): lockout check, then password verification against one
 * snapshot of the auth state, then the lockout bookkeeping.
 *
 * <p>Unknown and disabled users get the same answer as a wrong password (SRV-008) after the same
 * amount of work ({@link PasswordHasher#verifyDecoy}), and are counted by the lockout like any other
 * failure, so neither the reply nor its timing reveals which user names exist.
 *
 * <p>Thread-safe; blocking (Argon2), so call it from the session's own (virtual) thread.
 */
public final class Authenticator {

    private final PasswordHasher hasher;
    private final LockoutTracker lockout;

    public Authenticator(PasswordHasher hasher, LockoutTracker lockout) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
    }

    /**
     * @param state    the current auth state; the identity is computed from this same state
     * @param peerHost the client's IP address without port ({@link LockoutTracker#peerHost})
     * @throws VaylixException {@link ErrorCode#SRV_009} if the user's stored hash is unusable;
     *                         {@link ErrorCode#SRV_012} if the server is saturated with hashing. Neither
     *                         counts as a failed attempt.
     */
    public AuthOutcome authenticate(AuthState state, String username, String password, String peerHost) {
        if (lockout.isLocked(username, peerHost)) {
            return new AuthOutcome.Locked(username);
        }
        UserRecord user = state.users().get(username);
        boolean verified;
        if (user == null || user.disabled()) {
            verified = hasher.verifyDecoy(password);
        } else {
            verified = hasher.verify(password, user.passwordHash());
        }
        Optional<Identity> identity = verified ? state.identityFor(username) : Optional.empty();
        if (identity.isEmpty()) {
            return new AuthOutcome.Failed(lockout.recordFailure(username, peerHost));
        }
        lockout.recordSuccess(username, peerHost);
        return new AuthOutcome.Success(identity.get());
    }

    public LockoutTracker lockout() {
        return lockout;
    }
}

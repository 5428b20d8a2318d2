package dev.vaylix.server.auth;

import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.Identity;
import java.util.Optional;

/**
 * The identity of one session, kept current with the replicated auth state.
 *
 * <ul>
 *   <li>With auth enabled a session starts unauthenticated; a successful AUTH sets the identity, a
 *       failed or locked-out AUTH clears it (COMMANDS.md Note 8: the reference kept the old one).</li>
 *   <li>Before every command the session asks for {@link #current}: the identity is revalidated
 *       against the latest state, so a dropped user, a changed password or a revoked grant takes effect
 *       at the next command (Note 8).</li>
 *   <li>With auth disabled the session is {@link Identity#anonymous()} from the start, so WHOAMI and
 *       SHOW GRANTS need no AUTH (Note 14), and AUTH changes nothing.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per session, used by the session's thread.
 */
public final class SessionIdentity {

    private final boolean authEnabled;
    private Identity identity;

    private SessionIdentity(boolean authEnabled, Identity identity) {
        this.authEnabled = authEnabled;
        this.identity = identity;
    }

    /** A new session of a server with auth enabled: unauthenticated. */
    public static SessionIdentity unauthenticated() {
        return new SessionIdentity(true, null);
    }

    /** A new session of a server running with {@code --disable-auth}: anonymous, all permissions. */
    public static SessionIdentity authDisabled() {
        return new SessionIdentity(false, Identity.anonymous());
    }

    /**
     * The session's identity as of {@code state}; empty if the session is not (or no longer)
     * authenticated. Cheap when the state has not changed since the last call.
     */
    public Optional<Identity> current(AuthState state) {
        if (identity == null) {
            return Optional.empty();
        }
        Optional<Identity> revalidated = identity.revalidate(state);
        identity = revalidated.orElse(null);
        return revalidated;
    }

    /** Records the outcome of an AUTH on this session. Ignored with auth disabled. */
    public void onAuth(AuthOutcome outcome) {
        if (!authEnabled) {
            return;
        }
        identity = switch (outcome) {
            case AuthOutcome.Success success -> success.identity();
            case AuthOutcome.Failed _, AuthOutcome.Locked _ -> null;
        };
    }

    public boolean authEnabled() {
        return authEnabled;
    }
}

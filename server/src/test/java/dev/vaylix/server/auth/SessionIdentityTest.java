package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.Identity;
import dev.vaylix.server.rbac.Permission;
import dev.vaylix.server.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionIdentityTest {

    final AuthState state = AuthState.INITIAL
            .apply(new AuthMutation.BootstrapAdmin("root", Fixtures.fakePhc(1), false, Optional.empty())).state()
            .apply(new AuthMutation.CreateUser("alice", Fixtures.fakePhc(2))).state()
            .apply(new AuthMutation.GrantRole("admin", "alice")).state();
    final Identity alice = state.identityFor("alice").orElseThrow();

    @Test
    void a_session_starts_unauthenticated_and_auth_sets_its_identity() {
        SessionIdentity session = SessionIdentity.unauthenticated();
        assertEquals(Optional.empty(), session.current(state));
        session.onAuth(new AuthOutcome.Success(alice));
        assertSame(alice, session.current(state).orElseThrow());
    }

    @Test
    void a_failed_or_locked_re_auth_drops_the_previous_identity() {
        SessionIdentity session = SessionIdentity.unauthenticated();
        session.onAuth(new AuthOutcome.Success(alice));
        session.onAuth(new AuthOutcome.Failed(false));
        assertEquals(Optional.empty(), session.current(state));
        session.onAuth(new AuthOutcome.Success(alice));
        session.onAuth(new AuthOutcome.Locked("alice"));
        assertEquals(Optional.empty(), session.current(state));
    }

    @Test
    void rbac_changes_reach_the_session_at_its_next_command() {
        SessionIdentity session = SessionIdentity.unauthenticated();
        session.onAuth(new AuthOutcome.Success(alice));
        AuthState revoked = state.apply(new AuthMutation.RevokeRole("admin", "alice")).state();
        assertTrue(session.current(revoked).orElseThrow().permissions().isEmpty());
        AuthState dropped = revoked.apply(new AuthMutation.DropUser("alice")).state();
        assertEquals(Optional.empty(), session.current(dropped));
        assertEquals(Optional.empty(), session.current(state), "once lost, the identity does not come back");
    }

    @Test
    void with_auth_disabled_sessions_are_anonymous_from_the_start() {
        SessionIdentity session = SessionIdentity.authDisabled();
        Identity anonymous = session.current(state).orElseThrow();
        assertEquals("anonymous", anonymous.username());
        assertTrue(anonymous.has(Permission.USER_ADMIN));
        session.onAuth(new AuthOutcome.Failed(false));
        assertSame(Identity.anonymous(), session.current(state).orElseThrow());
    }
}

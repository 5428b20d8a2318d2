package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.Permission;
import dev.vaylix.server.rbac.UserRecord;
import dev.vaylix.server.testing.Fixtures;
import dev.vaylix.server.testing.ManualClock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    final PasswordHasher hasher = Fixtures.cheapHasher();
    final LockoutTracker lockout = new LockoutTracker(LockoutTracker.Policy.of(3, 300, 900), ManualClock.started());
    final Authenticator authenticator = new Authenticator(hasher, lockout);
    final AuthState state = AuthState.INITIAL
            .apply(new AuthMutation.BootstrapAdmin("root", hasher.hash("root password 1"), false, Optional.empty())).state()
            .apply(new AuthMutation.CreateUser("alice", hasher.hash("alice password 1"))).state();

    @Test
    void the_right_password_yields_the_users_identity() {
        AuthOutcome outcome = authenticator.authenticate(state, "root", "root password 1", "10.0.0.1");
        AuthOutcome.Success success = assertInstanceOf(AuthOutcome.Success.class, outcome);
        assertEquals("root", success.identity().username());
        assertTrue(success.identity().has(Permission.ADMIN));
        assertEquals(Reply.OK, outcome.reply());
    }

    @Test
    void wrong_password_unknown_user_and_disabled_user_all_answer_srv_008() {
        TreeMap<String, UserRecord> users = new TreeMap<>(state.users());
        users.put("off", new UserRecord(hasher.hash("off password 1"), new TreeSet<>(Set.of("admin")), true));
        AuthState withDisabled = new AuthState(state.revision(), users, state.roles(), state.bootstrapAdmin());
        Reply expected = new Reply.Error("SRV-008", "Authentication Failed", "client authentication failed");
        assertEquals(expected, authenticator.authenticate(withDisabled, "alice", "wrong", "h").reply());
        assertEquals(expected, authenticator.authenticate(withDisabled, "nobody", "wrong", "h").reply());
        assertEquals(expected, authenticator.authenticate(withDisabled, "off", "off password 1", "h").reply());
    }

    @Test
    void repeated_failures_lock_and_the_lock_is_checked_before_the_password() {
        for (int i = 0; i < 2; i++) {
            assertEquals(new AuthOutcome.Failed(false), authenticator.authenticate(state, "alice", "wrong", "h"));
        }
        assertEquals(new AuthOutcome.Failed(true), authenticator.authenticate(state, "alice", "wrong", "h"));
        AuthOutcome locked = authenticator.authenticate(state, "alice", "alice password 1", "h");
        assertEquals(new AuthOutcome.Locked("alice"), locked);
        assertEquals(new Reply.Error("SRV-031", "Authentication Locked", "authentication lockout active for alice"), locked.reply());
    }

    @Test
    void unknown_users_are_counted_like_known_ones() {
        for (int i = 0; i < 3; i++) {
            authenticator.authenticate(state, "ghost", "x", "h");
        }
        assertInstanceOf(AuthOutcome.Locked.class, authenticator.authenticate(state, "ghost", "x", "h"));
    }

    @Test
    void success_resets_the_counters() {
        authenticator.authenticate(state, "alice", "wrong", "h");
        authenticator.authenticate(state, "alice", "wrong", "h");
        assertInstanceOf(AuthOutcome.Success.class, authenticator.authenticate(state, "alice", "alice password 1", "h"));
        authenticator.authenticate(state, "alice", "wrong", "h");
        assertFalse(lockout.isLocked("alice", "h"));
    }

    @Test
    void an_unusable_stored_hash_is_a_server_error_not_a_failed_attempt() {
        TreeMap<String, UserRecord> users = new TreeMap<>(state.users());
        users.put("broken", UserRecord.of("not a phc string"));
        AuthState broken = new AuthState(state.revision(), users, state.roles(), state.bootstrapAdmin());
        VaylixException e = assertThrows(VaylixException.class, () -> authenticator.authenticate(broken, "broken", "x", "h"));
        assertEquals(ErrorCode.SRV_009, e.code());
        assertEquals(0, lockout.trackedRecordCount());
    }
}

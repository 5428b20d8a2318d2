package dev.vaylix.server.rbac;

import static dev.vaylix.server.rbac.AuthStateTest.applyAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Key;
import dev.vaylix.server.testing.Fixtures;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IdentityTest {

    static final String H = Fixtures.fakePhc(21);

    /** alice: role "readers" (read on user:*, read on *:public, write on *), bob: nothing. */
    static AuthState state() {
        return applyAll(AuthStateTest.sample(),
                new AuthMutation.CreateRole("readers"),
                new AuthMutation.GrantPermission("read", "user:*", "readers"),
                new AuthMutation.GrantPermission("read", "*:public", "readers"),
                new AuthMutation.GrantPermission("metrics", "*", "readers"),
                new AuthMutation.GrantRole("readers", "alice"));
    }

    @Test
    void permissions_hold_only_star_grants_and_grants_hold_everything() {
        Identity alice = state().identityFor("alice").orElseThrow();
        assertEquals(EnumSet.of(Permission.METRICS), alice.permissions());
        assertEquals(3, alice.grants().size());
        assertTrue(alice.has(Permission.METRICS));
        assertFalse(alice.has(Permission.READ));
    }

    @Test
    void key_checks_follow_the_grant_patterns() {
        Identity alice = state().identityFor("alice").orElseThrow();
        assertTrue(alice.allowsKey(Permission.READ, Key.of("user:1")));
        assertTrue(alice.allowsKey(Permission.READ, "cfg:public"));
        assertFalse(alice.allowsKey(Permission.READ, "cfg:private"));
        assertFalse(alice.allowsKey(Permission.WRITE, "user:1"));
        assertTrue(alice.allowsPattern(Permission.READ, "user:*"));
        assertFalse(alice.allowsPattern(Permission.READ, "*"));
        assertFalse(alice.allowsPattern(Permission.WRITE, "user:*"));
    }

    @Test
    void a_user_without_roles_may_do_nothing() {
        Identity bob = state().identityFor("bob").orElseThrow();
        assertTrue(bob.permissions().isEmpty());
        assertTrue(bob.grants().isEmpty());
        for (Permission permission : Permission.values()) {
            assertFalse(bob.has(permission));
            assertFalse(bob.allowsKey(permission, "k"));
            assertFalse(bob.allowsPattern(permission, "k"));
        }
    }

    @Test
    void admin_may_do_everything() {
        Identity root = state().identityFor("root").orElseThrow();
        assertEquals(EnumSet.allOf(Permission.class), root.permissions());
        assertTrue(root.allowsKey(Permission.WRITE, "anything"));
        assertTrue(root.allowsPattern(Permission.READ, "*"));
    }

    @Test
    void unknown_and_disabled_users_have_no_identity() {
        AuthState state = state();
        assertTrue(state.identityFor("carol").isEmpty());
        TreeMap<String, UserRecord> users = new TreeMap<>(state.users());
        users.put("off", new UserRecord(H, new TreeSet<>(Set.of("admin")), true));
        assertTrue(new AuthState(state.revision(), users, state.roles(), state.bootstrapAdmin()).identityFor("off").isEmpty());
    }

    @Test
    void revalidation_is_free_while_nothing_changed() {
        AuthState state = state();
        Identity alice = state.identityFor("alice").orElseThrow();
        assertSame(alice, alice.revalidate(state).orElseThrow());
    }

    @Test
    void a_revoked_grant_takes_effect_at_the_next_command() {
        AuthState state = state();
        Identity alice = state.identityFor("alice").orElseThrow();
        AuthState next = applyAll(state, new AuthMutation.RevokePermission("read", "user:*", "readers"));
        Identity revalidated = alice.revalidate(next).orElseThrow();
        assertFalse(revalidated.allowsKey(Permission.READ, "user:1"));
        assertEquals(next.revision(), revalidated.revision());
    }

    @Test
    void a_dropped_user_loses_its_session() {
        AuthState state = state();
        Identity alice = state.identityFor("alice").orElseThrow();
        assertEquals(Optional.empty(), alice.revalidate(applyAll(state, new AuthMutation.DropUser("alice"))));
    }

    @Test
    void a_changed_password_ends_sessions_authenticated_with_the_old_one() {
        AuthState state = state();
        Identity alice = state.identityFor("alice").orElseThrow();
        AuthState next = applyAll(state, new AuthMutation.AlterUserPassword("alice", Fixtures.fakePhc(99)));
        assertEquals(Optional.empty(), alice.revalidate(next));
    }

    @Test
    void changes_to_other_users_keep_the_session_with_equal_rights() {
        AuthState state = state();
        Identity alice = state.identityFor("alice").orElseThrow();
        AuthState next = applyAll(state, new AuthMutation.CreateUser("dave", H));
        Identity revalidated = alice.revalidate(next).orElseThrow();
        assertEquals(alice.permissions(), revalidated.permissions());
        assertEquals(alice.grants(), revalidated.grants());
    }

    @Test
    void the_anonymous_identity_holds_everything_and_never_expires() {
        Identity anonymous = Identity.anonymous();
        assertEquals("anonymous", anonymous.username());
        assertEquals(EnumSet.allOf(Permission.class), anonymous.permissions());
        assertSame(anonymous, anonymous.revalidate(state()).orElseThrow());
        assertTrue(anonymous.allowsKey(Permission.WRITE, "k"));
    }
}

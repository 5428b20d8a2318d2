package dev.vaylix.server.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.server.testing.Fixtures;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AuthStateTest {

    static final String ROOT_HASH = Fixtures.fakePhc(1);
    static final String ALICE_HASH = Fixtures.fakePhc(2);
    static final String BOB_HASH = Fixtures.fakePhc(3);

    /** Bootstrapped with admin "root", plus users alice and bob (no roles) and role "ops". */
    static AuthState sample() {
        return applyAll(AuthState.INITIAL,
                new AuthMutation.BootstrapAdmin("root", ROOT_HASH, false, Optional.empty()),
                new AuthMutation.CreateUser("alice", ALICE_HASH),
                new AuthMutation.CreateUser("bob", BOB_HASH),
                new AuthMutation.CreateRole("ops"));
    }

    static AuthState applyAll(AuthState state, AuthMutation... mutations) {
        for (AuthMutation mutation : mutations) {
            AuthResult result = state.apply(mutation);
            assertInstanceOf(AuthResult.Applied.class, result, () -> mutation + " → " + result);
            state = result.state();
        }
        return state;
    }

    static void assertRejected(AuthState state, AuthMutation mutation, ErrorCode code, String message) {
        AuthResult result = state.apply(mutation);
        AuthResult.Rejected rejected = assertInstanceOf(AuthResult.Rejected.class, result, mutation::toString);
        assertEquals(code, rejected.code());
        assertEquals(message, rejected.message());
        assertSame(state, rejected.state(), "a rejection leaves the state untouched");
    }

    @Test
    void initial_state_holds_only_the_admin_role() {
        assertTrue(AuthState.INITIAL.users().isEmpty());
        assertEquals(Set.of("admin"), AuthState.INITIAL.roles().keySet());
        assertEquals(RoleRecord.ADMIN, AuthState.INITIAL.roles().get("admin"));
        assertFalse(AuthState.INITIAL.isBootstrapped());
        assertEquals(0, AuthState.INITIAL.revision());
    }

    @Test
    void create_user_starts_without_roles_and_rejects_duplicates() {
        AuthState state = sample();
        assertEquals(Set.of(), state.users().get("alice").roles());
        assertRejected(state, new AuthMutation.CreateUser("alice", BOB_HASH), ErrorCode.SRV_019, "user already exists: alice");
    }

    @Test
    void alter_user_replaces_the_hash_of_known_users_only() {
        AuthState state = sample();
        AuthState next = applyAll(state, new AuthMutation.AlterUserPassword("alice", BOB_HASH));
        assertEquals(BOB_HASH, next.users().get("alice").passwordHash());
        assertEquals(state.revision() + 1, next.revision());
        assertRejected(state, new AuthMutation.AlterUserPassword("carol", BOB_HASH), ErrorCode.SRV_020, "user not found: carol");
    }

    @Test
    void drop_user_refuses_unknown_users_and_the_last_enabled_admin() {
        AuthState state = sample();
        assertRejected(state, new AuthMutation.DropUser("carol"), ErrorCode.SRV_020, "user not found: carol");
        assertRejected(state, new AuthMutation.DropUser("root"), ErrorCode.SRV_024, "cannot remove the last admin user");

        AuthState twoAdmins = applyAll(state, new AuthMutation.GrantRole("admin", "alice"));
        AuthState dropped = applyAll(twoAdmins, new AuthMutation.DropUser("root"));
        assertFalse(dropped.users().containsKey("root"));
        assertRejected(dropped, new AuthMutation.DropUser("alice"), ErrorCode.SRV_024, "cannot remove the last admin user");
        assertEquals(Optional.of("root"), dropped.bootstrapAdmin(), "the bootstrap record survives the user");
    }

    @Test
    void a_disabled_admin_does_not_count_and_can_be_dropped() {
        AuthState state = sample();
        TreeMap<String, UserRecord> users = new TreeMap<>(state.users());
        users.put("old", new UserRecord(BOB_HASH, new TreeSet<>(Set.of("admin")), true));
        AuthState withDisabledAdmin = new AuthState(state.revision(), users, state.roles(), state.bootstrapAdmin());
        assertEquals(1, withDisabledAdmin.enabledAdminCount());
        assertRejected(withDisabledAdmin, new AuthMutation.DropUser("root"), ErrorCode.SRV_024, "cannot remove the last admin user");
        assertFalse(applyAll(withDisabledAdmin, new AuthMutation.DropUser("old")).users().containsKey("old"));
    }

    @Test
    void create_role_rejects_existing_roles_including_admin() {
        AuthState state = sample();
        assertEquals(RoleRecord.EMPTY, state.roles().get("ops"));
        assertRejected(state, new AuthMutation.CreateRole("ops"), ErrorCode.SRV_021, "role already exists: ops");
        assertRejected(state, new AuthMutation.CreateRole("admin"), ErrorCode.SRV_021, "role already exists: admin");
    }

    @Test
    void drop_role_protects_admin_before_looking_the_role_up_and_removes_it_from_users() {
        AuthState state = applyAll(sample(), new AuthMutation.GrantRole("ops", "alice"), new AuthMutation.GrantRole("ops", "bob"));
        assertRejected(state, new AuthMutation.DropRole("admin"), ErrorCode.SRV_023, "role is protected: admin");
        assertRejected(state, new AuthMutation.DropRole("nope"), ErrorCode.SRV_022, "role not found: nope");
        AuthState next = applyAll(state, new AuthMutation.DropRole("ops"));
        assertFalse(next.roles().containsKey("ops"));
        assertEquals(Set.of(), next.users().get("alice").roles());
        assertEquals(Set.of(), next.users().get("bob").roles());
    }

    @Test
    void grant_role_checks_the_role_before_the_user_and_is_idempotent() {
        AuthState state = sample();
        assertRejected(state, new AuthMutation.GrantRole("nope", "carol"), ErrorCode.SRV_022, "role not found: nope");
        assertRejected(state, new AuthMutation.GrantRole("ops", "carol"), ErrorCode.SRV_020, "user not found: carol");
        AuthState granted = applyAll(state, new AuthMutation.GrantRole("ops", "alice"));
        assertEquals(Set.of("ops"), granted.users().get("alice").roles());
        AuthResult again = granted.apply(new AuthMutation.GrantRole("ops", "alice"));
        assertSame(granted, again.state(), "granting a held role changes nothing, not even the revision");
        assertInstanceOf(AuthResult.Applied.class, again);
    }

    @Test
    void revoke_role_protects_the_last_admin_then_checks_the_user_and_ignores_unknown_roles() {
        AuthState state = applyAll(sample(), new AuthMutation.GrantRole("ops", "alice"));
        assertRejected(state, new AuthMutation.RevokeRole("admin", "root"), ErrorCode.SRV_024, "cannot remove the last admin user");
        assertRejected(state, new AuthMutation.RevokeRole("ops", "carol"), ErrorCode.SRV_020, "user not found: carol");
        assertSame(state, state.apply(new AuthMutation.RevokeRole("no-such-role", "alice")).state());
        AuthState revoked = applyAll(state, new AuthMutation.RevokeRole("ops", "alice"));
        assertEquals(Set.of(), revoked.users().get("alice").roles());
        AuthState twoAdmins = applyAll(state, new AuthMutation.GrantRole("admin", "bob"));
        assertFalse(applyAll(twoAdmins, new AuthMutation.RevokeRole("admin", "root")).users().get("root").holds("admin"));
    }

    @Test
    void grant_permission_parses_the_name_then_checks_the_role() {
        AuthState state = sample();
        assertRejected(state, new AuthMutation.GrantPermission("Fly", "*", "nope"), ErrorCode.SRV_018, "unknown permission: Fly");
        assertRejected(state, new AuthMutation.GrantPermission("read", "*", "nope"), ErrorCode.SRV_022, "role not found: nope");
        AuthState next = applyAll(state, new AuthMutation.GrantPermission("READ", "user:*", "ops"),
                new AuthMutation.GrantPermission("write", "*", "ops"));
        RoleRecord ops = next.roles().get("ops");
        assertEquals(Set.of(), ops.permissions(), "GRANT PERMISSION adds grants, never pattern-less permissions");
        assertEquals(Set.of(new Grant(Permission.READ, "user:*"), new Grant(Permission.WRITE, "*")), ops.grants());
    }

    @Test
    void revoke_permission_protects_admin_on_star_of_role_admin_only() {
        AuthState state = sample();
        assertRejected(state, new AuthMutation.RevokePermission("nope", "*", "admin"), ErrorCode.SRV_018, "unknown permission: nope");
        assertRejected(state, new AuthMutation.RevokePermission("ADMIN", "*", "admin"), ErrorCode.SRV_023, "role is protected: admin");
        assertRejected(state, new AuthMutation.RevokePermission("read", "*", "nope"), ErrorCode.SRV_022, "role not found: nope");
        AuthState next = applyAll(state, new AuthMutation.RevokePermission("read", "*", "admin"));
        RoleRecord admin = next.roles().get("admin");
        assertFalse(admin.permissions().contains(Permission.READ), "pattern * also removes the pattern-less permission");
        assertFalse(admin.grants().contains(Grant.everywhere(Permission.READ)));
        assertTrue(admin.permissions().contains(Permission.ADMIN));
    }

    @Test
    void revoke_permission_removes_only_the_exact_grant_and_succeeds_when_absent() {
        AuthState state = applyAll(sample(), new AuthMutation.GrantPermission("read", "a*", "ops"),
                new AuthMutation.GrantPermission("read", "b*", "ops"));
        AuthState next = applyAll(state, new AuthMutation.RevokePermission("read", "a*", "ops"));
        assertEquals(Set.of(new Grant(Permission.READ, "b*")), next.roles().get("ops").grants());
        assertSame(next, next.apply(new AuthMutation.RevokePermission("write", "zzz", "ops")).state());
    }

    @Test
    void every_change_advances_the_revision_by_one() {
        AuthState state = sample();
        assertEquals(4, state.revision(), "bootstrap, two users, one role");
        assertEquals(5, applyAll(state, new AuthMutation.CreateRole("x")).revision());
    }

    @Test
    void constructor_refuses_states_that_break_invariants() {
        AuthState state = sample();
        TreeMap<String, RoleRecord> noAdmin = new TreeMap<>(state.roles());
        noAdmin.remove("admin");
        assertThrows(IllegalArgumentException.class, () -> new AuthState(1, new TreeMap<>(), noAdmin, Optional.empty()));

        TreeMap<String, RoleRecord> weakAdmin = new TreeMap<>(state.roles());
        weakAdmin.put("admin", new RoleRecord(EnumSet.of(Permission.READ), new TreeSet<>()));
        assertThrows(IllegalArgumentException.class, () -> new AuthState(1, new TreeMap<>(), weakAdmin, Optional.empty()));

        UserRecord dangling = new UserRecord(ROOT_HASH, new TreeSet<>(Set.of("ghost")), false);
        assertThrows(IllegalArgumentException.class,
                () -> new AuthState(1, new TreeMap<>(Map.of("x", dangling)), state.roles(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AuthState(-1, new TreeMap<>(), state.roles(), Optional.empty()));
    }

    @Test
    void names_sort_by_utf8_bytes_not_utf16_units() {
        // U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16.
        AuthState state = applyAll(sample(), new AuthMutation.CreateUser("\uD83D\uDE00", BOB_HASH),
                new AuthMutation.CreateUser("\uFF5E", BOB_HASH));
        assertEquals("[alice, bob, root, \uFF5E, \uD83D\uDE00]", state.users().keySet().toString());
    }

    @Test
    void hashes_never_appear_in_text_forms() {
        AuthState state = sample();
        assertFalse(state.toString().contains(ROOT_HASH));
        assertFalse(new AuthMutation.CreateUser("x", ROOT_HASH).toString().contains(ROOT_HASH));
        assertFalse(new AuthMutation.BootstrapAdmin("x", ROOT_HASH, false, Optional.of(ALICE_HASH)).toString().contains("argon2"));
    }
}

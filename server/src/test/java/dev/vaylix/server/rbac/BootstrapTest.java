package dev.vaylix.server.rbac;

import static dev.vaylix.server.rbac.AuthStateTest.applyAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.server.testing.Fixtures;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** STORAGE.md §13 start-up reconciliation, as replicated mutations. */
class BootstrapTest {

    static final String H1 = Fixtures.fakePhc(11);
    static final String H2 = Fixtures.fakePhc(12);
    static final String H3 = Fixtures.fakePhc(13);

    static AuthMutation.BootstrapAdmin bootstrap(String user, String hash) {
        return new AuthMutation.BootstrapAdmin(user, hash, false, Optional.empty());
    }

    static AuthMutation.BootstrapAdmin defaults(String hash) {
        return new AuthMutation.BootstrapAdmin("vaylix", hash, true, Optional.empty());
    }

    @Test
    void first_start_creates_the_configured_admin_and_records_it() {
        AuthState state = applyAll(AuthState.INITIAL, bootstrap("root", H1));
        assertEquals(Set.of("root"), state.users().keySet());
        assertEquals(Set.of("admin"), state.users().get("root").roles());
        assertEquals(H1, state.users().get("root").passwordHash());
        assertEquals(Optional.of("root"), state.bootstrapAdmin());
        assertEquals(RoleRecord.ADMIN, state.roles().get("admin"));
    }

    @Test
    void first_start_with_default_credentials_creates_vaylix() {
        AuthState state = applyAll(AuthState.INITIAL, defaults(H1));
        assertEquals(Set.of("vaylix"), state.users().keySet());
        assertTrue(state.users().get("vaylix").holds("admin"));
    }

    @Test
    void default_credentials_leave_an_existing_store_alone() {
        AuthState state = applyAll(AuthState.INITIAL, bootstrap("root", H1), new AuthMutation.CreateRole("ops"));
        assertSame(state, state.apply(defaults(H2)).state(), "no vaylix user reappears, root keeps its password");
    }

    @Test
    void rotating_the_bootstrap_user_removes_the_previous_one() {
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1));
        AuthState rotated = applyAll(first, bootstrap("ops-admin", H2));
        assertEquals(Set.of("ops-admin"), rotated.users().keySet());
        assertEquals(Optional.of("ops-admin"), rotated.bootstrapAdmin());
    }

    @Test
    void changing_the_bootstrap_password_replaces_the_hash_and_keeps_roles() {
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1), new AuthMutation.CreateRole("ops"),
                new AuthMutation.GrantRole("ops", "root"));
        AuthState next = applyAll(first, bootstrap("root", H2));
        assertEquals(H2, next.users().get("root").passwordHash());
        assertEquals(Set.of("admin", "ops"), next.users().get("root").roles());
    }

    @Test
    void restarting_with_unchanged_credentials_changes_nothing() {
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1));
        assertSame(first, first.apply(bootstrap("root", H1)).state());
    }

    @Test
    void reconciliation_restores_the_full_admin_role_and_enables_the_user() {
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1), new AuthMutation.RevokePermission("read", "*", "admin"));
        TreeMap<String, UserRecord> users = new TreeMap<>(first.users());
        users.put("root", new UserRecord(H1, first.users().get("root").roles(), true));
        AuthState disabled = new AuthState(first.revision(), users, first.roles(), first.bootstrapAdmin());
        AuthState next = applyAll(disabled, bootstrap("root", H1));
        assertEquals(RoleRecord.ADMIN, next.roles().get("admin"));
        assertFalse(next.users().get("root").disabled());
    }

    @Test
    void an_admin_holding_vaylix_is_removed_when_another_user_is_configured() {
        AuthState first = applyAll(AuthState.INITIAL, defaults(H1), new AuthMutation.CreateUser("alice", H2));
        AuthState next = applyAll(first, bootstrap("root", H3));
        assertEquals(Set.of("alice", "root"), next.users().keySet());
    }

    @Test
    void a_non_admin_vaylix_with_the_default_password_is_removed_too() {
        // STORAGE.md Note 13: the reference kept this well-known login alive.
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1), new AuthMutation.CreateUser("vaylix", H2));
        AuthState next = applyAll(first, new AuthMutation.BootstrapAdmin("root2", H3, false, Optional.of(H2)));
        assertFalse(next.users().containsKey("vaylix"));
        assertFalse(next.users().containsKey("root"), "previous bootstrap admin replaced");
    }

    @Test
    void a_non_admin_vaylix_whose_password_changed_since_planning_survives() {
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1), new AuthMutation.CreateUser("vaylix", H2),
                new AuthMutation.AlterUserPassword("vaylix", H3));
        AuthState next = applyAll(first, new AuthMutation.BootstrapAdmin("root", H1, false, Optional.of(H2)));
        assertTrue(next.users().containsKey("vaylix"));
    }

    @Test
    void without_a_bootstrap_record_the_single_enabled_admin_is_the_previous_one() {
        // A store set up before bootstrap records existed: one admin, no record.
        TreeMap<String, UserRecord> users = new TreeMap<>();
        users.put("legacy", new UserRecord(H1, new TreeSet<>(Set.of("admin")), false));
        users.put("reader", UserRecord.of(H2));
        AuthState legacy = new AuthState(3, users, AuthState.INITIAL.roles(), Optional.empty());
        AuthState next = applyAll(legacy, bootstrap("root", H3));
        assertEquals(Set.of("reader", "root"), next.users().keySet());
    }

    @Test
    void with_two_legacy_admins_and_no_record_nobody_is_removed() {
        TreeMap<String, UserRecord> users = new TreeMap<>();
        users.put("a1", new UserRecord(H1, new TreeSet<>(Set.of("admin")), false));
        users.put("a2", new UserRecord(H2, new TreeSet<>(Set.of("admin")), false));
        AuthState legacy = new AuthState(3, users, AuthState.INITIAL.roles(), Optional.empty());
        AuthState next = applyAll(legacy, bootstrap("root", H3));
        assertEquals(Set.of("a1", "a2", "root"), next.users().keySet());
    }

    @Test
    void a_previous_bootstrap_user_that_lost_admin_is_kept() {
        AuthState first = applyAll(AuthState.INITIAL, bootstrap("root", H1), new AuthMutation.CreateUser("boss", H2),
                new AuthMutation.GrantRole("admin", "boss"), new AuthMutation.RevokeRole("admin", "root"));
        AuthState next = applyAll(first, bootstrap("new-root", H3));
        assertTrue(next.users().containsKey("root"), "root no longer holds admin, so it is an ordinary user now");
        assertTrue(next.users().containsKey("boss"));
    }
}

package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.UserRecord;
import dev.vaylix.server.testing.Fixtures;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BootstrapPlannerTest {

    final PasswordHasher hasher = Fixtures.cheapHasher();

    AuthState start(String user, String password) {
        return AuthState.INITIAL.apply(BootstrapPlanner.plan(AuthState.INITIAL, user, password, hasher)).state();
    }

    @Test
    void a_fresh_store_gets_the_configured_admin_with_a_verifiable_hash() {
        AuthState state = start("root", "short");  // bootstrap passwords are exempt from the policy
        assertTrue(hasher.verify("short", state.users().get("root").passwordHash()));
        assertTrue(state.users().get("root").holds("admin"));
    }

    @Test
    void default_credentials_are_flagged_only_when_both_are_default() {
        assertTrue(BootstrapPlanner.plan(AuthState.INITIAL, "vaylix", "vaylix", hasher).defaultCredentials());
        assertFalse(BootstrapPlanner.plan(AuthState.INITIAL, "vaylix", "other", hasher).defaultCredentials());
        assertFalse(BootstrapPlanner.plan(AuthState.INITIAL, "other", "vaylix", hasher).defaultCredentials());
    }

    @Test
    void an_unchanged_password_reuses_the_stored_hash_so_nothing_changes() {
        AuthState state = start("root", "pw-1");
        AuthMutation.BootstrapAdmin again = BootstrapPlanner.plan(state, "root", "pw-1", hasher);
        assertEquals(state.users().get("root").passwordHash(), again.passwordHash());
        assertSame(state, state.apply(again).state());
    }

    @Test
    void a_changed_password_gets_a_new_hash() {
        AuthState state = start("root", "pw-1");
        AuthMutation.BootstrapAdmin changed = BootstrapPlanner.plan(state, "root", "pw-2", hasher);
        assertNotEquals(state.users().get("root").passwordHash(), changed.passwordHash());
        assertTrue(hasher.verify("pw-2", state.apply(changed).state().users().get("root").passwordHash()));
    }

    @Test
    void a_non_admin_vaylix_with_the_default_password_is_reported_and_removed() {
        AuthState state = start("root", "pw-1")
                .apply(new AuthMutation.CreateUser("vaylix", hasher.hash("vaylix"))).state();
        AuthMutation.BootstrapAdmin plan = BootstrapPlanner.plan(state, "root", "pw-1", hasher);
        assertEquals(Optional.of(state.users().get("vaylix").passwordHash()), plan.defaultUserHash());
        assertFalse(state.apply(plan).state().users().containsKey("vaylix"));
    }

    @Test
    void a_vaylix_user_with_its_own_password_is_kept() {
        AuthState state = start("root", "pw-1")
                .apply(new AuthMutation.CreateUser("vaylix", hasher.hash("a strong one 1"))).state();
        AuthMutation.BootstrapAdmin plan = BootstrapPlanner.plan(state, "root", "pw-1", hasher);
        assertEquals(Optional.empty(), plan.defaultUserHash());
        assertTrue(state.apply(plan).state().users().containsKey("vaylix"));
    }

    @Test
    void an_unusable_stored_hash_is_replaced_instead_of_failing_start_up() {
        AuthState state = start("root", "pw-1");
        TreeMap<String, UserRecord> users = new TreeMap<>(state.users());
        users.put("root", new UserRecord("garbage", users.get("root").roles(), false));
        AuthState broken = new AuthState(state.revision(), users, state.roles(), state.bootstrapAdmin());
        AuthState repaired = broken.apply(BootstrapPlanner.plan(broken, "root", "pw-1", hasher)).state();
        assertTrue(hasher.verify("pw-1", repaired.users().get("root").passwordHash()));
    }
}

package dev.vaylix.server.rbac;

import static dev.vaylix.server.rbac.AuthStateTest.applyAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RbacViewsTest {

    static final String ADMIN_GRANTS = "admin on *,backup on *,clear on *,metrics on *,read on *,restore on *,role_admin on *,"
            + "snapshot on *,user_admin on *,write on *";

    static AuthState state() {
        return applyAll(AuthStateTest.sample(),
                new AuthMutation.GrantPermission("write", "user:*", "ops"),
                new AuthMutation.GrantPermission("read", "*", "ops"),
                new AuthMutation.GrantPermission("read", "app:*", "ops"),
                new AuthMutation.GrantRole("ops", "alice"),
                new AuthMutation.GrantRole("admin", "alice"));
    }

    static String render(Reply reply) {
        return ((Reply.Entries) reply).entries().stream()
                .map(e -> e.key() + "=" + e.value().utf8String())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void show_users_lists_roles_and_the_disabled_flag() {
        assertEquals("""
                alice=roles=admin,ops disabled=false
                bob=roles= disabled=false
                root=roles=admin disabled=false""", render(RbacViews.showUsers(state())));
    }

    @Test
    void show_roles_lists_sorted_unique_grants() {
        assertEquals("admin=" + ADMIN_GRANTS + "\nops=read on *,read on app:*,write on user:*", render(RbacViews.showRoles(state())));
    }

    @Test
    void show_grants_for_role_numbers_its_grants() {
        assertEquals("""
                role.ops.grant.000=read on *
                role.ops.grant.001=read on app:*
                role.ops.grant.002=write on user:*""", render(RbacViews.showGrantsForRole(state(), "ops")));
        assertEquals(new Reply.Error("SRV-022", "Role Not Found", "role not found: nope"), RbacViews.showGrantsForRole(state(), "nope"));
    }

    @Test
    void show_grants_for_user_counts_across_roles_in_role_name_order() {
        String rendered = render(RbacViews.showGrantsForUser(state(), "alice"));
        List<String> lines = rendered.lines().toList();
        assertEquals("user.alice.roles=admin,ops", lines.get(0));
        assertEquals("user.alice.grant.000=role=admin admin on *", lines.get(1));
        assertEquals("user.alice.grant.009=role=admin write on *", lines.get(10));
        assertEquals("user.alice.grant.010=role=ops read on *", lines.get(11));
        assertEquals("user.alice.grant.012=role=ops write on user:*", lines.get(13));
        assertEquals(14, lines.size());
        assertEquals("user.bob.roles=", render(RbacViews.showGrantsForUser(state(), "bob")));
        assertEquals(new Reply.Error("SRV-020", "User Not Found", "user not found: carol"),
                RbacViews.showGrantsForUser(state(), "carol"));
    }

    @Test
    void show_grants_for_the_session_is_the_user_form_or_the_disabled_auth_form() {
        AuthState state = state();
        assertEquals(render(RbacViews.showGrantsForUser(state, "bob")),
                render(RbacViews.showGrants(state, state.identityFor("bob").orElseThrow())));
        assertEquals("grants=read on *,write on *,admin on *,backup on *,restore on *,metrics on *,snapshot on *,clear on *,"
                + "user_admin on *,role_admin on *", render(RbacViews.showGrants(state, Identity.anonymous())));
    }

    @Test
    void whoami_lists_star_permissions_in_declaration_order() {
        AuthState state = applyAll(state(), new AuthMutation.CreateRole("r"),
                new AuthMutation.GrantPermission("role_admin", "*", "r"), new AuthMutation.GrantPermission("read", "*", "r"),
                new AuthMutation.GrantPermission("write", "k:*", "r"), new AuthMutation.GrantRole("r", "bob"));
        assertEquals("username=bob\npermissions=read,role_admin", render(RbacViews.whoami(state.identityFor("bob").orElseThrow())));
        assertEquals("username=root\npermissions=read,write,admin,backup,restore,metrics,snapshot,clear,user_admin,role_admin",
                render(RbacViews.whoami(state.identityFor("root").orElseThrow())));
        assertEquals("username=anonymous\npermissions=read,write,admin,backup,restore,metrics,snapshot,clear,user_admin,role_admin",
                render(RbacViews.whoami(Identity.anonymous())));
    }
}

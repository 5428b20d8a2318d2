package dev.vaylix.server.rbac;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The entries replies of SHOW USERS, SHOW ROLES, SHOW GRANTS (all forms) and WHOAMI, with the keys,
 * value formats and order of COMMANDS.md §3.4. Pure functions of the state; thread-safe.
 *
 * <p>Where §3.4 leaves the order open, grants are listed as in SHOW ROLES: the role's effective
 * grants (its grants plus {@code <perm> on *} for each pattern-less permission) rendered as
 * {@code <perm> on <pattern>}, deduplicated and sorted as UTF-8 strings.
 */
public final class RbacViews {

    /** The single value of SHOW GRANTS while auth is disabled. */
    static final String ALL_GRANTS = allGrants();

    private RbacViews() {
    }

    /** SHOW USERS: {@code <user>} = {@code roles=<r1,r2> disabled=<true|false>}, users in byte order. */
    public static Reply.Entries showUsers(AuthState state) {
        List<Reply.Entry> entries = new ArrayList<>(state.users().size());
        for (Map.Entry<String, UserRecord> user : state.users().entrySet()) {
            String value = "roles=" + String.join(",", user.getValue().roles()) + " disabled=" + user.getValue().disabled();
            entries.add(Reply.Entry.text(user.getKey(), value));
        }
        return new Reply.Entries(entries);
    }

    /** SHOW ROLES: {@code <role>} = comma-separated sorted unique {@code <perm> on <pattern>}. */
    public static Reply.Entries showRoles(AuthState state) {
        List<Reply.Entry> entries = new ArrayList<>(state.roles().size());
        for (Map.Entry<String, RoleRecord> role : state.roles().entrySet()) {
            entries.add(Reply.Entry.text(role.getKey(), String.join(",", describedGrants(role.getValue()))));
        }
        return new Reply.Entries(entries);
    }

    /**
     * SHOW GRANTS FOR ROLE: {@code role.<r>.grant.NNN} = {@code <perm> on <pattern>}.
     *
     * @return the entries, or SRV-022 if the role does not exist
     */
    public static Reply showGrantsForRole(AuthState state, String roleName) {
        RoleRecord role = state.roles().get(roleName);
        if (role == null) {
            return Reply.Error.of(ErrorCode.SRV_022, roleName);
        }
        List<Reply.Entry> entries = new ArrayList<>();
        int index = 0;
        for (String grant : describedGrants(role)) {
            entries.add(Reply.Entry.text("role." + roleName + ".grant." + counter(index++), grant));
        }
        return new Reply.Entries(entries);
    }

    /**
     * SHOW GRANTS FOR USER: {@code user.<u>.roles} = comma-separated roles, then
     * {@code user.<u>.grant.NNN} = {@code role=<role> <perm> on <pattern>}, NNN counting across the
     * user's roles in role-name order.
     *
     * @return the entries, or SRV-020 if the user does not exist
     */
    public static Reply showGrantsForUser(AuthState state, String username) {
        UserRecord user = state.users().get(username);
        if (user == null) {
            return Reply.Error.of(ErrorCode.SRV_020, username);
        }
        List<Reply.Entry> entries = new ArrayList<>();
        entries.add(Reply.Entry.text("user." + username + ".roles", String.join(",", user.roles())));
        int index = 0;
        for (String roleName : user.roles()) {
            RoleRecord role = state.roles().get(roleName);
            for (String grant : describedGrants(role)) {
                entries.add(Reply.Entry.text("user." + username + ".grant." + counter(index++), "role=" + roleName + " " + grant));
            }
        }
        return new Reply.Entries(entries);
    }

    /**
     * SHOW GRANTS for the session's own identity: the FOR USER reply of its user, or, for the
     * anonymous identity of a server running with auth disabled, the single entry {@code grants}.
     */
    public static Reply showGrants(AuthState state, Identity identity) {
        if (identity.isAnonymous()) {
            return new Reply.Entries(List.of(Reply.Entry.text("grants", ALL_GRANTS)));
        }
        return showGrantsForUser(state, identity.username());
    }

    /**
     * WHOAMI: {@code username}, and {@code permissions} = the held pattern-{@code *} permissions in
     * declaration order (read, write, admin, …), comma-separated.
     */
    public static Reply.Entries whoami(Identity identity) {
        StringJoiner permissions = new StringJoiner(",");
        for (Permission permission : identity.permissions()) {
            permissions.add(permission.text());
        }
        return new Reply.Entries(List.of(
                Reply.Entry.text("username", identity.username()),
                Reply.Entry.text("permissions", permissions.toString())));
    }

    private static TreeSet<String> describedGrants(RoleRecord role) {
        TreeSet<String> described = new TreeSet<>(Names.BYTE_ORDER);
        for (Grant grant : role.effectiveGrants()) {
            described.add(grant.describe());
        }
        return described;
    }

    /** Zero-padded to three digits (000, 001, …); wider numbers print in full. */
    private static String counter(int index) {
        return String.format(Locale.ROOT, "%03d", index);
    }

    private static String allGrants() {
        StringJoiner joiner = new StringJoiner(",");
        for (Permission permission : Permission.values()) {
            joiner.add(Grant.everywhere(permission).describe());
        }
        return joiner.toString();
    }
}

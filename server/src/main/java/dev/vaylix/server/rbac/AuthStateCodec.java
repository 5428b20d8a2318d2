package dev.vaylix.server.rbac;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versioned binary form of an {@link AuthState}, for snapshots (docs/AUTH-STATE.md).
 *
 * <pre>
 * state   = [ version = 1, revision: uint, users: [user…], roles: [role…], bootstrap_admin: str | nil ]
 * user    = [ name: str, password_hash: str, roles: [str…], disabled: bool ]
 * role    = [ name: str, permissions: [str…], grants: [[permission: str, pattern: str]…] ]
 * </pre>
 *
 * All arrays are MessagePack arrays, strings UTF-8. The encoding is canonical: users and roles by
 * name in UTF-8 byte order, a user's roles likewise, permissions in declaration order, grants in
 * {@link Grant} order, each strictly increasing. The decoder accepts nothing else (unsorted or
 * duplicate entries, unknown permissions, trailing bytes, a broken invariant of {@link AuthState}),
 * so equal states have equal bytes on every replica and {@code encode(decode(b))} equals {@code b}.
 *
 * <p>Thread-safe (stateless).
 */
public final class AuthStateCodec {

    /** Bumped on any change of the layout above; old versions stay decodable. */
    public static final int FORMAT_VERSION = 1;

    private static final int STATE_FIELDS = 5;
    private static final int USER_FIELDS = 4;
    private static final int ROLE_FIELDS = 3;
    private static final int GRANT_FIELDS = 2;

    private AuthStateCodec() {
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_025} if a name has no UTF-8 form
     */
    public static Bytes encode(AuthState state) {
        MsgpackOut out = new MsgpackOut().array(STATE_FIELDS).integer(FORMAT_VERSION).integer(state.revision());
        out.array(state.users().size());
        for (Map.Entry<String, UserRecord> user : state.users().entrySet()) {
            out.array(USER_FIELDS).string(user.getKey()).string(user.getValue().passwordHash());
            out.array(user.getValue().roles().size());
            for (String role : user.getValue().roles()) {
                out.string(role);
            }
            out.bool(user.getValue().disabled());
        }
        out.array(state.roles().size());
        for (Map.Entry<String, RoleRecord> role : state.roles().entrySet()) {
            out.array(ROLE_FIELDS).string(role.getKey());
            out.array(role.getValue().permissions().size());
            for (Permission permission : role.getValue().permissions()) {
                out.string(permission.text());
            }
            out.array(role.getValue().grants().size());
            for (Grant grant : role.getValue().grants()) {
                out.array(GRANT_FIELDS).string(grant.permission().text()).string(grant.pattern());
            }
        }
        if (state.bootstrapAdmin().isPresent()) {
            out.string(state.bootstrapAdmin().get());
        } else {
            out.nil();
        }
        return out.toBytes();
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_026} for any input that is not a canonical
     *                         encoding of a valid state
     */
    public static AuthState decode(Bytes encoded) {
        try (MsgpackIn in = new MsgpackIn(encoded.toByteArray())) {
            in.arrayOf(STATE_FIELDS, "auth state");
            int version = in.smallInt("format version");
            if (version != FORMAT_VERSION) {
                throw MsgpackIn.malformed("unsupported auth state format version " + version);
            }
            long revision = in.uint64AsLong("revision");
            TreeMap<String, UserRecord> users = new TreeMap<>(Names.BYTE_ORDER);
            int userCount = in.array("users");
            for (int i = 0; i < userCount; i++) {
                in.arrayOf(USER_FIELDS, "user");
                String name = in.string("user name");
                requireIncreasing(users.isEmpty() ? null : users.lastKey(), name, "users");
                String hash = in.string("password hash");
                TreeSet<String> roles = new TreeSet<>(Names.BYTE_ORDER);
                int roleCount = in.array("user roles");
                for (int j = 0; j < roleCount; j++) {
                    String role = in.string("user role");
                    requireIncreasing(roles.isEmpty() ? null : roles.last(), role, "user roles");
                    roles.add(role);
                }
                users.put(name, new UserRecord(hash, roles, in.bool("disabled")));
            }
            TreeMap<String, RoleRecord> roles = new TreeMap<>(Names.BYTE_ORDER);
            int roleCount = in.array("roles");
            for (int i = 0; i < roleCount; i++) {
                in.arrayOf(ROLE_FIELDS, "role");
                String name = in.string("role name");
                requireIncreasing(roles.isEmpty() ? null : roles.lastKey(), name, "roles");
                roles.put(name, decodeRole(in));
            }
            Optional<String> bootstrapAdmin = in.nil("bootstrap admin") ? Optional.empty() : Optional.of(in.string("bootstrap admin"));
            in.end();
            return new AuthState(revision, users, roles, bootstrapAdmin);
        } catch (IllegalArgumentException e) {
            throw MsgpackIn.malformed(e.getMessage());
        }
    }

    private static RoleRecord decodeRole(MsgpackIn in) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        Permission last = null;
        int permissionCount = in.array("role permissions");
        for (int j = 0; j < permissionCount; j++) {
            Permission permission = permission(in.string("permission"));
            if (last != null && permission.compareTo(last) <= 0) {
                throw MsgpackIn.malformed("role permissions are not strictly ordered");
            }
            permissions.add(permission);
            last = permission;
        }
        TreeSet<Grant> grants = new TreeSet<>();
        int grantCount = in.array("role grants");
        for (int j = 0; j < grantCount; j++) {
            in.arrayOf(GRANT_FIELDS, "grant");
            Grant grant = new Grant(permission(in.string("grant permission")), in.string("grant pattern"));
            if (!grants.isEmpty() && grant.compareTo(grants.last()) <= 0) {
                throw MsgpackIn.malformed("role grants are not strictly ordered");
            }
            grants.add(grant);
        }
        return new RoleRecord(permissions, grants);
    }

    /** Stored names must be exact, lower-case names: the codec writes nothing else. */
    static Permission permission(String text) {
        for (Permission permission : Permission.values()) {
            if (permission.text().equals(text)) {
                return permission;
            }
        }
        throw MsgpackIn.malformed("unknown permission " + text);
    }

    private static void requireIncreasing(String previous, String next, String what) {
        if (previous != null && Names.BYTE_ORDER.compare(previous, next) >= 0) {
            throw MsgpackIn.malformed(what + " are not strictly ordered");
        }
    }
}

package dev.vaylix.server.rbac;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Optional;

/**
 * The versioned binary form of an {@link AuthMutation}: the payload of an RBAC log entry
 * (docs/AUTH-STATE.md).
 *
 * <pre>
 * mutation = [ version = 1, tag: int, field… ]
 *   1 create_user         username, password_hash
 *   2 alter_user_password username, password_hash
 *   3 drop_user           username
 *   4 create_role         role
 *   5 drop_role           role
 *   6 grant_role          role, username
 *   7 revoke_role         role, username
 *   8 grant_permission    permission (as typed), pattern, role
 *   9 revoke_permission   permission (as typed), pattern, role
 *  10 bootstrap_admin     username, password_hash, default_credentials: bool, default_user_hash: str | nil
 * </pre>
 *
 * Tags are never reused. Decoding is strict (exact field counts, UTF-8, no trailing bytes).
 * Thread-safe (stateless).
 */
public final class AuthMutationCodec {

    public static final int FORMAT_VERSION = 1;

    private static final int TAG_CREATE_USER = 1;
    private static final int TAG_ALTER_USER_PASSWORD = 2;
    private static final int TAG_DROP_USER = 3;
    private static final int TAG_CREATE_ROLE = 4;
    private static final int TAG_DROP_ROLE = 5;
    private static final int TAG_GRANT_ROLE = 6;
    private static final int TAG_REVOKE_ROLE = 7;
    private static final int TAG_GRANT_PERMISSION = 8;
    private static final int TAG_REVOKE_PERMISSION = 9;
    private static final int TAG_BOOTSTRAP_ADMIN = 10;

    /** Version and tag precede the fields. */
    private static final int HEADER_FIELDS = 2;

    private AuthMutationCodec() {
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_025} if a text field has no UTF-8 form
     */
    public static Bytes encode(AuthMutation mutation) {
        MsgpackOut out = new MsgpackOut();
        switch (mutation) {
            case AuthMutation.CreateUser m -> header(out, TAG_CREATE_USER, 2).string(m.username()).string(m.passwordHash());
            case AuthMutation.AlterUserPassword m ->
                    header(out, TAG_ALTER_USER_PASSWORD, 2).string(m.username()).string(m.passwordHash());
            case AuthMutation.DropUser m -> header(out, TAG_DROP_USER, 1).string(m.username());
            case AuthMutation.CreateRole m -> header(out, TAG_CREATE_ROLE, 1).string(m.role());
            case AuthMutation.DropRole m -> header(out, TAG_DROP_ROLE, 1).string(m.role());
            case AuthMutation.GrantRole m -> header(out, TAG_GRANT_ROLE, 2).string(m.role()).string(m.username());
            case AuthMutation.RevokeRole m -> header(out, TAG_REVOKE_ROLE, 2).string(m.role()).string(m.username());
            case AuthMutation.GrantPermission m ->
                    header(out, TAG_GRANT_PERMISSION, 3).string(m.permission()).string(m.pattern()).string(m.role());
            case AuthMutation.RevokePermission m ->
                    header(out, TAG_REVOKE_PERMISSION, 3).string(m.permission()).string(m.pattern()).string(m.role());
            case AuthMutation.BootstrapAdmin m -> {
                header(out, TAG_BOOTSTRAP_ADMIN, 4).string(m.username()).string(m.passwordHash()).bool(m.defaultCredentials());
                if (m.defaultUserHash().isPresent()) {
                    out.string(m.defaultUserHash().get());
                } else {
                    out.nil();
                }
            }
        }
        return out.toBytes();
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_026} for any input that is not an encoding
     *                         produced by {@link #encode}
     */
    public static AuthMutation decode(Bytes encoded) {
        try (MsgpackIn in = new MsgpackIn(encoded.toByteArray())) {
            int fields = in.array("auth mutation") - HEADER_FIELDS;
            if (fields < 0) {
                throw MsgpackIn.malformed("auth mutation lacks its version and tag");
            }
            int version = in.smallInt("format version");
            if (version != FORMAT_VERSION) {
                throw MsgpackIn.malformed("unsupported auth mutation format version " + version);
            }
            int tag = in.smallInt("mutation tag");
            AuthMutation mutation = switch (tag) {
                case TAG_CREATE_USER -> {
                    expectFields(fields, 2, tag);
                    yield new AuthMutation.CreateUser(in.string("username"), in.string("password hash"));
                }
                case TAG_ALTER_USER_PASSWORD -> {
                    expectFields(fields, 2, tag);
                    yield new AuthMutation.AlterUserPassword(in.string("username"), in.string("password hash"));
                }
                case TAG_DROP_USER -> {
                    expectFields(fields, 1, tag);
                    yield new AuthMutation.DropUser(in.string("username"));
                }
                case TAG_CREATE_ROLE -> {
                    expectFields(fields, 1, tag);
                    yield new AuthMutation.CreateRole(in.string("role"));
                }
                case TAG_DROP_ROLE -> {
                    expectFields(fields, 1, tag);
                    yield new AuthMutation.DropRole(in.string("role"));
                }
                case TAG_GRANT_ROLE -> {
                    expectFields(fields, 2, tag);
                    yield new AuthMutation.GrantRole(in.string("role"), in.string("username"));
                }
                case TAG_REVOKE_ROLE -> {
                    expectFields(fields, 2, tag);
                    yield new AuthMutation.RevokeRole(in.string("role"), in.string("username"));
                }
                case TAG_GRANT_PERMISSION -> {
                    expectFields(fields, 3, tag);
                    yield new AuthMutation.GrantPermission(in.string("permission"), in.string("pattern"), in.string("role"));
                }
                case TAG_REVOKE_PERMISSION -> {
                    expectFields(fields, 3, tag);
                    yield new AuthMutation.RevokePermission(in.string("permission"), in.string("pattern"), in.string("role"));
                }
                case TAG_BOOTSTRAP_ADMIN -> {
                    expectFields(fields, 4, tag);
                    String username = in.string("username");
                    String hash = in.string("password hash");
                    boolean defaultCredentials = in.bool("default credentials");
                    Optional<String> defaultUserHash = in.nil("default user hash")
                            ? Optional.empty() : Optional.of(in.string("default user hash"));
                    yield new AuthMutation.BootstrapAdmin(username, hash, defaultCredentials, defaultUserHash);
                }
                default -> throw MsgpackIn.malformed("unknown auth mutation tag " + tag);
            };
            in.end();
            return mutation;
        }
    }

    private static MsgpackOut header(MsgpackOut out, int tag, int fields) {
        return out.array(HEADER_FIELDS + fields).integer(FORMAT_VERSION).integer(tag);
    }

    private static void expectFields(int actual, int expected, int tag) {
        if (actual != expected) {
            throw MsgpackIn.malformed("auth mutation " + tag + " has " + actual + " fields, expected " + expected);
        }
    }
}

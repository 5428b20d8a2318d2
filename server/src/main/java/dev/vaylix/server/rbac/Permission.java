package dev.vaylix.server.rbac;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Optional;

/**
 * The ten permissions of COMMANDS.md §6.1.
 *
 * <p>The declaration order is part of the contract: WHOAMI lists permissions in this order, the
 * disabled-auth SHOW GRANTS reply spells them in this order, and grants sort by it. Never reorder.
 */
public enum Permission {
    READ("read"),
    WRITE("write"),
    ADMIN("admin"),
    BACKUP("backup"),
    RESTORE("restore"),
    METRICS("metrics"),
    SNAPSHOT("snapshot"),
    CLEAR("clear"),
    USER_ADMIN("user_admin"),
    ROLE_ADMIN("role_admin");

    private static final Permission[] ALL = values();

    private final String text;

    Permission(String text) {
        this.text = text;
    }

    /** The textual name exactly as written in commands and replies, e.g. {@code user_admin}. */
    public String text() {
        return text;
    }

    /**
     * Parses a permission name, ASCII-case-insensitively ({@code READ}, {@code Read}, {@code read}).
     * Only ASCII letters fold: {@code "ſ"} or the Kelvin sign never match, whatever Unicode case
     * folding would say, so the accepted spellings are exactly the ASCII ones.
     */
    public static Optional<Permission> parse(String typed) {
        for (Permission permission : ALL) {
            if (asciiEqualsIgnoreCase(permission.text, typed)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a permission name or fails the way GRANT/REVOKE PERMISSION do.
     *
     * @throws VaylixException {@link ErrorCode#SRV_018} {@code unknown permission: <as typed>}
     */
    public static Permission parseOrThrow(String typed) {
        return parse(typed).orElseThrow(() -> ErrorCode.SRV_018.exception(typed));
    }

    /** The permission with this ordinal; used by codecs that store ordinals. */
    static Permission ofOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    static int count() {
        return ALL.length;
    }

    private static boolean asciiEqualsIgnoreCase(String lowerAscii, String typed) {
        if (lowerAscii.length() != typed.length()) {
            return false;
        }
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}

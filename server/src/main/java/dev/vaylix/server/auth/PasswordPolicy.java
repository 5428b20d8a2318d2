package dev.vaylix.server.auth;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.rbac.Names;

/**
 * The password policy of CREATE USER and ALTER USER (COMMANDS.md §7): at least
 * {@value #MIN_UTF8_BYTES} bytes of UTF-8, at least one ASCII letter and at least one ASCII digit.
 * Bootstrap credentials ({@code --password}) are exempt. Checked on the node that receives the
 * command, before hashing, so SRV-032 comes before any error the replicated apply can produce.
 */
public final class PasswordPolicy {

    public static final int MIN_UTF8_BYTES = 12;

    private PasswordPolicy() {
    }

    public static boolean accepts(String password) {
        if (Names.utf8Length(password) < MIN_UTF8_BYTES) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            digit |= c >= '0' && c <= '9';
        }
        return letter && digit;
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_032} if the password is too weak
     */
    public static void check(String password) {
        if (!accepts(password)) {
            throw ErrorCode.SRV_032.exception();
        }
    }
}

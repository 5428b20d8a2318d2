package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijk1", "1bcdefghijkl", "Z00000000000", "passphrase with 1 space", "ééééé1a"})
    void twelve_bytes_with_a_letter_and_a_digit_pass(String password) {
        assertTrue(PasswordPolicy.accepts(password));
        PasswordPolicy.check(password);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "abcdefghij1",          // 11 bytes
        "abcdefghijkl",         // no digit
        "123456789012",         // no letter
        "ééééé1",               // 11 bytes: é counts 2
        "éééééééééééé1",        // non-ASCII letters are no letters
        "ｖａｙｌｉｘ１２３４５６", // full-width letters and digits are neither
        ""})
    void weak_passwords_fail_with_srv_032(String password) {
        assertFalse(PasswordPolicy.accepts(password));
        VaylixException e = assertThrows(VaylixException.class, () -> PasswordPolicy.check(password));
        assertEquals(ErrorCode.SRV_032, e.code());
        assertEquals("password does not satisfy the configured policy", e.getMessage());
    }
}

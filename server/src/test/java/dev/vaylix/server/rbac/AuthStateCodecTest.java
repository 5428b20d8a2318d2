package dev.vaylix.server.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthStateCodecTest {

    /** [1, 0, [], [["admin", [10 permissions], [10 grants on *]]], nil], written out by hand from the format. */
    static final String INITIAL_HEX = "950100909193a561646d696e9aa472656164a57772697465a561646d696ea66261636b7570a7726573746f7265a7"
            + "6d657472696373a8736e617073686f74a5636c656172aa757365725f61646d696eaa726f6c655f61646d696e9a92a472656164a12a92a5"
            + "7772697465a12a92a561646d696ea12a92a66261636b7570a12a92a7726573746f7265a12a92a76d657472696373a12a92a8736e6170"
            + "73686f74a12a92a5636c656172a12a92aa757365725f61646d696ea12a92aa726f6c655f61646d696ea12ac0";

    static VaylixException decodeFails(String hex) {
        VaylixException e = assertThrows(VaylixException.class, () -> AuthStateCodec.decode(Bytes.fromHex(hex)));
        assertEquals(ErrorCode.SRV_026, e.code());
        return e;
    }

    @Test
    void the_initial_state_has_the_documented_bytes() {
        assertEquals(INITIAL_HEX, AuthStateCodec.encode(AuthState.INITIAL).toHex());
        assertEquals(AuthState.INITIAL, AuthStateCodec.decode(Bytes.fromHex(INITIAL_HEX)));
    }

    @Test
    void a_populated_state_round_trips() {
        AuthState state = RbacViewsTest.state();
        assertEquals(state, AuthStateCodec.decode(AuthStateCodec.encode(state)));
    }

    @Test
    void an_unknown_format_version_is_refused() {
        VaylixException e = decodeFails("95" + "02" + INITIAL_HEX.substring(4));
        assertEquals("auth store deserialization failed: unsupported auth state format version 2", e.getMessage());
    }

    @Test
    void trailing_bytes_are_refused() {
        decodeFails(INITIAL_HEX + "00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90", "c0", "95", "9501", "950100", "ff", "95010090", "9501009091"})
    void truncated_or_mistyped_input_is_refused(String hex) {
        decodeFails(hex);
    }

    @Test
    void every_truncation_of_a_valid_encoding_is_refused() {
        String hex = AuthStateCodec.encode(RbacViewsTest.state()).toHex();
        for (int length = 0; length < hex.length(); length += 2) {
            decodeFails(hex.substring(0, length));
        }
    }

    @Test
    void an_array_claiming_more_elements_than_bytes_is_refused_without_allocating() {
        // users = array32 of 2^31-1 elements, then the input ends.
        decodeFails("95010" + "0dd7fffffff");
    }

    @Test
    void unsorted_users_are_refused() {
        // users [["b", "x", [], false], ["a", "x", [], false]]: a canonical encoder never writes this order.
        String roles = INITIAL_HEX.substring(8);
        String a = "94a161a17890c2";
        String b = "94a162a17890c2";
        assertEquals(2, AuthStateCodec.decode(Bytes.fromHex("950100" + "92" + a + b + roles)).users().size());
        decodeFails("950100" + "92" + b + a + roles);
        decodeFails("950100" + "92" + a + a + roles);
    }

    @Test
    void unknown_or_miscased_permissions_are_refused() {
        decodeFails(INITIAL_HEX.replace("a472656164a5", "a452454144a5")); // "read" → "READ"
    }

    @Test
    void invalid_utf8_is_refused() {
        decodeFails(INITIAL_HEX.replace("a561646d696e9a", "a561646dff6e9a")); // role name with a 0xFF byte
    }

    @Test
    void a_state_breaking_an_invariant_is_refused() {
        // The admin role without its admin grant (REVOKE PERMISSION admin ON * FROM admin is refused, so
        // no replica can produce it).
        String withoutAdminGrant = INITIAL_HEX.replace("9a92a472656164a12a92a57772697465a12a92a561646d696ea12a",
                "9992a472656164a12a92a57772697465a12a");
        VaylixException e = decodeFails(withoutAdminGrant);
        assertEquals("auth store deserialization failed: the built-in role admin lost the admin permission", e.getMessage());
    }

    @Test
    void a_name_without_utf8_form_cannot_be_encoded() {
        TreeMap<String, UserRecord> users = new TreeMap<>();
        users.put("bad\uD800", UserRecord.of("h"));
        AuthState state = new AuthState(1, users, AuthState.INITIAL.roles(), Optional.empty());
        VaylixException e = assertThrows(VaylixException.class, () -> AuthStateCodec.encode(state));
        assertEquals(ErrorCode.SRV_025, e.code());
    }
}

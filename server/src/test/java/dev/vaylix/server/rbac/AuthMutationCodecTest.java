package dev.vaylix.server.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthMutationCodecTest {

    @Test
    void grant_permission_has_the_documented_bytes() {
        // [1, 8, "READ", "user:*", "ops"]: the permission travels as typed.
        AuthMutation grant = new AuthMutation.GrantPermission("READ", "user:*", "ops");
        assertEquals("950108a452454144a6757365723a2aa36f7073", AuthMutationCodec.encode(grant).toHex());
        assertEquals(grant, AuthMutationCodec.decode(Bytes.fromHex("950108a452454144a6757365723a2aa36f7073")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "c0", "90", "9101", "920201", "920100", "920163", "930101a161", "940108a161a162", "930103", "950108a452454144a6757365723a2aa36f7073c0",
            "940103a161a162", "930103c0"})
    void malformed_payloads_are_refused(String hex) {
        VaylixException e = assertThrows(VaylixException.class, () -> AuthMutationCodec.decode(Bytes.fromHex(hex)));
        assertEquals(ErrorCode.SRV_026, e.code(), e::getMessage);
    }

    @Test
    void an_unknown_tag_is_named_in_the_error() {
        VaylixException e = assertThrows(VaylixException.class, () -> AuthMutationCodec.decode(Bytes.fromHex("920163")));
        assertEquals("auth store deserialization failed: unknown auth mutation tag 99", e.getMessage());
    }
}

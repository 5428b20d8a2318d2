package dev.vaylix.server.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionTest {

    @Test
    void permissions_are_declared_in_the_order_replies_use() {
        assertEquals("[read, write, admin, backup, restore, metrics, snapshot, clear, user_admin, role_admin]",
                Arrays.toString(Permission.values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "READ", "Read", "rEaD"})
    void names_parse_ascii_case_insensitively(String typed) {
        assertEquals(Optional.of(Permission.READ), Permission.parse(typed));
    }

    @Test
    void underscored_names_parse_in_any_case() {
        assertEquals(Permission.USER_ADMIN, Permission.parseOrThrow("User_Admin"));
        assertEquals(Permission.ROLE_ADMIN, Permission.parseOrThrow("ROLE_ADMIN"));
    }

    @Test
    void unknown_permission_is_srv_018_with_the_name_as_typed() {
        VaylixException e = assertThrows(VaylixException.class, () -> Permission.parseOrThrow("Delete"));
        assertEquals(ErrorCode.SRV_018, e.code());
        assertEquals("unknown permission: Delete", e.getMessage());
    }

    @Test
    void non_ascii_case_folding_never_matches() {
        // U+212A KELVIN SIGN lower-cases to 'k' and U+0130 to 'i' under Unicode rules; neither is a spelling of a permission.
        assertTrue(Permission.parse("bac\u212Aup").isEmpty());
        assertTrue(Permission.parse("adm\u0130n").isEmpty());
        assertTrue(Permission.parse("read ").isEmpty());
        assertTrue(Permission.parse("").isEmpty());
    }
}

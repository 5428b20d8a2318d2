package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthResult;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthCommandsTest {

    final PasswordHasher hasher = Fixtures.cheapHasher();

    @Test
    void create_user_checks_the_policy_then_carries_a_hash_never_the_password() {
        AuthMutation.CreateUser mutation = assertInstanceOf(AuthMutation.CreateUser.class,
                AuthCommands.toMutation(new Command.CreateUser("alice", "correct horse 1"), hasher).orElseThrow());
        assertEquals("alice", mutation.username());
        assertTrue(hasher.verify("correct horse 1", mutation.passwordHash()));
        VaylixException e = assertThrows(VaylixException.class,
                () -> AuthCommands.toMutation(new Command.CreateUser("alice", "short"), hasher));
        assertEquals(ErrorCode.SRV_032, e.code());
    }

    @Test
    void the_policy_comes_before_unknown_users_for_alter_user() {
        VaylixException e = assertThrows(VaylixException.class,
                () -> AuthCommands.toMutation(new Command.AlterUserPassword("nobody", "weak"), hasher));
        assertEquals(ErrorCode.SRV_032, e.code());
        AuthMutation strong = AuthCommands.toMutation(new Command.AlterUserPassword("nobody", "strong enough 1"), hasher).orElseThrow();
        AuthResult.Rejected rejected = assertInstanceOf(AuthResult.Rejected.class, AuthState.INITIAL.apply(strong));
        assertEquals(ErrorCode.SRV_020, rejected.code());
    }

    @Test
    void role_commands_map_one_to_one_and_other_commands_are_not_mutations() {
        assertEquals(Optional.of(new AuthMutation.GrantPermission("Read", "k*", "r")),
                AuthCommands.toMutation(new Command.GrantPermission("Read", "k*", "r"), hasher));
        assertEquals(Optional.of(new AuthMutation.RevokeRole("r", "u")), AuthCommands.toMutation(new Command.RevokeRole("r", "u"), hasher));
        assertEquals(Optional.of(new AuthMutation.DropUser("u")), AuthCommands.toMutation(new Command.DropUser("u"), hasher));
        assertEquals(Optional.empty(), AuthCommands.toMutation(new Command.ShowUsers(), hasher));
        assertEquals(Optional.empty(), AuthCommands.toMutation(new Command.Auth("u", "p"), hasher));
    }
}

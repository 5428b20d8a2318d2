package dev.vaylix.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotasTest {

    /** Small limits: keys 8 bytes, values 16 bytes, batches of 3, transactions of 4. */
    final Quotas quotas = new Quotas(new QuotaLimits(100, 8, 16, 3, 4));

    static final String KEY_OK = "k".repeat(8);
    static final String KEY_LONG = "k".repeat(9);
    static final String VALUE_OK = "v".repeat(16);
    static final String VALUE_LONG = "v".repeat(17);

    void fits(Command command) {
        assertTrue(quotas.allows(command), command::toString);
        quotas.check(command);
    }

    void exceeds(Command command) {
        assertFalse(quotas.allows(command), command::toString);
        VaylixException e = assertThrows(VaylixException.class, () -> quotas.check(command));
        assertEquals(ErrorCode.SRV_013, e.code());
        assertEquals("request exceeds configured quotas", e.getMessage());
    }

    /** Checks a command built from one text field at the limit and one byte beyond it. */
    void boundary(String ok, String tooLong, Function<String, Command> build) {
        fits(build.apply(ok));
        exceeds(build.apply(tooLong));
    }

    @Test
    void keys_of_key_commands_are_bounded_by_key_bytes() {
        List<Function<String, Command>> keyCommands = List.of(
                k -> new Command.Get(Key.of(k)), k -> new Command.GetDel(Key.of(k)),
                k -> new Command.GetEx(Key.of(k), Expiration.NONE, false), k -> new Command.Exists(Key.of(k)),
                k -> new Command.Incr(Key.of(k)), k -> new Command.Decr(Key.of(k)), k -> new Command.Expire(Key.of(k), 1),
                k -> new Command.Ttl(Key.of(k)), k -> new Command.Persist(Key.of(k)),
                k -> Command.Set.of(Key.of(k), Bytes.EMPTY), k -> new Command.SetNx(Key.of(k), Bytes.EMPTY),
                k -> new Command.MGet(List.of(Key.of("a"), Key.of(k))), k -> new Command.Del(List.of(Key.of(k))),
                k -> new Command.MSet(List.of(new KeyValue(Key.of(k), Bytes.EMPTY))),
                k -> new Command.Rename(Key.of(k), Key.of("a")), k -> new Command.Rename(Key.of("a"), Key.of(k)),
                k -> new Command.RenameNx(Key.of(k), Key.of("a")), k -> new Command.RenameNx(Key.of("a"), Key.of(k)),
                k -> new Command.Scan(0, Optional.of(k), OptionalInt.empty()));
        for (Function<String, Command> build : keyCommands) {
            boundary(KEY_OK, KEY_LONG, build);
        }
    }

    @Test
    void key_bytes_are_utf8_bytes() {
        fits(new Command.Get(Key.of("éééé")));                 // 8 bytes, 4 chars
        exceeds(new Command.Get(Key.of("éééék")));             // 9 bytes
        exceeds(new Command.Get(Key.of("\uD83D\uDE00\uD83D\uDE00k"))); // 9 bytes, 5 UTF-16 units
    }

    @Test
    void names_permissions_patterns_and_node_ids_count_as_keys() {
        List<Function<String, Command>> nameCommands = List.of(
                n -> new Command.Auth(n, "p"), n -> new Command.CreateUser(n, "p"), n -> new Command.AlterUserPassword(n, "p"),
                n -> new Command.DropUser(n), n -> new Command.CreateRole(n), n -> new Command.DropRole(n),
                n -> new Command.GrantRole(n, "u"), n -> new Command.RevokeRole(n, "u"),
                n -> new Command.GrantPermission(n, "*", "r"), n -> new Command.GrantPermission("read", n, "r"),
                n -> new Command.GrantPermission("read", "*", n), n -> new Command.RevokePermission(n, "*", "r"),
                n -> new Command.RevokePermission("read", n, "r"), n -> new Command.RevokePermission("read", "*", n),
                n -> new Command.ShowGrantsForUser(n), n -> new Command.ShowGrantsForRole(n),
                n -> new Command.ClusterJoin(n, "h:1"), n -> new Command.ClusterRemove(n));
        for (Function<String, Command> build : nameCommands) {
            boundary(KEY_OK, KEY_LONG, build);
        }
    }

    @Test
    void values_passwords_dumps_paths_and_addresses_count_as_values() {
        List<Function<String, Command>> valueCommands = List.of(
                v -> Command.Set.of(Key.of("k"), Bytes.utf8(v)), v -> new Command.SetNx(Key.of("k"), Bytes.utf8(v)),
                v -> new Command.MSet(List.of(new KeyValue(Key.of("k"), Bytes.utf8(v)))),
                v -> new Command.Auth("u", v), v -> new Command.CreateUser("u", v), v -> new Command.AlterUserPassword("u", v),
                v -> new Command.BackupVerify(v), v -> new Command.Restore(v), v -> new Command.RestoreCheck(v),
                v -> new Command.BackupTo(v), v -> new Command.BackupVerifyFrom(v), v -> new Command.RestoreFrom(v),
                v -> new Command.RestoreCheckFrom(v), v -> new Command.ClusterJoin("n", v));
        for (Function<String, Command> build : valueCommands) {
            boundary(VALUE_OK, VALUE_LONG, build);
        }
    }

    @Test
    void binary_values_count_raw_bytes() {
        fits(Command.Set.of(Key.of("k"), Bytes.of(new byte[16])));
        exceeds(Command.Set.of(Key.of("k"), Bytes.of(new byte[17])));
    }

    @Test
    void batches_are_bounded_by_key_count() {
        List<Key> three = keys(3);
        List<Key> four = keys(4);
        fits(new Command.MGet(three));
        exceeds(new Command.MGet(four));
        fits(new Command.Del(three));
        exceeds(new Command.Del(four));
        fits(new Command.MSet(three.stream().map(k -> new KeyValue(k, Bytes.EMPTY)).toList()));
        exceeds(new Command.MSet(four.stream().map(k -> new KeyValue(k, Bytes.EMPTY)).toList()));
    }

    @Test
    void fields_outside_the_table_are_not_limited() {
        fits(new Command.Ping(Optional.of("x".repeat(1000))));
        fits(new Command.GrantRole("r", "u".repeat(1000)));
        fits(new Command.RevokeRole("r", "u".repeat(1000)));
        fits(new Command.Scan(0, Optional.empty(), OptionalInt.empty()));
        fits(new Command.Info());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void a_transaction_of_n_holds_n_commands(int queued) {
        assertTrue(quotas.transactionHasRoom(queued));
        quotas.checkTransactionRoom(queued);
    }

    @Test
    void the_n_plus_first_queued_command_is_refused() {
        assertFalse(quotas.transactionHasRoom(4));
        VaylixException e = assertThrows(VaylixException.class, () -> quotas.checkTransactionRoom(4));
        assertEquals(ErrorCode.SRV_013, e.code());
    }

    @Test
    void payloads_are_bounded() {
        assertTrue(quotas.allowsPayload(100));
        assertFalse(quotas.allowsPayload(101));
        assertThrows(VaylixException.class, () -> quotas.checkPayload(101));
    }

    @Test
    void defaults_are_the_documented_ones() {
        assertEquals(new QuotaLimits(1_048_576, 1024, 262_144, 256, 128), QuotaLimits.DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> new QuotaLimits(1, 1, 1, 0, 1));
    }

    private static List<Key> keys(int count) {
        return Collections.unmodifiableList(IntStream.range(0, count).mapToObj(i -> Key.of("k" + i)).toList());
    }
}

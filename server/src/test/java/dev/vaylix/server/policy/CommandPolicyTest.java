package dev.vaylix.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.Identity;
import dev.vaylix.server.rbac.Permission;
import dev.vaylix.server.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandPolicyTest {

    static final Map<String, Command> SAMPLES = CommandSamples.all();

    /**
     * The whole policy table. Columns: command | write (§4) | runs in maintenance (§8) | inside MULTI (§9) |
     * check (§6.2) | permission | SRV-016 with auth disabled (§3.4). Rows marked (*) differ from the
     * reference on purpose (docs/COMPATIBILITY.md).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            AUTH                 | false | true  | IMMEDIATE | NONE          | -          | false
            PING                 | false | true  | QUEUE     | NONE          | -          | false
            WHOAMI               | false | true  | REJECT    | AUTHENTICATED | -          | false
            HELP                 | false | true  | REJECT    | LOCAL_ONLY    | -          | false
            EXIT                 | false | true  | REJECT    | LOCAL_ONLY    | -          | false
            GET                  | false | true  | QUEUE     | PER_KEY       | READ       | false
            SET                  | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            SETNX                | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            GETDEL               | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            GETEX                | false | true  | QUEUE     | PER_KEY       | WRITE      | false
            GETEX EX             | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            GETEX PERSIST        | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            MGET                 | false | true  | QUEUE     | PER_KEY       | READ       | false
            MSET                 | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            DEL                  | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            EXISTS               | false | true  | QUEUE     | PER_KEY       | READ       | false
            INCR                 | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            DECR                 | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            EXPIRE               | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            TTL                  | false | true  | QUEUE     | PER_KEY       | READ       | false
            PERSIST              | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            RENAME               | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            RENAMENX             | true  | false | QUEUE     | PER_KEY       | WRITE      | false
            SCAN                 | false | true  | QUEUE     | PATTERN       | READ       | false
            DBSIZE               | false | true  | QUEUE     | GLOBAL        | READ       | false
            COUNT                | false | true  | QUEUE     | GLOBAL        | READ       | false
            LIST                 | false | true  | QUEUE     | GLOBAL        | READ       | false
            CLEAR                | true  | false | QUEUE     | GLOBAL        | CLEAR      | false
            SAVE                 | true  | false | REJECT    | GLOBAL        | SNAPSHOT   | false
            SNAPSHOT             | true  | false | REJECT    | GLOBAL        | SNAPSHOT   | false
            BACKUP               | false | true  | REJECT    | GLOBAL        | BACKUP     | false
            BACKUP TO            | false | false | REJECT    | GLOBAL        | BACKUP     | false
            BACKUP VERIFY        | false | true  | REJECT    | GLOBAL        | BACKUP     | false
            BACKUP VERIFY FROM   | false | true  | REJECT    | GLOBAL        | BACKUP     | false
            RESTORE              | true  | false | REJECT    | GLOBAL        | RESTORE    | false
            RESTORE FROM         | true  | false | REJECT    | GLOBAL        | RESTORE    | false
            RESTORE CHECK        | false | false | REJECT    | GLOBAL        | RESTORE    | false
            RESTORE CHECK FROM   | false | false | REJECT    | GLOBAL        | RESTORE    | false
            CREATE USER          | true  | false | REJECT    | GLOBAL        | USER_ADMIN | true
            ALTER USER           | true  | false | REJECT    | GLOBAL        | USER_ADMIN | true
            DROP USER            | true  | false | REJECT    | GLOBAL        | USER_ADMIN | true
            CREATE ROLE          | true  | false | REJECT    | GLOBAL        | ROLE_ADMIN | true
            DROP ROLE            | true  | false | REJECT    | GLOBAL        | ROLE_ADMIN | true
            GRANT ROLE           | true  | false | REJECT    | GLOBAL        | ROLE_ADMIN | true
            REVOKE ROLE          | true  | false | REJECT    | GLOBAL        | ROLE_ADMIN | true
            GRANT PERMISSION     | true  | false | REJECT    | GLOBAL        | ROLE_ADMIN | true
            REVOKE PERMISSION    | true  | false | REJECT    | GLOBAL        | ROLE_ADMIN | true
            SHOW USERS           | false | true  | REJECT    | GLOBAL        | USER_ADMIN | true
            SHOW ROLES           | false | true  | REJECT    | GLOBAL        | ROLE_ADMIN | true
            SHOW GRANTS          | false | true  | REJECT    | AUTHENTICATED | -          | false
            SHOW GRANTS FOR USER | false | true  | REJECT    | GLOBAL        | USER_ADMIN | true
            SHOW GRANTS FOR ROLE | false | true  | REJECT    | GLOBAL        | ROLE_ADMIN | true
            MULTI                | true  | false | CONTROL   | AUTHENTICATED | -          | false
            EXEC                 | true  | false | CONTROL   | AUTHENTICATED | -          | false
            DISCARD              | true  | true  | CONTROL   | AUTHENTICATED | -          | false
            INFO                 | false | true  | REJECT    | GLOBAL        | METRICS    | false
            METRICS              | false | true  | REJECT    | GLOBAL        | METRICS    | false
            METRICS PROM         | false | true  | REJECT    | GLOBAL        | METRICS    | false
            MAINTENANCE ON       | true  | false | REJECT    | GLOBAL        | ADMIN      | false
            MAINTENANCE OFF      | true  | true  | REJECT    | GLOBAL        | ADMIN      | false
            MAINTENANCE STATUS   | false | true  | REJECT    | AUTHENTICATED | -          | false
            HEALTH               | false | true  | REJECT    | AUTHENTICATED | -          | false
            SHOW CLUSTER         | false | true  | REJECT    | GLOBAL        | ADMIN      | false
            SHOW REPLICATION     | false | true  | REJECT    | GLOBAL        | ADMIN      | false
            CLUSTER JOIN         | true  | false | REJECT    | GLOBAL        | ADMIN      | false
            CLUSTER REMOVE       | true  | false | REJECT    | GLOBAL        | ADMIN      | false
            PROMOTE FOLLOWER     | false | false | REJECT    | GLOBAL        | ADMIN      | false
            PAUSE REPLICATION    | true  | false | REJECT    | GLOBAL        | ADMIN      | false
            RESUME REPLICATION   | true  | false | REJECT    | GLOBAL        | ADMIN      | false
            """)
    void every_command_has_its_policy(String label, boolean write, boolean maintenance, TransactionRule transaction,
                                      CheckKind check, Permission permission, boolean rbacAdministration) {
        Command command = SAMPLES.get(label);
        CommandRule rule = CommandPolicy.rule(command);
        assertEquals(new CommandRule(write, maintenance, transaction, check, Optional.ofNullable(permission), rbacAdministration),
                rule);
        assertEquals(write, CommandPolicy.isWrite(command));
    }

    @Test
    void the_samples_cover_every_command_record() {
        Set<String> recordNames = Arrays.stream(Command.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = SAMPLES.values().stream().map(c -> c.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(recordNames, sampled, "add a sample and a table row for every new command");
        assertEquals(69, SAMPLES.size());
    }

    @Test
    void the_maintenance_allow_list_is_section_8_with_the_documented_changes() {
        Set<String> allowed = labels(rule -> rule.allowedInMaintenance());
        Set<String> section8 = new TreeSet<>(List.of("AUTH", "PING", "GET", "EXISTS", "GETEX", "MGET", "TTL", "SCAN", "DBSIZE",
                "COUNT", "LIST", "INFO", "METRICS", "METRICS PROM", "BACKUP", "BACKUP VERIFY", "BACKUP VERIFY FROM", "SHOW USERS",
                "SHOW ROLES", "SHOW GRANTS", "SHOW GRANTS FOR USER", "SHOW GRANTS FOR ROLE", "WHOAMI", "MAINTENANCE STATUS",
                "MAINTENANCE OFF", "HEALTH", "SHOW REPLICATION"));
        section8.addAll(List.of("SHOW CLUSTER", "DISCARD", "HELP", "EXIT")); // Note 3; DISCARD; local commands never arrive
        assertEquals(section8, allowed);
    }

    @Test
    void the_write_list_is_section_4_with_the_documented_changes() {
        Set<String> section4 = new TreeSet<>(List.of("SET", "SETNX", "GETDEL", "GETEX EX", "GETEX PERSIST", "MSET", "DEL", "INCR",
                "DECR", "EXPIRE", "PERSIST", "RENAME", "RENAMENX", "CLEAR", "SAVE", "SNAPSHOT", "RESTORE", "RESTORE FROM",
                "ALTER USER", "CREATE USER", "DROP USER", "CREATE ROLE", "DROP ROLE", "GRANT ROLE", "REVOKE ROLE",
                "GRANT PERMISSION", "REVOKE PERMISSION", "MAINTENANCE ON", "MAINTENANCE OFF", "MULTI", "EXEC", "DISCARD",
                "PAUSE REPLICATION", "RESUME REPLICATION", "CLUSTER JOIN", "CLUSTER REMOVE")); // PROMOTE FOLLOWER: Note 1
        assertEquals(section4, labels(CommandRule::write));
    }

    @Test
    void the_queueable_list_is_section_9_without_cluster_commands() {
        Set<String> section9 = new TreeSet<>(List.of("PING", "GET", "GETDEL", "GETEX", "GETEX EX", "GETEX PERSIST", "SET",
                "SETNX", "MGET", "MSET", "DEL", "EXISTS", "INCR", "DECR", "EXPIRE", "TTL", "PERSIST", "RENAME", "RENAMENX", "SCAN",
                "DBSIZE", "COUNT", "LIST", "CLEAR"));
        assertEquals(section9, labels(rule -> rule.transaction() == TransactionRule.QUEUE));
        assertEquals(TransactionRule.REJECT, CommandPolicy.rule(SAMPLES.get("CLUSTER JOIN")).transaction()); // Note 16
    }

    @Test
    void only_auth_and_ping_run_unauthenticated() {
        assertEquals(Set.of("AUTH", "PING", "HELP", "EXIT"), labels(rule -> !rule.requiresAuthentication()));
    }

    // ------------------------------------------------------------------ authorization

    static Identity identityWith(AuthMutation... grants) {
        AuthState state = AuthState.INITIAL
                .apply(new AuthMutation.BootstrapAdmin("root", Fixtures.fakePhc(1), false, Optional.empty())).state()
                .apply(new AuthMutation.CreateUser("u", Fixtures.fakePhc(2))).state()
                .apply(new AuthMutation.CreateRole("r")).state()
                .apply(new AuthMutation.GrantRole("r", "u")).state();
        for (AuthMutation grant : grants) {
            state = state.apply(grant).state();
        }
        return state.identityFor("u").orElseThrow();
    }

    @Test
    void a_user_without_grants_may_run_only_the_session_commands() {
        Identity nobody = identityWith();
        Set<String> permitted = SAMPLES.entrySet().stream().filter(e -> CommandPolicy.permits(nobody, e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("AUTH", "PING", "WHOAMI", "SHOW GRANTS", "MULTI", "EXEC", "DISCARD",
                "MAINTENANCE STATUS", "HEALTH")), permitted);
    }

    @Test
    void admin_and_anonymous_may_run_everything_the_server_executes() {
        Identity admin = identityWith(new AuthMutation.GrantRole("admin", "u"));
        for (Map.Entry<String, Command> sample : SAMPLES.entrySet()) {
            boolean local = CommandPolicy.rule(sample.getValue()).check() == CheckKind.LOCAL_ONLY;
            assertEquals(!local, CommandPolicy.permits(admin, sample.getValue()), sample.getKey());
            assertEquals(!local, CommandPolicy.permits(Identity.anonymous(), sample.getValue()), sample.getKey());
        }
    }

    @Test
    void each_global_permission_unlocks_exactly_its_commands() {
        for (Permission permission : Permission.values()) {
            if (permission == Permission.ADMIN) {
                continue;
            }
            Identity holder = identityWith(new AuthMutation.GrantPermission(permission.text(), "*", "r"));
            for (Map.Entry<String, Command> sample : SAMPLES.entrySet()) {
                CommandRule rule = CommandPolicy.rule(sample.getValue());
                boolean expected = switch (rule.check()) {
                    case NONE, AUTHENTICATED -> true;
                    case LOCAL_ONLY -> false;
                    case GLOBAL, PER_KEY, PATTERN -> rule.permission().orElseThrow() == permission;
                };
                assertEquals(expected, CommandPolicy.permits(holder, sample.getValue()), permission + " / " + sample.getKey());
            }
        }
    }

    @Test
    void per_key_checks_cover_every_key_of_the_command() {
        Identity scoped = identityWith(new AuthMutation.GrantPermission("write", "app:*", "r"),
                new AuthMutation.GrantPermission("read", "app:*", "r"));
        assertTrue(CommandPolicy.permits(scoped, new Command.Rename(Key.of("app:a"), Key.of("app:b"))));
        assertFalse(CommandPolicy.permits(scoped, new Command.Rename(Key.of("app:a"), Key.of("other"))));
        assertFalse(CommandPolicy.permits(scoped, new Command.RenameNx(Key.of("other"), Key.of("app:b"))));
        assertFalse(CommandPolicy.permits(scoped, new Command.MSet(List.of(new KeyValue(Key.of("app:a"), dev.vaylix.api.Bytes.EMPTY),
                new KeyValue(Key.of("x"), dev.vaylix.api.Bytes.EMPTY)))));
        assertFalse(CommandPolicy.permits(scoped, new Command.MGet(List.of(Key.of("app:a"), Key.of("x")))));
        assertTrue(CommandPolicy.permits(scoped, new Command.Del(List.of(Key.of("app:a"), Key.of("app:b")))));
        assertFalse(CommandPolicy.permits(scoped, new Command.DbSize()), "global read needs read on *");
    }

    @Test
    void scan_checks_its_pattern_and_star_when_absent() {
        Identity scoped = identityWith(new AuthMutation.GrantPermission("read", "app:*", "r"));
        assertTrue(CommandPolicy.permits(scoped, new Command.Scan(0, Optional.of("app:*"), OptionalInt.empty())));
        assertFalse(CommandPolicy.permits(scoped, new Command.Scan(0, Optional.empty(), OptionalInt.empty())));
        assertEquals(Optional.of("*"), CommandPolicy.patternOf(new Command.Scan(0, Optional.empty(), OptionalInt.of(3))));
        assertEquals(Optional.empty(), CommandPolicy.patternOf(new Command.Get(Key.of("k"))));
    }

    @Test
    void authorize_refuses_with_srv_017() {
        VaylixException e = assertThrows(VaylixException.class, () -> CommandPolicy.authorize(identityWith(), new Command.Info()));
        assertEquals(ErrorCode.SRV_017, e.code());
        assertEquals("permission denied", e.getMessage());
        CommandPolicy.authorize(identityWith(), new Command.Ping(Optional.empty()));
    }

    @Test
    void rules_must_name_a_permission_exactly_when_they_check_one() {
        assertThrows(IllegalArgumentException.class,
                () -> new CommandRule(false, true, TransactionRule.QUEUE, CheckKind.GLOBAL, Optional.empty(), false));
        assertThrows(IllegalArgumentException.class,
                () -> new CommandRule(false, true, TransactionRule.QUEUE, CheckKind.NONE, Optional.of(Permission.READ), false));
    }

    private static Set<String> labels(java.util.function.Predicate<CommandRule> predicate) {
        return SAMPLES.entrySet().stream().filter(e -> predicate.test(CommandPolicy.rule(e.getValue())))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }
}

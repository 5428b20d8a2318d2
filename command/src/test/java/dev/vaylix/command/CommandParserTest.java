package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid command form of COMMANDS.md §3, with case-insensitive command words and keywords,
 * exact-case arguments, and quoted tokens read the same as unquoted ones. Errors are in
 * {@link CommandParserErrorsTest}.
 */
class CommandParserTest {

    private static final long U64_MAX = -1L;

    static Key k(String text) {
        return Key.of(text);
    }

    static Bytes v(String text) {
        return Bytes.utf8(text);
    }

    static Command.Set set(String key, String value, SetCondition condition, OptionalLong ifVersion,
                           Expiration expiration, boolean keepTtl, boolean get) {
        return new Command.Set(k(key), v(value), condition, ifVersion, expiration, keepTtl, get);
    }

    static Command.Set set(String key, String value) {
        return Command.Set.of(k(key), v(value));
    }

    static Arguments row(String line, Command expected) {
        return Arguments.of(line, expected);
    }

    static Stream<Arguments> validForms() {
        OptionalLong none = OptionalLong.empty();
        return Stream.of(
                // §3.1 connection and session
                row("auth bob secret", new Command.Auth("bob", "secret")),
                row("AUTH Bob \"pass word\"", new Command.Auth("Bob", "pass word")),
                row("ping", new Command.Ping(Optional.empty())),
                row("PING Hello", new Command.Ping(Optional.of("Hello"))),
                row("ping \"\"", new Command.Ping(Optional.of(""))),
                row("Ping \"hello world\"", new Command.Ping(Optional.of("hello world"))),
                row("whoami", new Command.Whoami()),
                row("WhoAmI", new Command.Whoami()),
                row("help", new Command.Help()),
                row("HELP", new Command.Help()),
                row("exit", new Command.Exit()),
                row("quit", new Command.Exit()),
                row("QUIT", new Command.Exit()),

                // §3.2 key/value
                row("get key", new Command.Get(k("key"))),
                row("GET Key", new Command.Get(k("Key"))),
                row("\"get\" \"my key\"", new Command.Get(k("my key"))),
                row("get \"\"", new Command.Get(k(""))),
                row("get é😀日本", new Command.Get(k("é😀日本"))),
                row("get a\\b", new Command.Get(k("a\\b"))),
                row("\t get \r key \n", new Command.Get(k("key"))),
                row("set k v", set("k", "v")),
                row("SET K V", set("K", "V")),
                row("set k v NX", set("k", "v", SetCondition.NX, none, Expiration.NONE, false, false)),
                row("set k v xx", set("k", "v", SetCondition.XX, none, Expiration.NONE, false, false)),
                row("set k v \"nx\"", set("k", "v", SetCondition.NX, none, Expiration.NONE, false, false)),
                row("set nx nx nx", set("nx", "nx", SetCondition.NX, none, Expiration.NONE, false, false)),
                row("set k v if version 7", set("k", "v", SetCondition.NONE, OptionalLong.of(7), Expiration.NONE, false, false)),
                row("set k v IF VERSION +7", set("k", "v", SetCondition.NONE, OptionalLong.of(7), Expiration.NONE, false, false)),
                row("set k v if version 0", set("k", "v", SetCondition.NONE, OptionalLong.of(0), Expiration.NONE, false, false)),
                row("set k v ex 10", set("k", "v", SetCondition.NONE, none, Expiration.seconds(10), false, false)),
                row("set k v Ex 007", set("k", "v", SetCondition.NONE, none, Expiration.seconds(7), false, false)),
                row("set k v ex 0", set("k", "v", SetCondition.NONE, none, Expiration.seconds(0), false, false)),
                row("set k v ex 18446744073709551615",
                        set("k", "v", SetCondition.NONE, none, Expiration.seconds(U64_MAX), false, false)),
                row("set k v px 1500", set("k", "v", SetCondition.NONE, none, Expiration.millis(1500), false, false)),
                row("set k v keepttl", set("k", "v", SetCondition.NONE, none, Expiration.NONE, true, false)),
                row("set k v get", set("k", "v", SetCondition.NONE, none, Expiration.NONE, false, true)),
                row("set k v nx ex 10 get", set("k", "v", SetCondition.NX, none, Expiration.seconds(10), false, true)),
                row("set k v GET PX 5 XX", set("k", "v", SetCondition.XX, none, Expiration.millis(5), false, true)),
                row("set k v keepttl if version 3 get",
                        set("k", "v", SetCondition.NONE, OptionalLong.of(3), Expiration.NONE, true, true)),
                row("set \"a key\" \"a \\\"value\\\"\" \"EX\" \"60\"",
                        set("a key", "a \"value\"", SetCondition.NONE, none, Expiration.seconds(60), false, false)),
                row("set k \"\"", set("k", "")),
                row("set k 日本", set("k", "日本")),
                row("setnx k v", new Command.SetNx(k("k"), v("v"))),
                row("SETNX K \"v w\"", new Command.SetNx(k("K"), v("v w"))),
                row("getdel k", new Command.GetDel(k("k"))),
                row("getex k", new Command.GetEx(k("k"), Expiration.NONE, false)),
                row("getex k ex 5", new Command.GetEx(k("k"), Expiration.seconds(5), false)),
                row("GETEX k PX +5", new Command.GetEx(k("k"), Expiration.millis(5), false)),
                row("getex k persist", new Command.GetEx(k("k"), Expiration.NONE, true)),
                row("getex k \"PERSIST\"", new Command.GetEx(k("k"), Expiration.NONE, true)),
                row("getex persist persist", new Command.GetEx(k("persist"), Expiration.NONE, true)),
                row("mget a", new Command.MGet(List.of(k("a")))),
                row("MGET a B \"c d\"", new Command.MGet(List.of(k("a"), k("B"), k("c d")))),
                row("mset a 1", new Command.MSet(List.of(new KeyValue(k("a"), v("1"))))),
                row("mset a 1 b 2 a 3", new Command.MSet(List.of(new KeyValue(k("a"), v("1")),
                        new KeyValue(k("b"), v("2")), new KeyValue(k("a"), v("3"))))),
                row("del a", new Command.Del(List.of(k("a")))),
                row("DEL a b", new Command.Del(List.of(k("a"), k("b")))),
                row("delete a b", new Command.Del(List.of(k("a"), k("b")))),
                row("exists k", new Command.Exists(k("k"))),
                row("incr counter", new Command.Incr(k("counter"))),
                row("decr counter", new Command.Decr(k("counter"))),
                row("expire k 10", new Command.Expire(k("k"), 10)),
                row("EXPIRE k +0", new Command.Expire(k("k"), 0)),
                row("expire k 18446744073709551615", new Command.Expire(k("k"), U64_MAX)),
                row("ttl k", new Command.Ttl(k("k"))),
                row("persist k", new Command.Persist(k("k"))),
                row("rename a b", new Command.Rename(k("a"), k("b"))),
                row("renamenx a b", new Command.RenameNx(k("a"), k("b"))),
                row("scan 0", new Command.Scan(0, Optional.empty(), OptionalInt.empty())),
                row("scan 5 match user:* count 100", new Command.Scan(5, Optional.of("user:*"), OptionalInt.of(100))),
                row("SCAN 5 COUNT 0 MATCH \"*\"", new Command.Scan(5, Optional.of("*"), OptionalInt.of(0))),
                row("scan 0 count 65535", new Command.Scan(0, Optional.empty(), OptionalInt.of(65535))),
                row("scan 18446744073709551615", new Command.Scan(U64_MAX, Optional.empty(), OptionalInt.empty())),
                row("scan 0 match count", new Command.Scan(0, Optional.of("count"), OptionalInt.empty())),
                row("scan +1 match User?", new Command.Scan(1, Optional.of("User?"), OptionalInt.empty())),
                row("dbsize", new Command.DbSize()),
                row("count", new Command.Count()),
                row("list", new Command.ListAll()),
                row("clear", new Command.Clear()),
                row("FLUSHDB", new Command.Clear()),

                // §3.3 persistence, backup and restore
                row("save", new Command.Save()),
                row("snapshot", new Command.Snapshot()),
                row("backup", new Command.Backup()),
                row("backup to b.json", new Command.BackupTo("b.json")),
                row("BACKUP TO \"dir/My Backup.json\"", new Command.BackupTo("dir/My Backup.json")),
                row("backup to from", new Command.BackupTo("from")),
                row("backup verify \"{\\\"version\\\":2}\"", new Command.BackupVerify("{\"version\":2}")),
                row("backup verify check", new Command.BackupVerify("check")),
                row("backup verify from b.json", new Command.BackupVerifyFrom("b.json")),
                row("Backup Verify From B.json", new Command.BackupVerifyFrom("B.json")),
                row("restore \"{}\"", new Command.Restore("{}")),
                row("restore from b.json", new Command.RestoreFrom("b.json")),
                row("RESTORE FROM B.json", new Command.RestoreFrom("B.json")),
                row("restore from from", new Command.RestoreFrom("from")),
                row("restore from check", new Command.RestoreFrom("check")),
                row("restore check \"{}\"", new Command.RestoreCheck("{}")),
                row("restore check check", new Command.RestoreCheck("check")),
                row("restore check from b.json", new Command.RestoreCheckFrom("b.json")),
                row("restore \"check\" \"from\" \"from\"", new Command.RestoreCheckFrom("from")),

                // §3.4 users, roles, grants
                row("alter user bob password pw", new Command.AlterUserPassword("bob", "pw")),
                row("ALTER USER Bob PASSWORD Pw", new Command.AlterUserPassword("Bob", "Pw")),
                row("create user bob password \"s3cret pw\"", new Command.CreateUser("bob", "s3cret pw")),
                row("Create User password Password password", new Command.CreateUser("password", "password")),
                row("create role ops", new Command.CreateRole("ops")),
                row("CREATE ROLE Ops", new Command.CreateRole("Ops")),
                row("drop user bob", new Command.DropUser("bob")),
                row("drop role ops", new Command.DropRole("ops")),
                row("grant role ops to bob", new Command.GrantRole("ops", "bob")),
                row("GRANT ROLE Ops TO Bob", new Command.GrantRole("Ops", "Bob")),
                row("revoke role ops from bob", new Command.RevokeRole("ops", "bob")),
                row("grant permission read to ops", new Command.GrantPermission("read", "*", "ops")),
                row("grant permission Read on user:* to ops", new Command.GrantPermission("Read", "user:*", "ops")),
                row("GRANT PERMISSION write ON \"a b\" TO Ops", new Command.GrantPermission("write", "a b", "Ops")),
                row("grant permission on on on to to", new Command.GrantPermission("on", "on", "to")),
                row("revoke permission write from ops", new Command.RevokePermission("write", "*", "ops")),
                row("revoke permission write on cfg:* from ops", new Command.RevokePermission("write", "cfg:*", "ops")),
                row("show users", new Command.ShowUsers()),
                row("show roles", new Command.ShowRoles()),
                row("show grants", new Command.ShowGrants()),
                row("show grants for user bob", new Command.ShowGrantsForUser("bob")),
                row("SHOW GRANTS FOR USER Bob", new Command.ShowGrantsForUser("Bob")),
                row("show grants for role ops", new Command.ShowGrantsForRole("ops")),

                // §3.5 transactions
                row("multi", new Command.Multi()),
                row("EXEC", new Command.Exec()),
                row("discard", new Command.Discard()),

                // §3.6 operations, metrics, cluster
                row("info", new Command.Info()),
                row("metrics", new Command.Metrics()),
                row("metrics prom", new Command.MetricsProm()),
                row("METRICS Prom", new Command.MetricsProm()),
                row("maintenance on", new Command.MaintenanceOn()),
                row("MAINTENANCE OFF", new Command.MaintenanceOff()),
                row("maintenance status", new Command.MaintenanceStatus()),
                row("health", new Command.Health()),
                row("show cluster", new Command.ShowCluster()),
                row("show replication", new Command.ShowReplication()),
                row("Show Replication", new Command.ShowReplication()),
                row("cluster join n2 10.0.0.2:9173", new Command.ClusterJoin("n2", "10.0.0.2:9173")),
                row("CLUSTER JOIN Node-2 Host:9173", new Command.ClusterJoin("Node-2", "Host:9173")),
                row("cluster remove n2", new Command.ClusterRemove("n2")),
                row("promote follower", new Command.PromoteFollower()),
                row("pause replication", new Command.PauseReplication()),
                row("RESUME REPLICATION", new Command.ResumeReplication()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validForms")
    void parses_every_valid_form(String line, Command expected) {
        assertEquals(expected, CommandParser.parse(line));
    }

    @Test
    void the_valid_forms_cover_every_command_kind_and_every_command_word() {
        Set<CommandType> kinds = EnumSet.noneOf(CommandType.class);
        Set<String> words = new TreeSet<>();
        validForms().forEach(arguments -> {
            String line = (String) arguments.get()[0];
            kinds.add(((Command) arguments.get()[1]).type());
            words.add(Tokens.Ascii.toLower(CommandLexerTest.lex(line).getFirst()));
        });
        assertEquals(EnumSet.allOf(CommandType.class), kinds);
        Set<String> roots = new TreeSet<>();
        for (CommandRoot root : CommandRoot.values()) {
            roots.add(root.word());
        }
        assertEquals(roots, words);
    }

    @Test
    void every_help_form_parses_to_its_command_kind() {
        for (CommandForm form : CommandForm.values()) {
            String line = form.usage().contains("<") || form.usage().contains("[")
                    ? exampleOf(form) : form.words();
            assertEquals(form.type(), CommandParser.parse(line).type(), form.words());
        }
    }

    /** A line of the form with placeholder arguments: each {@code <x>} becomes {@code 1}, optional parts are left out. */
    private static String exampleOf(CommandForm form) {
        return form.usage().replaceAll(" \\[[^]]*]", "").replaceAll("<[^>]*>", "1");
    }

    @Test
    void command_words_are_recognised_ascii_case_insensitively_only() {
        assertTrue(CommandParser.isCommandWord("get"));
        assertTrue(CommandParser.isCommandWord("ReStOrE"));
        assertTrue(CommandParser.isCommandWord("quit"));
        assertFalse(CommandParser.isCommandWord("ſet"), "a long s is not an ASCII s");
        assertFalse(CommandParser.isCommandWord("get key"));
        assertFalse(CommandParser.isCommandWord(""));
    }

    static Stream<Arguments> trims() {
        return Stream.of(
                Arguments.of("  get k  ", "get k"),
                Arguments.of("\u00A0\u2003get k\u3000\u0085\u000B", "get k"),
                Arguments.of("get\u00A0k", "get\u00A0k"),
                Arguments.of("\u200Bget", "\u200Bget"), // a zero-width space is not white space
                Arguments.of(" \t ", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("trims")
    void trims_lines_like_the_repl(String line, String trimmed) {
        assertEquals(trimmed, CommandParser.trimLine(line));
    }
}

package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error path of COMMANDS.md §1–3: each CMD-003 usage string, each CMD-004 field, each CMD-005
 * rule, each CMD-006 detail, and the order in which competing checks fire. Usage strings and
 * messages are written out from the spec here, not taken from the main code.
 */
class CommandParserErrorsTest {

    // Usage strings exactly as COMMANDS.md gives them (or as docs/COMPATIBILITY.md infers them).
    static final String SET = "set <key> <value> [nx|xx] [if version <version>] [ex <seconds>|px <millis>] [keepttl] [get]";
    static final String GETEX = "getex <key> [ex <seconds>|px <millis>|persist]";
    static final String SCAN = "scan <cursor> [match <pattern>] [count <n>]";
    static final String BACKUP = "backup [to <path>] | backup verify <logical-dump-json> | backup verify from <path>";
    static final String RESTORE = "restore <logical-dump-json> | restore from <path> | restore check <logical-dump-json>"
            + " | restore check from <path>";
    static final String CREATE = "create user <username> password <password> | create role <role>";
    static final String DROP = "drop user <username> | drop role <role>";
    static final String GRANT = "grant role <role> to <username> | grant permission <permission> [on <pattern>] to <role>";
    static final String REVOKE = "revoke role <role> from <username> | revoke permission <permission> [on <pattern>] from <role>";
    static final String SHOW = "show users | show roles | show grants | show grants for user <username>"
            + " | show grants for role <role> | show replication | show cluster";

    static Arguments empty(String line) {
        return Arguments.of(line, ErrorCode.CMD_001, "empty command");
    }

    static Arguments unknown(String line, String lowered) {
        return Arguments.of(line, ErrorCode.CMD_002, "unknown command: " + lowered);
    }

    static Arguments usage(String line, String usage) {
        return Arguments.of(line, ErrorCode.CMD_003, "usage: " + usage);
    }

    static Arguments integer(String line, String field, String token) {
        return Arguments.of(line, ErrorCode.CMD_004, "invalid integer for " + field + ": " + token);
    }

    static Arguments option(String line, String command, String token) {
        return Arguments.of(line, ErrorCode.CMD_005, "invalid option for " + command + ": " + token);
    }

    static Arguments conflict(String line, String command, String detail) {
        return Arguments.of(line, ErrorCode.CMD_006, "conflicting options for " + command + ": " + detail);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // CMD-001
                empty(""),
                empty("   "),
                empty(" \t\r\n"),

                // CMD-002: the first token, ASCII-lower-cased
                unknown("frob", "frob"),
                unknown("FROB x y", "frob"),
                unknown("\"\"", ""),
                unknown("\"get key\"", "get key"),
                unknown("ÉCHO", "Écho"),
                unknown("ſet k v", "ſet"),
                unknown("get\u00A0key", "get\u00A0key"),
                unknown("keepttl", "keepttl"),
                unknown("alter-user", "alter-user"),

                // CMD-003, §3.1
                usage("auth bob", "auth <username> <password>"),
                usage("auth a b c", "auth <username> <password>"),
                usage("ping a b", "ping [message]"),
                usage("whoami x", "whoami"),
                usage("help x", "help"),
                usage("exit now", "exit"),
                usage("quit now", "exit"),

                // CMD-003, §3.2
                usage("get", "get <key>"),
                usage("get a b", "get <key>"),
                usage("set", SET),
                usage("set k", SET),
                usage("set k v ex", SET),
                usage("set k v px", SET),
                usage("set k v nx ex", SET),
                usage("set k v if version", SET),
                usage("setnx k", "setnx <key> <value>"),
                usage("setnx k v w", "setnx <key> <value>"),
                usage("getdel", "getdel <key>"),
                usage("getex", GETEX),
                usage("getex k ex", GETEX),
                usage("getex k px", GETEX),
                usage("getex k ex 1 persist", GETEX),
                usage("getex k ex 1 px 2", GETEX), // shadows "only one expiration modifier is allowed"
                usage("getex k persist px 5", GETEX), // shadows "PERSIST cannot be combined" for this order
                usage("mget", "mget <key> [key ...]"),
                usage("mset", "mset <key> <value> [key value ...]"),
                usage("mset a", "mset <key> <value> [key value ...]"),
                usage("mset a 1 b", "mset <key> <value> [key value ...]"),
                usage("del", "del <key> [key ...]"),
                usage("delete", "del <key> [key ...]"),
                usage("exists", "exists <key>"),
                usage("exists a b", "exists <key>"),
                usage("incr", "incr <key>"),
                usage("decr a b", "decr <key>"),
                usage("expire k", "expire <key> <seconds>"),
                usage("expire k 1 2", "expire <key> <seconds>"),
                usage("ttl", "ttl <key>"),
                usage("persist a b", "persist <key>"),
                usage("rename a", "rename <source> <destination>"),
                usage("renamenx a b c", "renamenx <source> <destination>"),
                usage("scan", SCAN),
                usage("scan 0 match", SCAN),
                usage("scan 0 count", SCAN),
                usage("scan 0 match a count", SCAN),
                usage("dbsize x", "dbsize"),
                usage("count x", "count"),
                usage("list x", "list"),
                usage("clear x", "clear"),
                usage("flushdb x", "flushdb"),

                // CMD-003, §3.3
                usage("save now", "save"),
                usage("snapshot now", "snapshot"),
                usage("backup x", BACKUP),
                usage("backup to", BACKUP),
                usage("backup to a b", BACKUP),
                usage("backup verify", BACKUP),
                usage("backup verify from", BACKUP),
                usage("backup VERIFY \"FROM\"", BACKUP),
                usage("backup verify a b", BACKUP),
                usage("backup verify from a b", BACKUP),
                usage("backup x y z", BACKUP),
                usage("restore", RESTORE),
                usage("restore from", RESTORE), // Note 15: not an inline dump "from"
                usage("RESTORE FROM", RESTORE),
                usage("restore \"from\"", RESTORE),
                usage("restore check", RESTORE),
                usage("restore check from", RESTORE),
                usage("restore a b", RESTORE),
                usage("restore from a b", RESTORE),
                usage("restore check a b", RESTORE),
                usage("restore a b c d e", RESTORE),

                // CMD-003, §3.4
                usage("alter", "alter user <username> password <password>"),
                usage("alter user bob password", "alter user <username> password <password>"),
                usage("alter role bob password pw", "alter user <username> password <password>"),
                usage("alter user bob pass pw", "alter user <username> password <password>"),
                usage("create", CREATE),
                usage("create user", CREATE),
                usage("create role", CREATE),
                usage("create user bob", "create user <username> password <password>"),
                usage("create user bob pw", "create user <username> password <password>"),
                usage("create user bob passwd pw", "create user <username> password <password>"),
                usage("create user bob password pw x", "create user <username> password <password>"),
                usage("create role a b", "create role <role>"),
                usage("drop", DROP),
                usage("drop user", DROP),
                usage("drop user a b", "drop user <username>"),
                usage("drop role a b", "drop role <role>"),
                usage("grant", GRANT),
                usage("grant role ops to", GRANT),
                usage("grant role ops to bob x", GRANT),
                usage("grant permission read on x to ops now", GRANT),
                usage("revoke role ops", REVOKE),
                usage("revoke role ops from bob x", REVOKE),
                usage("show", SHOW),
                usage("show grants for", SHOW),
                usage("show grants for user", SHOW),
                usage("show grants for user bob x", SHOW),

                // CMD-003, §3.5
                usage("multi x", "multi"),
                usage("exec x", "exec"),
                usage("discard x", "discard"),

                // CMD-003, §3.6
                usage("info x", "info"),
                usage("metrics x", "metrics [prom]"),
                usage("metrics prom x", "metrics [prom]"),
                usage("maintenance", "maintenance <on|off|status>"),
                usage("maintenance on now", "maintenance <on|off|status>"),
                usage("maintenance foo", "maintenance <on|off|status>"),
                usage("health x", "health"),
                usage("cluster", "cluster <join|remove> ..."),
                usage("cluster join n2", "cluster join <node-id> <host:port>"),
                usage("cluster join a b c", "cluster join <node-id> <host:port>"),
                usage("cluster remove", "cluster remove <node-id>"),
                usage("cluster remove a b", "cluster remove <node-id>"),
                usage("promote", "promote follower"),
                usage("promote leader", "promote follower"),
                usage("pause", "pause replication"),
                usage("pause writes", "pause replication"),
                usage("resume replication now", "resume replication"),

                // CMD-004: each field; the token as typed
                integer("set k v ex abc", "seconds", "abc"),
                integer("set k v EX ABC", "seconds", "ABC"),
                integer("set k v ex -1", "seconds", "-1"),
                integer("set k v ex -0", "seconds", "-0"),
                integer("set k v ex +", "seconds", "+"),
                integer("set k v ex ++1", "seconds", "++1"),
                integer("set k v ex \"\"", "seconds", ""),
                integer("set k v ex \" 1\"", "seconds", " 1"),
                integer("set k v ex 1_000", "seconds", "1_000"),
                integer("set k v ex 1.5", "seconds", "1.5"),
                integer("set k v ex 0x10", "seconds", "0x10"),
                integer("set k v ex ١٢", "seconds", "١٢"), // Arabic-Indic digits are not ASCII digits
                integer("set k v ex ＋1", "seconds", "＋1"),
                integer("set k v ex 18446744073709551616", "seconds", "18446744073709551616"),
                integer("set k v ex 99999999999999999999", "seconds", "99999999999999999999"),
                integer("getex k ex 1e3", "seconds", "1e3"),
                integer("expire k -1", "seconds", "-1"),
                integer("expire k soon", "seconds", "soon"),
                integer("set k v px 1e3", "milliseconds", "1e3"),
                integer("getex k px -5", "milliseconds", "-5"),
                integer("set k v if version x", "version", "x"),
                integer("set k v if version -1", "version", "-1"),
                integer("scan abc", "cursor", "abc"),
                integer("scan -1", "cursor", "-1"),
                integer("scan 18446744073709551616", "cursor", "18446744073709551616"),
                integer("scan 0 count 65536", "count", "65536"),
                integer("scan 0 count 70000", "count", "70000"),
                integer("scan 0 count -1", "count", "-1"),
                integer("scan 0 count +", "count", "+"),

                // CMD-005: SET/GETEX/SCAN report the option lower-cased, except the original `if` token
                option("set k v foo", "set", "foo"),
                option("set k v FOO", "set", "foo"),
                option("set k v ÉX 5", "set", "Éx"),
                option("set k v ex 5 keep", "set", "keep"),
                option("set k v IF", "set", "IF"),
                option("set k v if", "set", "if"),
                option("set k v If x", "set", "If"),
                option("set k v iF versions 1", "set", "iF"),
                option("getex k foo", "getex", "foo"),
                option("getex k KEEPTTL", "getex", "keepttl"),
                option("scan 0 LIMIT 5", "scan", "limit"),
                option("scan 0 match a Cursor 1", "scan", "cursor"),
                // create/drop/grant/revoke/show/cluster report the second token lower-cased
                option("create TABLE t", "create", "table"),
                option("create Index a b c", "create", "index"),
                option("drop Index x", "drop", "index"),
                option("grant ROLE ops AS bob", "grant", "role"),
                option("grant role ops on x to bob", "grant", "role"),
                option("grant privilege read to ops", "grant", "privilege"),
                option("grant PERMISSION read from ops", "grant", "permission"),
                option("grant permission read at x to ops", "grant", "permission"),
                option("grant permission read on x as ops", "grant", "permission"),
                option("revoke role ops to bob", "revoke", "role"),
                option("revoke PERMISSION read on x to ops", "revoke", "permission"),
                option("show tables", "show", "tables"),
                option("show USERS a b c", "show", "users"),
                option("show grants of user bob", "show", "grants"),
                option("show Grants for group ops", "show", "grants"),
                option("cluster JOINX a b", "cluster", "joinx"),
                option("cluster Leave n1", "cluster", "leave"),

                // CMD-006: every detail
                conflict("set k v nx xx", "set", "only one of NX or XX may be specified"),
                conflict("set k v XX nx", "set", "only one of NX or XX may be specified"),
                conflict("set k v if version 1 nx", "set", "NX or XX cannot be combined with IF VERSION"),
                conflict("set k v xx if version 1", "set", "IF VERSION cannot be combined with NX or XX"),
                conflict("set k v if version 1 if version 2", "set", "IF VERSION can only be specified once"),
                conflict("set k v keepttl ex 5", "set", "EX or PX cannot be combined with KEEPTTL"),
                conflict("set k v keepttl px 5", "set", "EX or PX cannot be combined with KEEPTTL"),
                conflict("set k v ex 5 px 5", "set", "only one of EX or PX may be specified"),
                conflict("set k v ex 1 ex 2", "set", "only one of EX or PX may be specified"),
                conflict("set k v keepttl keepttl", "set", "KEEPTTL can only be specified once"),
                conflict("set k v px 5 keepttl", "set", "KEEPTTL cannot be combined with EX or PX"),
                conflict("set k v get GET", "set", "GET can only be specified once"),
                conflict("getex k persist ex", "getex", "PERSIST cannot be combined with EX or PX"),
                conflict("getex k persist px", "getex", "PERSIST cannot be combined with EX or PX"),
                conflict("getex k persist persist", "getex", "PERSIST can only be specified once"),
                conflict("scan 0 match a match b", "scan", "MATCH can only be specified once"),
                conflict("scan 0 count 1 count 2", "scan", "COUNT can only be specified once"),

                // the order of competing checks
                conflict("set k v nx if version x", "set", "IF VERSION cannot be combined with NX or XX"), // conflict before the number
                integer("set k v if version 1 if version x", "version", "x"), // number before the duplicate
                option("set k v nx if", "set", "if"), // the VERSION keyword before the conflict
                integer("set k v keepttl ex x", "seconds", "x"), // number before the conflict
                integer("set k v ex 1 px x", "milliseconds", "x"),
                conflict("scan 0 match a match", "scan", "MATCH can only be specified once"), // duplicate before the missing argument
                conflict("scan 0 count 1 count x", "scan", "COUNT can only be specified once"),
                integer("scan x foo", "cursor", "x"), // the cursor before any option
                option("set k v foo nx nx", "set", "foo"), // left to right
                conflict("set k v nx nx foo", "set", "only one of NX or XX may be specified"),
                unterminated("get \"a", 4), // the lexer runs before the parser
                unterminated("frob \"", 5),
                unterminated("set k v ex 10 \"", 14));
    }

    static Arguments unterminated(String line, int byteOffset) {
        return Arguments.of(line, ErrorCode.CMD_008, "unterminated quoted string starting at byte " + byteOffset);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("errors")
    void rejects_with_the_exact_code_and_message(String line, ErrorCode code, String message) {
        VaylixException e = assertThrows(VaylixException.class, () -> CommandParser.parse(line));
        assertEquals(code, e.code(), e.describe());
        assertEquals(message, e.getMessage());
    }

    @Test
    void every_command_word_has_a_usage_error_in_the_table() {
        Set<String> covered = new TreeSet<>();
        errors().filter(arguments -> arguments.get()[1] == ErrorCode.CMD_003)
                .forEach(arguments -> covered.add(Tokens.Ascii.toLower(CommandLexerTest.lex((String) arguments.get()[0]).getFirst())));
        Set<String> roots = new TreeSet<>();
        for (CommandRoot root : CommandRoot.values()) {
            roots.add(root.word());
        }
        assertEquals(roots, covered);
    }

    @Test
    void every_conflict_detail_of_the_spec_is_in_the_table() {
        Set<String> details = new TreeSet<>();
        errors().filter(arguments -> arguments.get()[1] == ErrorCode.CMD_006)
                .forEach(arguments -> details.add(((String) arguments.get()[2]).replaceFirst("^conflicting options for \\w+: ", "")));
        Set<String> spec = new TreeSet<>(Set.of(
                "only one of NX or XX may be specified", "NX or XX cannot be combined with IF VERSION",
                "IF VERSION cannot be combined with NX or XX", "IF VERSION can only be specified once",
                "EX or PX cannot be combined with KEEPTTL", "only one of EX or PX may be specified",
                "KEEPTTL can only be specified once", "KEEPTTL cannot be combined with EX or PX",
                "GET can only be specified once", "PERSIST cannot be combined with EX or PX",
                "PERSIST can only be specified once", "MATCH can only be specified once", "COUNT can only be specified once"));
        // "only one expiration modifier is allowed" (GETEX) needs a fifth token, which is CMD-003 first
        // (see the GETEX rows above), so no line can produce it.
        assertEquals(spec, details);
    }
}

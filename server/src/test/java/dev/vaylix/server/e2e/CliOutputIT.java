package dev.vaylix.server.e2e;

import static dev.vaylix.server.e2e.ClientProcess.address;
import static dev.vaylix.server.e2e.ClientProcess.command;
import static dev.vaylix.server.e2e.ClientProcess.lines;
import static dev.vaylix.server.e2e.ClientProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.VaylixClient;
import dev.vaylix.server.e2e.ClientProcess.Result;
import dev.vaylix.server.testing.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/vaylix-client} as a process against a real {@code vaylix} process of its own (so that LIST, DBSIZE and
 * SHOW USERS see only this class's data): every reply kind in every output mode, byte for byte (COMMANDS.md §11.4),
 * in script mode and one-command mode, with the exit statuses and standard-error lines of client/README.md.
 *
 * <p>The data set is written once; a test that writes more removes it again before it ends, so the views stay
 * the same whatever order the tests run in.
 */
class CliOutputIT {

    private static ServerProcess server;

    @BeforeAll
    static void startServerWithDataSet() {
        server = ServerProcess.start(ServerProcess.freshDirectory("cli-output").resolve("data"));
        try (VaylixClient client = VaylixClient.connect(library())) {
            client.set("fmt:a", "1");
            client.set("fmt:b", "two words");
            client.set("fmt:json", "say \"hi\" \\ path");
            client.set("fmt:text", "abc");
            client.set("fmt:名前", "値");
            client.admin().createRole("ops");
            client.admin().grantPermission("read", "fmt:*", "ops");
            client.admin().grantPermission("write", "fmt:*", "ops");
            client.admin().createRole("empty");
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static ClientConfig library() {
        return ClientConfig.builder().host(server.host()).port(server.port()).credentials("vaylix", "vaylix").build();
    }

    private static List<String> flags(String... more) {
        List<String> flags = new ArrayList<>(address(server));
        flags.addAll(List.of(more));
        return flags;
    }

    // ------------------------------------------------------------------------------------------ script mode

    /**
     * Reads and idempotent writes of every reply kind. Only entries replies differ between the modes; inside EXEC
     * even a LIST prints inline, whatever the mode.
     */
    @ParameterizedTest(name = "--output {0}")
    @ValueSource(strings = {"plain", "table", "json"})
    void everyReplyKindPrintsExactlyAsSpecifiedInEachOutputMode(String mode) {
        Script script = new Script()
                .prints("set fmt:a 1", "OK")
                .prints("get fmt:b", "two words")
                .prints("get fmt:nope", "NOT_FOUND")
                .prints("ping", "PONG")
                .prints("ping \"hello there\"", "hello there")
                .prints("mget fmt:a fmt:nope fmt:b", "1, (nil), two words")
                .prints("exists fmt:a", "true")
                .prints("exists fmt:nope", "false")
                .prints("setnx fmt:a other", "false")
                .prints("ttl fmt:a", "-1")
                .prints("ttl fmt:nope", "-2")
                .prints("dbsize", "5")
                .prints("del fmt:nope", "0")
                .prints("scan 0 match fmt:* count 2", "cursor=2, keys=[fmt:a, fmt:b]")
                .prints("scan 2 match fmt:* count 2", "cursor=4, keys=[fmt:json, fmt:text]")
                .prints("scan 4 match fmt:* count 2", "cursor=0, keys=[fmt:名前]")
                .prints("scan 0 match none:*", "cursor=0, keys=[(empty)]")
                .prints("list", listIn(mode))
                .prints("whoami", whoamiIn(mode))
                .prints("show users", showUsersIn(mode))
                .prints("show grants for role ops", grantsOfOpsIn(mode))
                .prints("show grants for role empty", noEntriesIn(mode))
                .prints("health", healthIn(mode))
                .prints("multi", "OK")
                .prints("get fmt:b", "QUEUED")
                .prints("get fmt:nope", "QUEUED")
                .prints("mget fmt:a fmt:nope", "QUEUED")
                .prints("exists fmt:nope", "QUEUED")
                .prints("dbsize", "QUEUED")
                .prints("ttl fmt:a", "QUEUED")
                .prints("scan 0 match none:*", "QUEUED")
                .prints("scan 0 match fmt:名*", "QUEUED")
                .prints("list", "QUEUED")
                .prints("exec",
                        "two words",
                        "NOT_FOUND",
                        "1, (nil)",
                        "false",
                        "5",
                        "-1",
                        "cursor=0, keys=[]",
                        "cursor=0, keys=[fmt:名前]",
                        "fmt:a=1, fmt:b=two words, fmt:json=say \"hi\" \\ path, fmt:text=abc, fmt:名前=値")
                .fails("incr fmt:text", "ERROR [ENG-015] Invalid Integer Value: engine failure: value for key 'fmt:text'"
                        + " is not a valid integer: abc")
                .fails("exec", "ERROR [SRV-015] No Active Transaction: no active transaction for this session")
                .fails("get", "[CMD-003] Invalid Command Arity: usage: get <key>")
                .prints("get fmt:a", "1");
        assertEquals(script.expected(1), script(flags("--output", mode), script.input()));
    }

    /** Writes of every kind, and transactions that apply, fail as a whole, or refuse a command; leaves no key behind. */
    @Test
    void writesAndTransactionsPrintTheirRepliesLineByLine() {
        Script script = new Script()
                .prints("set w:s v1", "OK")
                .prints("set w:s v2 nx", "false")
                .prints("set w:s v2 xx", "true")
                .prints("set w:s v3 get", "v2")
                .prints("set w:s v4 if version 3", "true")
                .prints("set w:fresh v get", "NOT_FOUND")
                .prints("setnx w:n 1", "true")
                .prints("incr w:n", "2")
                .prints("decr w:n", "1")
                .prints("expire w:n 100", "true")
                .prints("persist w:n", "true")
                .prints("persist w:n", "false")
                .prints("ttl w:n", "-1")
                .prints("rename w:n w:m", "true")
                .prints("rename w:n w:m", "false")
                .prints("renamenx w:s w:m", "false")
                .prints("getdel w:m", "1")
                .prints("getdel w:m", "NOT_FOUND")
                .prints("getex w:s persist", "v4")
                .prints("mset w:x 1 w:y 2", "OK")
                .prints("del w:x w:y w:x w:nope", "2")
                .prints("multi", "OK")
                .prints("set w:t 10", "QUEUED")
                .prints("incr w:t", "QUEUED")
                .prints("setnx w:t 0", "QUEUED")
                .prints("getdel w:t", "QUEUED")
                .prints("get w:t", "QUEUED")
                .prints("exec", "OK", "11", "false", "11", "NOT_FOUND")
                .prints("multi", "OK")
                .prints("set w:u 1", "QUEUED")
                .prints("incr w:s", "QUEUED")
                .fails("exec", "ERROR [ENG-015] Invalid Integer Value: engine failure: value for key 'w:s' is not a valid"
                        + " integer: v4")
                .prints("get w:u", "NOT_FOUND")
                .prints("multi", "OK")
                .fails("multi", "ERROR [SRV-014] Transaction Already Active: transaction already active for this session")
                .fails("info", "ERROR [SRV-016] Unsupported Remote Command: unsupported remote command")
                .prints("set w:u 1", "QUEUED")
                .prints("discard", "OK")
                .prints("get w:u", "NOT_FOUND")
                .prints("del w:s w:fresh", "2")
                .prints("quit")
                .prints("set w:after-quit x");
        // A line after quit that ran would print OK.
        assertEquals(script.expected(1), script(flags(), script.input()));
    }

    /** Blank lines are skipped, lines are trimmed, CR LF line ends work; NOT_FOUND and false are successes. */
    @Test
    void aScriptWithoutFailuresExitsWith0() {
        Script script = new Script()
                .prints("")
                .prints("  \tget fmt:a  ", "1")
                .prints("get fmt:nope\r", "NOT_FOUND")
                .prints("exists fmt:nope", "false");
        assertEquals(script.expected(0), script(flags(), script.input()));
    }

    // ------------------------------------------------------------------------------------------ one-command mode

    @Test
    void oneCommandPrintsItsReplyAndExitsWith0() {
        try {
            assertEquals(new Result(0, "OK\n", ""), command(flags(), "set", "one:greeting", "hello \"world\""));
            assertEquals(new Result(0, "hello \"world\"\n", ""), command(flags(), "get", "one:greeting"));
            assertEquals(new Result(0, lines(healthIn("table")), ""), command(flags("--output", "table"), "health"));
            assertEquals(new Result(0, lines(showUsersIn("json")), ""),
                    command(flags("--output", "json"), "show", "users"));
        } finally {
            try (VaylixClient client = VaylixClient.connect(library())) {
                client.del("one:greeting");
            }
        }
    }

    @Test
    void oneCommandFailuresExitWith1AndPrintTheErrorLineOnStandardError() {
        assertEquals(new Result(1, "", "ERROR [ENG-015] Invalid Integer Value: engine failure: value for key 'fmt:text'"
                + " is not a valid integer: abc\n"), command(flags(), "incr", "fmt:text"));
        assertEquals(new Result(1, "", "[CMD-004] Invalid Integer Argument: invalid integer for seconds: soon\n"),
                command(flags(), "expire", "fmt:a", "soon"));
    }

    /** Binary values print as hex (rule 5); a LIST holding one cannot be shown as entries and is a failed command. */
    @Test
    void binaryValuesPrintAsHexAndAListHoldingOneFailsWithTrn012() {
        try (VaylixClient client = VaylixClient.connect(library())) {
            client.set("fmt:zbinary", Bytes.of((byte) 0xFF, (byte) 0x00, (byte) 0xAB));
            try {
                assertEquals(new Result(0, "0xff00ab\n", ""), command(flags(), "get", "fmt:zbinary"));
                Script script = new Script()
                        .prints("mget fmt:a fmt:zbinary", "1, 0xff00ab")
                        .fails("list", "[TRN-012] Invalid UTF-8 Payload: invalid utf-8 in payload (the value of entry"
                                + " 'fmt:zbinary' is not UTF-8)")
                        .prints("multi", "OK")
                        .prints("get fmt:zbinary", "QUEUED")
                        .prints("exec", "0xff00ab")
                        .prints("dbsize", "6");
                assertEquals(script.expected(1), script(flags("--output", "table"), script.input()));
            } finally {
                client.del("fmt:zbinary");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ exit statuses 2, 3, 4

    @Test
    void configurationErrorsExitWith2BeforeAnythingIsSent() {
        assertEquals(new Result(2, "", "[CLI-008] Invalid Client Configuration: tls_ca_cert requires --ssl\n"),
                command(flags("--tls-ca-cert", "/nowhere/ca.pem"), "ping"));
        Result badMode = command(flags("--output", "yaml"), "ping");
        assertEquals(2, badMode.exitCode(), badMode.toString());
        assertEquals("", badMode.stdout());
        assertEquals("Invalid value for option '--output': 'yaml' is not one of plain, table, json",
                badMode.stderr().lines().findFirst().orElseThrow());
    }

    @Test
    void anUnreachableServerExitsWith3() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        assertEquals(new Result(3, "", "[CLI-003] Filesystem I/O Failure: filesystem I/O failed: cannot connect to 127.0.0.1:"
                + closedPort + ": Connection refused\n"), script(List.of("--port", Integer.toString(closedPort)), "get fmt:a\n"));
    }

    @Test
    void aRefusedAutomaticAuthExitsWith4AndRunsNothing() {
        Result refused = script(flags("--password", "not-the-password"), "set fmt:a changed\n");
        assertEquals(new Result(4, "", "ERROR [SRV-008] Authentication Failed: client authentication failed\n"), refused);
        assertEquals(new Result(0, "1\n", ""), command(flags(), "get", "fmt:a"));
        assertEquals(new Result(1, "", "ERROR [SRV-007] Authentication Required: client authentication is required\n"),
                command(flags("--disable-auth"), "get", "fmt:a"), "without AUTH the server refuses");
    }

    // ------------------------------------------------------------------------------------------ entries per mode

    private static String[] pick(String mode, String[] plain, String[] table, String[] json) {
        return switch (mode) {
            case "plain" -> plain;
            case "table" -> table;
            case "json" -> json;
            default -> throw new IllegalArgumentException(mode);
        };
    }

    private static String[] listIn(String mode) {
        return pick(mode,
                new String[] {"fmt:a=1, fmt:b=two words, fmt:json=say \"hi\" \\ path, fmt:text=abc, fmt:名前=値"},
                new String[] {
                    "key      | value          ",
                    "---------+----------------",
                    "fmt:a    | 1              ",
                    "fmt:b    | two words      ",
                    "fmt:json | say \"hi\" \\ path",
                    "fmt:text | abc            ",
                    "fmt:名前 | 値             "},
                new String[] {
                    "[",
                    "  {",
                    "    \"key\": \"fmt:a\",",
                    "    \"value\": \"1\"",
                    "  },",
                    "  {",
                    "    \"key\": \"fmt:b\",",
                    "    \"value\": \"two words\"",
                    "  },",
                    "  {",
                    "    \"key\": \"fmt:json\",",
                    "    \"value\": \"say \\\"hi\\\" \\\\ path\"",
                    "  },",
                    "  {",
                    "    \"key\": \"fmt:text\",",
                    "    \"value\": \"abc\"",
                    "  },",
                    "  {",
                    "    \"key\": \"fmt:名前\",",
                    "    \"value\": \"値\"",
                    "  }",
                    "]"});
    }

    /**
     * The json mode's text for entries whose keys and values need no escaping: serde_json's pretty form, an array
     * of {@code {"key": …, "value": …}} objects with a 2-space indent (spelled out in full for LIST above).
     */
    private static String[] json(String... keysAndValues) {
        List<String> lines = new ArrayList<>();
        lines.add("[");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            lines.add("  {");
            lines.add("    \"key\": \"" + keysAndValues[i] + "\",");
            lines.add("    \"value\": \"" + keysAndValues[i + 1] + "\"");
            lines.add(i + 2 < keysAndValues.length ? "  }," : "  }");
        }
        lines.add("]");
        return lines.toArray(String[]::new);
    }

    private static final String ALL_PERMISSIONS = "read,write,admin,backup,restore,metrics,snapshot,clear,user_admin,role_admin";

    private static String[] whoamiIn(String mode) {
        return pick(mode,
                new String[] {"permissions=" + ALL_PERMISSIONS + ", username=vaylix"},
                new String[] {
                    "key         | value" + " ".repeat(71),
                    "------------+-" + "-".repeat(76),
                    "permissions | " + ALL_PERMISSIONS,
                    "username    | vaylix" + " ".repeat(70)},
                json("permissions", ALL_PERMISSIONS, "username", "vaylix"));
    }

    private static String[] showUsersIn(String mode) {
        return pick(mode,
                new String[] {"vaylix=roles=admin disabled=false"},
                new String[] {
                    "key    | value                     ",
                    "-------+---------------------------",
                    "vaylix | roles=admin disabled=false"},
                json("vaylix", "roles=admin disabled=false"));
    }

    private static String[] grantsOfOpsIn(String mode) {
        return pick(mode,
                new String[] {"role.ops.grant.000=read on fmt:*, role.ops.grant.001=write on fmt:*"},
                new String[] {
                    "key                | value         ",
                    "-------------------+---------------",
                    "role.ops.grant.000 | read on fmt:* ",
                    "role.ops.grant.001 | write on fmt:*"},
                json("role.ops.grant.000", "read on fmt:*", "role.ops.grant.001", "write on fmt:*"));
    }

    private static String[] noEntriesIn(String mode) {
        return pick(mode,
                new String[] {""},
                new String[] {"key | value", "----+------"},
                new String[] {"[]"});
    }

    private static String[] healthIn(String mode) {
        return pick(mode,
                new String[] {"maintenance_mode=false, ready=true, reason=none, role=standalone, status=ready"},
                new String[] {
                    "key              | value     ",
                    "-----------------+-----------",
                    "maintenance_mode | false     ",
                    "ready            | true      ",
                    "reason           | none      ",
                    "role             | standalone",
                    "status           | ready     "},
                json("maintenance_mode", "false", "ready", "true", "reason", "none", "role", "standalone", "status", "ready"));
    }
}

package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.assertError;
import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.transport.session.ClientSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication, lockout, password policy and RBAC (COMMANDS.md §3.4, §6, §7) against a real server. */
class AccessControlIT {

    private static final String PASSWORD = "correct-horse-42";
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        server = ServerProcess.start(ServerProcess.freshDirectory("access").resolve("data"), "--auth-failure-limit", "2",
                "--auth-lockout-seconds", "600", "--requests-per-second", "100000", "--request-burst", "100000");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClientSession admin() {
        return server.connect("vaylix", "vaylix");
    }

    @Test
    void unauthenticatedSessionsMayOnlyPingAndAuthenticate() {
        try (ClientSession session = server.connect()) {
            assertEquals(text("PONG"), run(session, "ping"));
            assertError(ErrorCode.SRV_007, run(session, "get a:x"));
            assertError(ErrorCode.SRV_007, run(session, "whoami"));
            assertError(ErrorCode.SRV_007, run(session, "multi"));
            assertError(ErrorCode.SRV_008, run(session, "auth vaylix wrong-password"));
            assertError(ErrorCode.SRV_008, run(session, "auth nobody-by-that-name x"));
            assertEquals(Reply.OK, run(session, "auth vaylix vaylix"));
            assertEquals("vaylix", entries(run(session, "whoami")).get("username"));
            assertError(ErrorCode.SRV_008, run(session, "auth vaylix wrong-again"));
            assertError(ErrorCode.SRV_007, run(session, "get a:x"), "a failed re-AUTH leaves the session unauthenticated");
        }
    }

    @Test
    void repeatedFailuresLockTheUserOut() {
        try (ClientSession admin = admin()) {
            assertEquals(Reply.OK, run(admin, "create user locky password " + PASSWORD));
        }
        try (ClientSession session = server.connect()) {
            assertError(ErrorCode.SRV_008, run(session, "auth locky wrong-1"));
            assertError(ErrorCode.SRV_008, run(session, "auth locky wrong-2"));
            Reply.Error locked = assertError(ErrorCode.SRV_031, run(session, "auth locky " + PASSWORD));
            assertEquals("authentication lockout active for locky", locked.message());
        }
        try (ClientSession other = server.connect()) {
            assertError(ErrorCode.SRV_031, run(other, "auth locky " + PASSWORD), "a new connection from the same host is locked too");
        }
    }

    @Test
    void thePasswordPolicyAppliesToCreatedAndChangedUsers() {
        try (ClientSession admin = admin()) {
            assertError(ErrorCode.SRV_032, run(admin, "create user weak password short1"));
            assertError(ErrorCode.SRV_032, run(admin, "create user weak password onlylettersnodigits"));
            assertError(ErrorCode.SRV_032, run(admin, "create user weak password 123456789012345"));
            assertEquals(Reply.OK, run(admin, "create user policy password " + PASSWORD));
            assertError(ErrorCode.SRV_019, run(admin, "create user policy password " + PASSWORD));
            assertError(ErrorCode.SRV_032, run(admin, "alter user policy password short"));
            assertError(ErrorCode.SRV_020, run(admin, "alter user ghost password " + PASSWORD));
            assertEquals(Reply.OK, run(admin, "alter user policy password another-pass-77"));
        }
        try (ClientSession session = server.connect()) {
            assertError(ErrorCode.SRV_008, run(session, "auth policy " + PASSWORD));
            assertEquals(Reply.OK, run(session, "auth policy another-pass-77"));
        }
    }

    @Test
    void grantsAreScopedByPatternAndFollowChangesAtTheNextCommand() {
        try (ClientSession admin = admin()) {
            assertEquals(Reply.OK, run(admin, "create role reader"));
            assertEquals(Reply.OK, run(admin, "grant permission read on app:* to reader"));
            assertEquals(Reply.OK, run(admin, "create user alice password " + PASSWORD));
            assertEquals(Reply.OK, run(admin, "grant role reader to alice"));
            assertEquals(Reply.OK, run(admin, "set app:x 1"));
            try (ClientSession alice = server.connect("alice", PASSWORD)) {
                assertEquals(text("1"), run(alice, "get app:x"));
                assertError(ErrorCode.SRV_017, run(alice, "get other:x"));
                assertError(ErrorCode.SRV_017, run(alice, "set app:x 2"));
                assertError(ErrorCode.SRV_017, run(alice, "mget app:x other:x"));
                assertInstanceOf(Reply.ScanPage.class, run(alice, "scan 0 match app:*"));
                assertError(ErrorCode.SRV_017, run(alice, "scan 0"));
                assertError(ErrorCode.SRV_017, run(alice, "dbsize"), "a pattern grant is not read on every key");
                assertEquals(Map.of("username", "alice", "permissions", ""), entries(run(alice, "whoami")));
                assertEquals(Map.of("user.alice.roles", "reader", "user.alice.grant.000", "role=reader read on app:*"),
                        entries(run(alice, "show grants")));

                assertEquals(Reply.OK, run(admin, "grant permission write on app:* to reader"));
                assertEquals(Reply.OK, run(alice, "set app:x 2"), "a new grant applies at the next command");
                assertEquals(Reply.OK, run(admin, "revoke role reader from alice"));
                assertError(ErrorCode.SRV_017, run(alice, "get app:x"), "a revoked role applies at the next command");
                assertEquals(Reply.OK, run(admin, "drop user alice"));
                assertError(ErrorCode.SRV_007, run(alice, "get app:x"), "a dropped user loses its session");
            }
            Map<String, String> roles = entries(run(admin, "show roles"));
            assertEquals("read on app:*,write on app:*", roles.get("reader"));
            assertEquals(Map.of("role.reader.grant.000", "read on app:*", "role.reader.grant.001", "write on app:*"),
                    entries(run(admin, "show grants for role reader")));
            assertEquals(Reply.OK, run(admin, "revoke permission write on app:* from reader"));
            assertEquals(Map.of("role.reader.grant.000", "read on app:*"), entries(run(admin, "show grants for role reader")));
            assertEquals("roles=admin disabled=false", entries(run(admin, "show users")).get("vaylix"));
            assertEquals("admin", entries(run(admin, "show grants for user vaylix")).get("user.vaylix.roles"));
        }
    }

    @Test
    void protectedRolesAndTheLastAdminCannotBeRemoved() {
        try (ClientSession admin = admin()) {
            assertError(ErrorCode.SRV_024, run(admin, "drop user vaylix"));
            assertError(ErrorCode.SRV_024, run(admin, "revoke role admin from vaylix"));
            assertError(ErrorCode.SRV_023, run(admin, "drop role admin"));
            assertError(ErrorCode.SRV_023, run(admin, "revoke permission admin on * from admin"));
            assertEquals("unknown permission: Fly", assertError(ErrorCode.SRV_018, run(admin, "grant permission Fly to admin")).message());
            assertError(ErrorCode.SRV_020, run(admin, "drop user nobody"));
            assertError(ErrorCode.SRV_020, run(admin, "grant role admin to nobody"));
            assertError(ErrorCode.SRV_022, run(admin, "grant role nothing to vaylix"));
            assertError(ErrorCode.SRV_022, run(admin, "drop role nothing"));
            assertError(ErrorCode.SRV_020, run(admin, "show grants for user nobody"));
            assertError(ErrorCode.SRV_022, run(admin, "show grants for role nothing"));
            assertEquals(Reply.OK, run(admin, "create role twice"));
            assertError(ErrorCode.SRV_021, run(admin, "create role twice"));
            assertEquals(Reply.OK, run(admin, "drop role twice"));
            assertError(ErrorCode.SRV_022, run(admin, "drop role twice"));
            // A second admin makes the first removable.
            assertEquals(Reply.OK, run(admin, "create user second-admin password " + PASSWORD));
            assertEquals(Reply.OK, run(admin, "grant role admin to second-admin"));
            try (ClientSession second = server.connect("second-admin", PASSWORD)) {
                assertEquals(Reply.OK, run(second, "revoke role admin from second-admin"));
                assertError(ErrorCode.SRV_017, run(second, "show users"), "its own revocation applies at once");
            }
        }
    }

    @Test
    void eachPermissionAllowsItsCommandsAndNothingElse() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        // permission -> {a command it allows, a command it does not}
        cases.put("read", new String[] {"dbsize", "set p:x 1"});
        cases.put("write", new String[] {"set p:x 1", "get p:x"});
        cases.put("metrics", new String[] {"info", "backup"});
        cases.put("backup", new String[] {"backup", "restore check {}"});
        cases.put("restore", new String[] {"restore check " + quoted("{\"version\":2,\"created_at_ms\":1,"
                + "\"source_engine_version\":3,\"source_sequence\":1,\"entries\":[]}"), "save"});
        cases.put("snapshot", new String[] {"save", "flushdb"});
        cases.put("clear", new String[] {"flushdb", "show users"});
        cases.put("user_admin", new String[] {"show users", "show roles"});
        cases.put("role_admin", new String[] {"show roles", "show users"});
        cases.put("admin", new String[] {"show cluster", "auth nobody x"});
        try (ClientSession admin = admin()) {
            for (Map.Entry<String, String[]> entry : cases.entrySet()) {
                String permission = entry.getKey();
                String role = "only-" + permission.replace('_', '-');
                String user = "u-" + permission.replace('_', '-');
                assertEquals(Reply.OK, run(admin, "create role " + role));
                assertEquals(Reply.OK, run(admin, "grant permission " + permission + " to " + role));
                assertEquals(Reply.OK, run(admin, "create user " + user + " password " + PASSWORD));
                assertEquals(Reply.OK, run(admin, "grant role " + role + " to " + user));
                try (ClientSession session = server.connect(user, PASSWORD)) {
                    Reply allowed = run(session, entry.getValue()[0]);
                    assertFalse(allowed instanceof Reply.Error error && error.code().equals("SRV-017"),
                            permission + " must allow " + entry.getValue()[0] + ": " + allowed);
                    if (!permission.equals("admin")) {
                        assertError(ErrorCode.SRV_017, run(session, entry.getValue()[1]));
                    }
                }
            }
        }
    }

    /** A CLI token holding {@code text}: quoted, with quotes and backslashes escaped. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void aServerWithAuthDisabledTreatsEverySessionAsAnonymous() {
        try (ServerProcess open = ServerProcess.start(ServerProcess.freshDirectory("noauth").resolve("data"), "--disable-auth");
             ClientSession session = open.connect()) {
            assertEquals(Reply.OK, run(session, "set n:x 1"));
            assertEquals("anonymous", entries(run(session, "whoami")).get("username"));
            assertNotEquals("", entries(run(session, "whoami")).get("permissions"));
            assertEquals(Reply.OK, run(session, "auth whoever whatever"));
            assertError(ErrorCode.SRV_016, run(session, "create user bob password " + PASSWORD));
            assertError(ErrorCode.SRV_016, run(session, "show users"));
            assertEquals("read on *,write on *,admin on *,backup on *,restore on *,metrics on *,snapshot on *,clear on *,"
                    + "user_admin on *,role_admin on *", entries(run(session, "show grants")).get("grants"));
            assertEquals("disabled", entries(run(session, "info")).get("security.auth_mode"));
        }
    }
}

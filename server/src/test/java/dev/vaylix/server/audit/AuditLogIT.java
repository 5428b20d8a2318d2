package dev.vaylix.server.audit;

import static dev.vaylix.server.testing.Wire.assertError;
import static dev.vaylix.server.testing.Wire.pipeline;
import static dev.vaylix.server.testing.Wire.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.Poll;
import dev.vaylix.server.testing.RawClient;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.Tool;
import dev.vaylix.transport.session.ClientSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit points of STORAGE.md §12.2 / docs/AUDIT.md §2 as a running server writes them to its
 * hash-chained file ({@code <data-dir>/audit.log}): one server process with {@code --audit-commands},
 * a 1 ms slow-command threshold, a small per-connection burst and a small key quota, so that every
 * kind of event can be provoked over real sockets. The TLS reload events are checked by
 * {@code TlsIT}, whose servers have certificates. The last test stops the server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

    private static final String ADMIN = "root";
    private static final String ADMIN_PASSWORD = "bootstrap-Pw-2024";
    private static final String WRONG_PASSWORD = "not-the-Pw-0815";
    private static final String ALICE_PASSWORD = "correct-horse-42";
    private static final String ALICE_NEW_PASSWORD = "battery-staple-43";
    private static final String SECRET_VALUE = "value-that-never-reaches-the-audit-log";
    private static final int BURST = 25;

    private static ServerProcess server;
    private static Path auditLog;

    @BeforeAll
    static void start() {
        Path data = ServerProcess.freshDirectory("audit").resolve("data");
        server = ServerProcess.start(data, "--user", ADMIN, "--password", ADMIN_PASSWORD, "--audit-commands",
                "--slow-command-threshold-ms", "1", "--requests-per-second", "1", "--request-burst", Integer.toString(BURST),
                "--max-key-bytes", "64");
        auditLog = data.resolve("audit.log");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The complete lines written so far, parsed. */
    private static List<AuditRecord> records() {
        byte[] bytes = readLog();
        List<AuditRecord> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                records.add(AuditRecord.parse(java.util.Arrays.copyOfRange(bytes, start, i)));
                start = i + 1;
            }
        }
        return records;
    }

    private static byte[] readLog() {
        try {
            return Files.exists(auditLog) ? Files.readAllBytes(auditLog) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe() {
        return "--- audit log ---\n" + new String(readLog(), StandardCharsets.UTF_8) + "--- server log ---\n" + server.log();
    }

    /** Waits until {@code count} records match (the writer fsyncs in batches, shortly after the reply); returns them in order. */
    private static List<AuditRecord> await(String what, int count, Predicate<AuditRecord> match) {
        return Poll.until(() -> {
            List<AuditRecord> found = records().stream().filter(match).toList();
            return found.size() >= count ? Optional.of(found) : Optional.empty();
        }, count + " × " + what, AuditLogIT::describe);
    }

    private static AuditRecord awaitOne(String what, Predicate<AuditRecord> match) {
        return await(what, 1, match).getFirst();
    }

    private static Predicate<AuditRecord> event(String eventType) {
        return r -> r.eventType().equals(eventType);
    }

    private static Map<String, String> details(String... keyValues) {
        Map<String, String> map = new java.util.TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    @Order(1)
    void everyAuthIsAuditedWithTheNameAsSentTheIdentityAfterItAndNoPassword() {
        try (ClientSession session = server.connect()) {
            assertError(ErrorCode.SRV_008, run(session, "auth ghost " + WRONG_PASSWORD));
            assertError(ErrorCode.SRV_008, run(session, "auth " + ADMIN + " " + WRONG_PASSWORD));
            assertEquals(Reply.OK, run(session, "auth " + ADMIN + " " + ADMIN_PASSWORD));
        }
        long connection = awaitOne("the AUTH as ghost", event("auth").and(r -> "ghost".equals(r.details().get("username"))))
                .connectionId();
        List<AuditRecord> auths = await("the AUTHs of the connection", 3, event("auth").and(r -> r.connectionId() == connection));
        assertEquals(3, auths.size(), describe());
        for (AuditRecord auth : auths) {
            assertEquals("AUTH", auth.opcode());
            assertTrue(auth.peer().orElseThrow().startsWith("127.0.0.1:"), auth.toString());
            assertTrue(auth.connectionId() > 0);
        }
        assertEquals(details("result", "error", "username", "ghost"), auths.get(0).details());
        assertEquals(Optional.of("SRV-008"), auths.get(0).errorCode());
        assertEquals(Optional.empty(), auths.get(0).username(), "no identity after a failed AUTH");
        assertEquals(details("result", "error", "username", ADMIN), auths.get(1).details());
        assertEquals(AuditStatus.OK, auths.get(2).status());
        assertEquals(Optional.empty(), auths.get(2).errorCode());
        assertEquals(Optional.of(ADMIN), auths.get(2).username(), "the identity after the command");
        assertEquals(details("result", "ok", "username", ADMIN), auths.get(2).details());

        // --audit-commands: every command as well; a 1 ms threshold: an Argon2id verification is slow.
        await("the AUTH command events", 3, event("command").and(r -> r.connectionId() == connection && r.opcode().equals("AUTH")));
        AuditRecord slow = awaitOne("a slow AUTH", event("slow_command").and(r -> r.connectionId() == connection));
        assertEquals("AUTH", slow.details().get("opcode"));
        assertEquals("1", slow.details().get("threshold_ms"));
        assertEquals(Long.toString(slow.latencyMs()), slow.details().get("latency_ms"));
        assertEquals(Optional.empty(), slow.errorCode(), "slow_command events carry no error code");

        String file = new String(readLog(), StandardCharsets.UTF_8);
        assertFalse(file.contains(WRONG_PASSWORD) || file.contains(ADMIN_PASSWORD), "passwords never reach the audit log");
    }

    @Test
    @Order(2)
    void userRoleAndGrantChangesAreAuditedWithWhoMadeThemAndWhetherTheyWorked() {
        try (ClientSession admin = server.connect(ADMIN, ADMIN_PASSWORD)) {
            for (String line : List.of("create role it-readers", "grant permission read on app:* to it-readers",
                    "create user it-alice password " + ALICE_PASSWORD, "grant role it-readers to it-alice",
                    "alter user it-alice password " + ALICE_NEW_PASSWORD, "revoke role it-readers from it-alice",
                    "revoke permission read on app:* from it-readers")) {
                assertEquals(Reply.OK, run(admin, line), line);
            }
        }
        try (ClientSession alice = server.connect("it-alice", ALICE_NEW_PASSWORD)) {
            assertError(ErrorCode.SRV_017, run(alice, "create user it-mallory password mallory-pass-44"));
        }
        try (ClientSession admin = server.connect(ADMIN, ADMIN_PASSWORD)) {
            assertEquals(Reply.OK, run(admin, "drop user it-alice"));
            assertEquals(Reply.OK, run(admin, "drop role it-readers"));
        }
        List<AuditRecord> changes = await("the RBAC events", 10, r -> r.eventType().startsWith("rbac_"));
        assertEquals(List.of(
                        "rbac_create_role " + details("result", "ok", "role", "it-readers"),
                        "rbac_grant_permission " + details("pattern", "app:*", "permission", "read", "result", "ok", "role", "it-readers"),
                        "rbac_create_user " + details("result", "ok", "target_user", "it-alice"),
                        "rbac_grant_role " + details("result", "ok", "role", "it-readers", "target_user", "it-alice"),
                        "rbac_alter_user_password " + details("result", "ok", "target_user", "it-alice"),
                        "rbac_revoke_role " + details("result", "ok", "role", "it-readers", "target_user", "it-alice"),
                        "rbac_revoke_permission " + details("pattern", "app:*", "permission", "read", "result", "ok", "role", "it-readers"),
                        "rbac_create_user " + details("result", "error", "target_user", "it-mallory"),
                        "rbac_drop_user " + details("result", "ok", "target_user", "it-alice"),
                        "rbac_drop_role " + details("result", "ok", "role", "it-readers")),
                changes.stream().map(r -> r.eventType() + " " + r.details()).toList());
        List<String> who = changes.stream().map(r -> r.username().orElse("-") + " " + r.opcode() + " " + r.errorCode().orElse("-"))
                .toList();
        assertEquals(List.of("root CREATE_ROLE -", "root GRANT_PERMISSION -", "root CREATE_USER -", "root GRANT_ROLE -",
                "root ALTER_USER_PASSWORD -", "root REVOKE_ROLE -", "root REVOKE_PERMISSION -", "it-alice CREATE_USER SRV-017",
                "root DROP_USER -", "root DROP_ROLE -"), who);
        assertFalse(new String(readLog(), StandardCharsets.UTF_8).contains("horse"), "no password of any kind");
    }

    @Test
    @Order(3)
    void rateLimitedOversizedAndUndecodableRequestsAreAlwaysAudited() throws Exception {
        long refusedByRate;
        try (ClientSession session = server.connect(ADMIN, ADMIN_PASSWORD)) {
            List<Reply> replies = pipeline(session, Collections.nCopies(BURST + 10, "ping"));
            refusedByRate = replies.stream().filter(r -> r instanceof Reply.Error e && e.code().equals("SRV-012")).count();
            assertTrue(refusedByRate >= 10, "the burst is spent: " + replies);
        }
        try (ClientSession session = server.connect(ADMIN, ADMIN_PASSWORD)) {
            assertError(ErrorCode.SRV_013, run(session, "set " + "q".repeat(65) + " v"));
        }
        try (RawClient raw = new RawClient(server.host(), server.port())) {
            raw.hello();
            raw.send(RawClient.frame(RawClient.request(UUID.randomUUID(), CommandType.GET.opcode(), new byte[] {(byte) 0xFF})));
            byte[] reply = raw.readFrame();
            assertEquals(0x01, reply[16], "an error reply");
        }
        List<AuditRecord> limited = await("the rate-limited requests", (int) refusedByRate, r -> r.opcode().equals("RATE_LIMIT"));
        assertEquals(refusedByRate, limited.size(), "each refusal once");
        for (AuditRecord record : limited) {
            assertEquals("command", record.eventType());
            assertEquals(AuditStatus.ERROR, record.status());
            assertEquals(Optional.of("SRV-012"), record.errorCode());
            assertEquals(Map.of(), record.details());
            assertEquals(Optional.of(ADMIN), record.username());
        }
        AuditRecord quota = awaitOne("the oversized key", r -> r.errorCode().equals(Optional.of("SRV-013")));
        assertEquals("SET", quota.opcode());
        assertEquals("command", quota.eventType());
        AuditRecord undecodable = awaitOne("the undecodable GET", r -> r.opcode().equals("DECODE"));
        assertEquals(AuditStatus.ERROR, undecodable.status());
        assertTrue(undecodable.errorCode().orElseThrow().startsWith("TRN-"), undecodable.toString());
        assertEquals(Optional.empty(), undecodable.username());
    }

    @Test
    @Order(4)
    void maintenanceBackupAndRestoreLeaveATraceButNoValue() {
        try (ClientSession admin = server.connect(ADMIN, ADMIN_PASSWORD)) {
            assertEquals(Reply.OK, run(admin, "set audit:it " + SECRET_VALUE));
            assertEquals(Reply.OK, run(admin, "maintenance on"));
            assertEquals(Reply.OK, run(admin, "maintenance off"));
            assertEquals(Reply.OK, run(admin, "backup to audit-it.json"));
            assertInstanceOf(Reply.Count.class, run(admin, "restore from audit-it.json"));
        }
        List<AuditRecord> switches = await("the maintenance switches", 2, event("maintenance_mode"));
        assertEquals(List.of(details("enabled", "true"), details("enabled", "false")),
                switches.stream().map(AuditRecord::details).toList());
        for (AuditRecord record : switches) {
            assertEquals("RUNTIME", record.opcode());
            assertEquals(Optional.of(ADMIN), record.username(), "who flipped it");
            assertTrue(record.connectionId() > 0 && record.peer().isPresent());
        }
        Map<String, AuditStatus> commands = await("the backup and restore", 2, event("command")
                .and(r -> r.opcode().equals("BACKUP_TO") || r.opcode().equals("RESTORE_FROM"))).stream()
                .collect(Collectors.toMap(AuditRecord::opcode, AuditRecord::status));
        assertEquals(Map.of("BACKUP_TO", AuditStatus.OK, "RESTORE_FROM", AuditStatus.OK), commands);
        awaitOne("the SET", event("command").and(r -> r.opcode().equals("SET") && r.status() == AuditStatus.OK));
        assertFalse(new String(readLog(), StandardCharsets.UTF_8).contains(SECRET_VALUE), "values never reach the audit log");
    }

    @Test
    @Order(100)
    void theWrittenChainVerifiesAndACoverUpStopsTheNextStart() throws Exception {
        assertEquals(0, server.stop(), server.log());
        AuditChain.Verified verified;
        try (InputStream in = Files.newInputStream(auditLog)) {
            verified = AuditChain.verify(in);
        }
        List<AuditRecord> records = records();
        assertEquals(AuditChain.Tail.CLEAN, verified.tail());
        assertEquals(records.size(), verified.lines());
        assertEquals(records.size(), verified.lastSequence(), "sequences 1, 2, 3, … without a gap");

        // Someone rewrites the denied CREATE USER of it-mallory as a success.
        List<String> lines = new ArrayList<>(Files.readAllLines(auditLog, StandardCharsets.UTF_8));
        int denied = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"target_user\":\"it-mallory\"")) {
                denied = i;
            }
        }
        assertTrue(denied >= 0, describe());
        lines.set(denied, lines.get(denied).replace("\"result\":\"error\"", "\"result\":\"ok\""));
        Files.write(auditLog, lines, StandardCharsets.UTF_8);
        byte[] tampered = Files.readAllBytes(auditLog);

        Tool restart = Tool.run("--port", "0", "--data-dir", server.dataDir().toString(), "--user", ADMIN, "--password",
                ADMIN_PASSWORD);
        assertEquals(1, restart.exitStatus(), restart.toString());
        assertTrue(restart.stderr().contains("[SRV-028] Audit Chain Verification Failure: audit log hash chain verification failed: line "
                + (denied + 1) + ": event hash mismatch"), restart.toString());
        assertEquals(new String(tampered, StandardCharsets.UTF_8), new String(readLog(), StandardCharsets.UTF_8),
                "the file is left as it is for the investigation");
    }
}

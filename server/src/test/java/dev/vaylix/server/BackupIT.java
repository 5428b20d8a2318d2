package dev.vaylix.server;

import static dev.vaylix.server.testing.Wire.assertError;
import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.transport.session.ClientSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BACKUP, BACKUP TO, BACKUP VERIFY [FROM], RESTORE [FROM], RESTORE CHECK [FROM] against a server of its
 * own (RESTORE replaces the whole keyspace), including the backup directory sandbox.
 */
class BackupIT {

    private static Path root;
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        root = ServerProcess.freshDirectory("backup");
        server = ServerProcess.start(root.resolve("data"), "--backup-dir", root.resolve("backups").toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBackupWrittenToAFileVerifiesAndRestores() throws IOException {
        try (ClientSession session = server.connect("vaylix", "vaylix")) {
            assertEquals(Reply.OK, run(session, "flushdb"));
            assertEquals(Reply.OK, run(session, "set b:one 1"));
            assertEquals(Reply.OK, run(session, "set b:one 2")); // version 2
            assertEquals(Reply.OK, run(session, "set b:ttl x ex 1000"));
            String dump = assertInstanceOf(Reply.Data.class, run(session, "backup")).value().utf8String();
            assertTrue(dump.startsWith("{\"version\":2,"), dump);
            assertTrue(dump.contains("\"key\":\"b:one\",\"value_base64\":\"Mg==\",\"expires_at_ms\":null,\"version\":2"), dump);

            assertEquals(Reply.OK, run(session, "backup to nightly/dump.json"));
            Path file = root.resolve("backups/nightly/dump.json");
            assertTrue(Files.exists(file));
            assertTrue(Files.readString(root.resolve("backups/nightly/dump.json.manifest.json")).contains("\"manifest_version\": 1"));
            Map<String, String> verified = entries(run(session, "backup verify from nightly/dump.json"));
            assertEquals("ok", verified.get("status"));
            assertEquals("2", verified.get("entries"));
            assertEquals(LogicalBackup.sha256Hex(Files.readAllBytes(file)), verified.get("sha256"));
            assertEquals(new Reply.Count(2), run(session, "restore check from nightly/dump.json"));

            assertEquals(Reply.OK, run(session, "flushdb"));
            assertEquals(Reply.OK, run(session, "set b:other gone-after-restore"));
            assertEquals(new Reply.Count(2), run(session, "restore from nightly/dump.json"));
            assertEquals(text("2"), run(session, "get b:one"));
            assertEquals(Reply.NOT_FOUND, run(session, "get b:other"), "RESTORE replaces the keyspace");
            assertEquals(Reply.TRUE, run(session, "set b:one 3 if version 2"), "versions are restored");
        }
    }

    @Test
    void inlineDumpsVerifyCheckAndRestore() {
        String dump = "{\"version\":2,\"created_at_ms\":1,\"source_engine_version\":3,\"source_sequence\":7,\"entries\":["
                + "{\"key\":\"b:inline\",\"value_base64\":\"YWxpY2U=\",\"expires_at_ms\":null,\"version\":5}]}";
        try (ClientSession session = server.connect("vaylix", "vaylix")) {
            Map<String, String> verified = entries(session.execute(new Command.BackupVerify(dump)));
            assertEquals(Map.of("status", "ok", "entries", "1", "entry_count", "1",
                    "sha256", LogicalBackup.sha256Hex(dump.getBytes(StandardCharsets.UTF_8))), verified);
            assertEquals(new Reply.Count(1), session.execute(new Command.RestoreCheck(dump)));
            assertEquals(new Reply.Count(1), session.execute(new Command.Restore(dump)));
            assertEquals(text("alice"), run(session, "get b:inline"));
            assertEquals(Reply.TRUE, run(session, "set b:inline bob if version 5"));

            assertError(ErrorCode.ENG_004, session.execute(new Command.Restore("{not json")));
            assertError(ErrorCode.ENG_009, session.execute(new Command.Restore("{\"version\":9}")));
            assertError(ErrorCode.SRV_029, session.execute(new Command.BackupVerify("{\"version\":2}")));
            assertEquals(text("bob"), run(session, "get b:inline"), "a refused RESTORE changes nothing");
        }
    }

    @Test
    void pathsOutsideTheBackupDirectoryAreRefusedAndNothingIsCreatedThere() {
        Path outside = root.resolve("outside");
        try (ClientSession session = server.connect("vaylix", "vaylix")) {
            assertError(ErrorCode.SRV_027, run(session, "backup to ../outside/escape.json"));
            assertError(ErrorCode.SRV_027, run(session, "backup to " + outside.resolve("abs.json").toAbsolutePath()));
            assertError(ErrorCode.SRV_027, run(session, "restore from ../data/keyring.bin"));
            assertError(ErrorCode.SRV_027, run(session, "backup verify from /etc/passwd"));
            assertError(ErrorCode.SRV_004, run(session, "restore from missing.json"));
            assertError(ErrorCode.SRV_004, run(session, "restore check from missing.json"));
            // An absolute path inside the directory is fine.
            assertEquals(Reply.OK, run(session, "backup to " + root.resolve("backups/abs-inside.json").toAbsolutePath()));
        }
        assertFalse(Files.exists(outside), "nothing is created outside the backup directory");
    }

    @Test
    void aSidecarThatDoesNotMatchItsDumpFailsVerification() throws IOException {
        try (ClientSession session = server.connect("vaylix", "vaylix")) {
            assertEquals(Reply.OK, run(session, "set b:x 1"));
            assertEquals(Reply.OK, run(session, "backup to tampered.json"));
            Path file = root.resolve("backups/tampered.json");
            Files.writeString(file, Files.readString(file).replace("\"version\":2,", "\"version\":2 ,"));
            assertError(ErrorCode.SRV_029, run(session, "backup verify from tampered.json"));
            Files.delete(root.resolve("backups/tampered.json.manifest.json"));
            assertError(ErrorCode.SRV_004, run(session, "backup verify from tampered.json"));
        }
    }
}

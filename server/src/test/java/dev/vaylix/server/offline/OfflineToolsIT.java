package dev.vaylix.server.offline;

import static dev.vaylix.server.testing.Wire.entries;
import static dev.vaylix.server.testing.Wire.run;
import static dev.vaylix.server.testing.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.Tool;
import dev.vaylix.storage.crypto.MasterKey;
import dev.vaylix.transport.session.ClientSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@code vaylix storage verify|migrate} and {@code vaylix pitr inspect|restore} as processes, on data
 * directories a real server wrote (encrypted under a master key), with their exit status, stdout and
 * stderr (docs/TOOLS.md).
 */
class OfflineToolsIT {

    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final Map<String, String> WITH_KEY = Map.of(MasterKey.ENV_KEY, KEY);

    @Test
    void theToolsReadWhatAServerWroteAndARestoredDirectoryStartsAsAServerAtThatPoint() throws Exception {
        Path root = ServerProcess.freshDirectory("offline");
        Path source = root.resolve("source");
        long restorePoint;
        try (ServerProcess server = ServerProcess.start(source, WITH_KEY)) {
            try (ClientSession session = server.connect("vaylix", "vaylix")) {
                assertEquals(Reply.OK, run(session, "set app:a one"));
                assertEquals(Reply.OK, run(session, "save"));
                // After the snapshot: the restore replays these, data (tag 0x01) and a user (tag 0x02).
                assertEquals(Reply.OK, run(session, "create user carol password carol-pass-123"));
                assertEquals(Reply.OK, run(session, "set app:b two"));
                restorePoint = Long.parseLong(entries(run(session, "info")).get("replication.commit_sequence"));
                assertEquals(Reply.OK, run(session, "set app:bad oops"));
                assertEquals(Reply.OK, run(session, "set app:a overwritten"));
            }
            Tool locked = Tool.run(WITH_KEY, "storage", "verify", "--data-dir", source.toString());
            assertEquals(1, locked.exitStatus(), locked.toString());
            assertTrue(locked.stderr().contains("[SRV-004] Filesystem I/O Failure: filesystem I/O failed: " + source.resolve("LOCK")
                    + ": the data directory is in use by a running vaylix server; stop it first"), locked.toString());
            assertEquals("", locked.stdout());
            server.kill(); // no final snapshot: the log after the SAVE is what the tools read
        }
        String sourceNodeId = Files.readString(source.resolve("node-id")).strip();

        // The read-only tools share the directory: all four at once (also saves time on two cores).
        Path target = root.resolve("restored");
        Tool verify;
        Tool inspect;
        Tool migrate;
        Tool restore;
        Tool restoreAll;
        try (ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor()) {
            var verifying = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "storage", "verify", "--data-dir",
                    source.toString()), runs);
            var inspecting = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "pitr", "inspect", "--data-dir",
                    source.toString()), runs);
            var migrating = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "storage", "migrate", "--data-dir",
                    source.toString()), runs);
            var restoring = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "pitr", "restore", "--source-dir",
                    source.toString(), "--target-dir", target.toString(), "--to-sequence", Long.toString(restorePoint)), runs);
            // Everything, end to end through the server's factory. Whether this run's recorded commit index
            // trails the log at the kill is timing-dependent (it is usually flushed by then), so the trailing
            // case itself is pinned by OfflineStorageTest and OfflineToolsTest, not here.
            var restoringAll = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "pitr", "restore", "--source-dir",
                    source.toString(), "--target-dir", root.resolve("everything").toString(), "--to-timestamp-ms",
                    "18446744073709551615"), runs);
            verify = verifying.join();
            restoreAll = restoringAll.join();
            inspect = inspecting.join();
            migrate = migrating.join();
            restore = restoring.join();
        }
        assertEquals(0, verify.exitStatus(), verify.toString());
        Map<String, String> report = verify.report();
        assertEquals("true", report.get("snapshot_present"));
        assertTrue(Long.parseLong(report.get("commit_index")) >= restorePoint + 2, verify.toString());
        assertEquals(Long.parseLong(report.get("last_index")) - Long.parseLong(report.get("last_snapshot_index")),
                Long.parseLong(report.get("entries_replayed")), "every entry after the snapshot went through the state machine");
        assertEquals(0, inspect.exitStatus(), inspect.toString());
        assertEquals(report.get("last_snapshot_index"), inspect.report().get("last_snapshot_index"));
        assertFalse(inspect.report().containsKey("entries_replayed"), "inspect does not replay");
        assertEquals(0, migrate.exitStatus(), migrate.toString());
        assertEquals("false", migrate.report().get("migrated"));
        assertEquals(0, restore.exitStatus(), restore.toString());
        assertEquals(Long.toString(restorePoint), restore.report().get("last_snapshot_index"));
        assertEquals(sourceNodeId, Files.readString(target.resolve("node-id")).strip(), "the restored node is the source's member");
        assertEquals(0, restoreAll.exitStatus(), restoreAll.toString());
        assertEquals(report.get("last_index"), restoreAll.report().get("last_snapshot_index"),
                "a one-voter node's restore holds every durable entry, the last acknowledged write included");

        try (ServerProcess restored = ServerProcess.start(target, WITH_KEY);
             ClientSession admin = restored.connect("vaylix", "vaylix")) {
            assertEquals(text("one"), run(admin, "get app:a"));
            assertEquals(text("two"), run(admin, "get app:b"));
            assertInstanceOf(Reply.NotFound.class, run(admin, "get app:bad"), "written after the restore point");
            assertEquals(sourceNodeId, entries(run(admin, "show cluster")).get("node_id"));
            assertEquals(Reply.OK, run(admin, "auth carol carol-pass-123"), "the user created after the snapshot was replayed");
        }
    }

    @Test
    void badInputIsRefusedWithItsCodeOnStderrExitStatusOneAndNothingOnStdout() throws Exception {
        Path root = ServerProcess.freshDirectory("offline-bad");
        Path source = root.resolve("source");
        SourceDataDir.build(SourceDataDir.config(source).withMasterKey(MasterKey.fromHex(KEY)));
        Path corrupt = root.resolve("corrupt");
        SourceDataDir.build(SourceDataDir.config(corrupt).withMasterKey(MasterKey.fromHex(KEY)));
        byte[] snapshot = Files.readAllBytes(corrupt.resolve("snapshot.bin"));
        snapshot[snapshot.length - 5] ^= 0x01;
        Files.write(corrupt.resolve("snapshot.bin"), snapshot);
        Path missing = root.resolve("missing");
        String otherKey = "ff".repeat(32);

        try (ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor()) {
            var noDirectory = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "storage", "verify", "--data-dir",
                    missing.toString()), runs);
            var noKey = CompletableFuture.supplyAsync(() -> Tool.run("pitr", "inspect", "--data-dir", source.toString()), runs);
            var wrongKey = CompletableFuture.supplyAsync(() -> Tool.run(Map.of(MasterKey.ENV_KEY, otherKey), "storage", "verify",
                    "--data-dir", source.toString()), runs);
            var damaged = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "storage", "verify", "--data-dir",
                    corrupt.toString()), runs);
            var noTarget = CompletableFuture.supplyAsync(() -> Tool.run(WITH_KEY, "pitr", "restore", "--source-dir",
                    source.toString(), "--to-sequence", "6"), runs);

            refused(noDirectory.join(), "[ENG-002] Filesystem I/O Failure: filesystem I/O failed: data directory " + missing
                    + " does not exist");
            assertFalse(Files.exists(missing), "nothing is created");
            refused(noKey.join(), "[ENG-008] Encrypted Storage Failure: ");
            refused(wrongKey.join(), "[ENG-008] Encrypted Storage Failure: ");
            refused(damaged.join(), "[ENG-007] Checksum Validation Failure: checksum validation failed for ");
            Tool arguments = noTarget.join();
            assertEquals(2, arguments.exitStatus(), arguments.toString());
            assertTrue(arguments.stderr().startsWith("[SRV-030] Invalid Arguments: invalid command-line arguments: pitr restore "
                    + "requires --target-dir"), arguments.toString());
        }
    }

    private static void refused(Tool run, String stderrPrefix) {
        assertEquals(1, run.exitStatus(), run.toString());
        assertEquals("", run.stdout(), run.toString());
        assertTrue(run.stderr().lines().anyMatch(line -> line.startsWith(stderrPrefix)), run.toString());
    }
}

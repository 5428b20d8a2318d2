package dev.vaylix.server.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own files in the data directory: the lock, the node id, the maintenance sentinel. */
class NodeFilesTest {

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryLockIsExclusiveAndReleasedOnClose() {
        try (DataDirLock lock = DataDirLock.acquire(dir.resolve("data"))) {
            VaylixException second = assertThrows(VaylixException.class, () -> DataDirLock.acquire(dir.resolve("data")));
            assertEquals(ErrorCode.SRV_004, second.code());
            assertTrue(second.getMessage().contains("in use by another vaylix process"), second.getMessage());
        }
        DataDirLock.acquire(dir.resolve("data")).close();
    }

    @Test
    void theOfflineToolsShareTheLockOnlyWhenNoServerHoldsItAndCreateNothing() {
        Path never = dir.resolve("never-served");
        try (DataDirLock _ = DataDirLock.shareExisting(never)) {
            assertFalse(Files.exists(never), "a directory without LOCK is read without a lock, nothing is created");
        }
        Path data = dir.resolve("data");
        try (DataDirLock _ = DataDirLock.acquire(data)) {
            VaylixException busy = assertThrows(VaylixException.class, () -> DataDirLock.shareExisting(data));
            assertEquals(ErrorCode.SRV_004, busy.code());
            assertTrue(busy.getMessage().endsWith("in use by a running vaylix server; stop it first"), busy.getMessage());
        }
        try (DataDirLock _ = DataDirLock.shareExisting(data)) {
            assertEquals(ErrorCode.SRV_004, assertThrows(VaylixException.class, () -> DataDirLock.acquire(data)).code(),
                    "no server starts on a directory a tool is reading");
        }
        DataDirLock.acquire(data).close();
    }

    @Test
    void aRestoredDirectoryIsGivenItsSourcesNodeId() throws IOException {
        NodeIdFile.write(dir, "node-a");
        assertEquals(Optional.of("node-a"), NodeIdFile.read(dir));
        assertEquals("node-a", NodeIdFile.resolve(dir, Optional.empty(), 1));
        assertEquals(ErrorCode.SRV_030, assertThrows(VaylixException.class, () -> NodeIdFile.write(dir, "has space")).code());
        assertEquals("node-a\n", Files.readString(dir.resolve(NodeIdFile.FILE_NAME)), "an invalid id changes nothing");
    }

    @Test
    void aGeneratedNodeIdIsWrittenOnceAndKept() throws IOException {
        String first = NodeIdFile.resolve(dir, Optional.empty(), 1_700_000_000_000L);
        UUID uuid = UUID.fromString(first);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(first + "\n", Files.readString(dir.resolve(NodeIdFile.FILE_NAME)));
        assertEquals(first, NodeIdFile.resolve(dir, Optional.empty(), 1));
        assertEquals(first, NodeIdFile.resolve(dir, Optional.of(first), 1));
        VaylixException conflict = assertThrows(VaylixException.class, () -> NodeIdFile.resolve(dir, Optional.of("other"), 1));
        assertEquals(ErrorCode.SRV_030, conflict.code());
    }

    @Test
    void aConfiguredNodeIdIsValidatedAndPersisted() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        assertEquals("node-a", NodeIdFile.resolve(dir.resolve("a"), Optional.of("node-a"), 1));
        assertEquals(ErrorCode.SRV_030, assertThrows(VaylixException.class,
                () -> NodeIdFile.resolve(dir.resolve("b"), Optional.of("has space"), 1)).code());
    }

    @Test
    void uuidV7CarriesTheTimestamp() {
        UUID id = NodeIdFile.uuidV7(0x0123_4567_89ABL, new SecureRandom());
        assertEquals(0x0123_4567_89ABL, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void maintenanceModeIsTheSentinelFile() {
        MaintenanceMode mode = MaintenanceMode.load(dir);
        assertFalse(mode.enabled());
        mode.set(true);
        assertTrue(mode.enabled());
        assertTrue(Files.exists(dir.resolve("maintenance.mode")));
        assertTrue(MaintenanceMode.load(dir).enabled(), "it survives a restart");
        mode.set(true);
        mode.set(false);
        assertFalse(Files.exists(dir.resolve("maintenance.mode")));
        assertFalse(MaintenanceMode.load(dir).enabled());
        assertEquals("false", mode.status().entries().getFirst().value().utf8String());
    }
}

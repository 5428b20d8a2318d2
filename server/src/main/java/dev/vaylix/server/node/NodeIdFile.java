package dev.vaylix.server.node;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.raft.confchange.NodeIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * The node's stable id, kept in {@code <data-dir>/node-id} (one line). The reference generated a new id
 * on every start (STORAGE.md Note 11); a Raft member must keep its id, since the configuration in its
 * log names it: a one-voter group whose node came back under another id could never elect a leader.
 *
 * <ul>
 *   <li>No file, no {@code --node-id}: a UUIDv7 is generated and written once.</li>
 *   <li>No file, {@code --node-id}: that id is written.</li>
 *   <li>A file: its id is used; a different {@code --node-id} is refused (SRV-030) rather than silently
 *       ignored or silently adopted.</li>
 * </ul>
 */
public final class NodeIdFile {

    public static final String FILE_NAME = "node-id";
    private static final int MAX_FILE_BYTES = 1024;

    private NodeIdFile() {
    }

    /**
     * @throws dev.vaylix.api.VaylixException SRV-030 for an invalid or conflicting id; SRV-004 on I/O failure
     */
    public static String resolve(Path dataDir, Optional<String> configured, long nowMs) {
        Path file = dataDir.resolve(FILE_NAME);
        Optional<String> stored = readFile(file);
        if (stored.isPresent()) {
            if (configured.isPresent() && !configured.get().equals(stored.get())) {
                throw ErrorCode.SRV_030.exception("--node-id " + configured.get() + " differs from the id " + stored.get()
                        + " this data directory belongs to (" + file + ")");
            }
            return stored.get();
        }
        String id = configured.orElseGet(() -> uuidV7(nowMs, new SecureRandom()).toString());
        if (!NodeIds.isValid(id)) {
            throw ErrorCode.SRV_030.exception("invalid node id '" + id + "': 1.." + NodeIds.MAX_LENGTH
                    + " characters, no whitespace, control characters or , ( ) = >");
        }
        DurableFiles.writeAtomically(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /**
     * Records {@code id} as the id of the data directory {@code dataDir} (a point-in-time restore gives the
     * new directory its source's id: the Raft membership in its snapshot names that id).
     *
     * @throws dev.vaylix.api.VaylixException SRV-030 for an invalid id; SRV-004 on I/O failure
     */
    public static void write(Path dataDir, String id) {
        if (!NodeIds.isValid(id)) {
            throw ErrorCode.SRV_030.exception("invalid node id '" + id + "'");
        }
        DurableFiles.writeAtomically(dataDir.resolve(FILE_NAME), (id + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id a data directory belongs to, without writing anything (for the offline tools).
     *
     * @throws dev.vaylix.api.VaylixException SRV-030 for a malformed file; SRV-004 on I/O failure
     */
    public static Optional<String> read(Path dataDir) {
        return readFile(dataDir.resolve(FILE_NAME));
    }

    private static Optional<String> readFile(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw ErrorCode.SRV_030.exception(file + " is not a node id file");
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!NodeIds.isValid(id)) {
                throw ErrorCode.SRV_030.exception(file + " holds an invalid node id");
            }
            return Optional.of(id);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw DurableFiles.failure(file, e);
        }
    }

    /** RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, variant 2, 74 random bits. */
    static UUID uuidV7(long nowMs, SecureRandom random) {
        long randA = random.nextInt(1 << 12);
        long most = (nowMs & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}

package dev.vaylix.server.node;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Small server-owned files of the data directory (node id, maintenance sentinel) written the way
 * storage writes its own: temp file, write, fsync, rename, fsync the directory; deletions are
 * followed by a directory fsync. A crash leaves the old file or the new one, never a torn one.
 * Failures are {@code SRV-004}. Stateless.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    static void writeAtomically(Path target, byte[] content) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Deletes {@code target} if it exists, durably. */
    static void deleteDurably(Path target) {
        try {
            if (Files.deleteIfExists(target)) {
                syncDirectory(target.getParent());
            }
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static VaylixException failure(Path path, IOException e) {
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new VaylixException(ErrorCode.SRV_004, ErrorCode.SRV_004.message(path + ": " + reason), e);
    }
}

package dev.vaylix.storage.io;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Whole-file replacement that a crash cannot tear: write {@code <name>.tmp}, fsync it, rename it over
 * {@code <name>}, fsync the directory. After a crash the file holds either all of the old content
 * or all of the new; a stale {@code .tmp} is garbage that the next write replaces.
 */
public final class AtomicFile {

    /** Suffix of the temporary file beside the target. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFile() {
    }

    public static Path tempFor(Path target) {
        return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    }

    /**
     * Durably replaces {@code target} with {@code content} (its remaining bytes).
     *
     * @param ownerOnly create the file with permissions 0600 (key material)
     */
    public static void write(FileIO io, Path target, ByteBuffer content, boolean ownerOnly) throws IOException {
        Path temp = tempFor(target);
        // Delete first so CREATE_NEW applies ownerOnly: permissions are set only when a file is created.
        io.deleteIfExists(temp);
        try (StorageFile file = io.open(temp, FileIO.OpenMode.CREATE_NEW, ownerOnly)) {
            file.write(content, 0);
            file.force();
        }
        io.rename(temp, target);
        io.syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Reads the whole of a small file.
     *
     * @throws IOException also when the file is larger than {@code maxBytes}
     */
    public static byte[] readAll(FileIO io, Path path, int maxBytes) throws IOException {
        try (StorageFile file = io.open(path, FileIO.OpenMode.READ)) {
            long size = file.size();
            if (size > maxBytes) {
                throw new IOException("file is " + size + " bytes, more than the " + maxBytes + " expected at most");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            int read = file.read(buffer, 0);
            if (read != size) {
                throw new IOException("file shrank while being read");
            }
            return buffer.array();
        }
    }
}

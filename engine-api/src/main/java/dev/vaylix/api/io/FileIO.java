package dev.vaylix.api.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one narrow seam between storage and the operating system (in the manner of LevelDB's
 * {@code Env}). The real implementation sits on {@code FileChannel}s; fault-injecting decorators
 * (lost unsynced writes, torn writes, bit flips, EIO) wrap it in tests and simulations.
 *
 * <p>Errors are {@link IOException}s, deliberately checked: the caller must decide, at each call,
 * whether a failure is reportable ({@code ENG-002}) or fatal. A failed {@link StorageFile#force} is
 * always fatal and never retried (after a failed fsync the kernel may have dropped the dirty pages,
 * so a retry that "succeeds" proves nothing).
 *
 * <p>Durability rules the caller relies on: data written to a file is durable only after
 * {@link StorageFile#force}; a created, renamed or deleted directory entry is durable only after
 * {@link #syncDirectory} of its parent.
 *
 * <p>Thread-safety: implementations are safe for concurrent use; a single {@link StorageFile} may
 * be read concurrently but is written by one thread at a time.
 */
public interface FileIO {

    /** How a file is opened. */
    enum OpenMode {
        /** Read only; the file must exist. */
        READ,
        /** Read and write; created (empty) if absent. */
        READ_WRITE,
        /** Read and write; the file must not exist yet. */
        CREATE_NEW,
        /** Read and write; truncated to zero length, created if absent. */
        TRUNCATE
    }

    /**
     * Opens {@code path}.
     *
     * @param ownerOnly create the file with permissions {@code 0600} (key material); ignored when the
     *                  file already exists
     * @throws java.nio.file.NoSuchFileException for {@link OpenMode#READ} of a missing file
     * @throws java.nio.file.FileAlreadyExistsException for {@link OpenMode#CREATE_NEW} of an existing one
     */
    StorageFile open(Path path, OpenMode mode, boolean ownerOnly) throws IOException;

    default StorageFile open(Path path, OpenMode mode) throws IOException {
        return open(path, mode, false);
    }

    boolean exists(Path path);

    /** True if {@code path} is a regular file (not a directory, not a symbolic link's target check). */
    boolean isRegularFile(Path path);

    /** Size in bytes of an existing file. */
    long size(Path path) throws IOException;

    /** Creates the directory and its missing parents; the new entries are made durable. */
    void createDirectories(Path dir) throws IOException;

    /** The entries of {@code dir}, sorted by name; empty if the directory does not exist. */
    List<Path> list(Path dir) throws IOException;

    /**
     * Deletes the file (or empty directory) if it exists. Durable only after {@link #syncDirectory}
     * of the parent.
     */
    void deleteIfExists(Path path) throws IOException;

    /**
     * Renames the file or directory {@code from} to {@code to} atomically, replacing {@code to} if it
     * is a file (or an empty directory). Durable only after {@link #syncDirectory} of the parent(s).
     */
    void rename(Path from, Path to) throws IOException;

    /** fsync of a directory, making creations, renames and deletions inside it durable. */
    void syncDirectory(Path dir) throws IOException;
}

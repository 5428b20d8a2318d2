package dev.vaylix.server.backup;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The backup-directory sandbox of BACKUP TO, RESTORE FROM, RESTORE CHECK FROM and BACKUP VERIFY FROM
 * (STORAGE.md §11.4), stricter than the reference:
 *
 * <ul>
 *   <li>A path with a {@code ..} component is refused (SRV-027), before anything touches the disk.</li>
 *   <li>Relative paths resolve under the backup directory; absolute paths must name a place inside it
 *       (either as configured or in canonical form). The directory itself is no backup file.</li>
 *   <li><b>Nothing is created outside the backup directory</b> (STORAGE.md Note 9: the reference created
 *       the parent directories of an absolute outside path before refusing it). Missing parents are
 *       created one at a time, each only after its own parent was canonicalised and found inside.</li>
 *   <li>Symbolic links: a directory component may be a link only if its target is inside; the final
 *       component is never followed (refused with SRV-027 when it is a link; the files are opened with
 *       {@link LinkOption#NOFOLLOW_LINKS}, which maps to {@code O_NOFOLLOW}).</li>
 *   <li>Reading needs an existing regular file (missing: SRV-004) no larger than the caller's bound.</li>
 *   <li>Writing is crash-safe (STORAGE.md Note 9: the reference did not fsync backups): each file is
 *       written to a fresh temporary file, fsynced, renamed over the target and the directory fsynced,
 *       so a crash leaves the previous file or the complete new one, never a torn one.</li>
 * </ul>
 *
 * <p>Residual risk, stated plainly: a local user who can write inside the backup directory and swaps
 * a directory component for a link in the instant between our check and our use could redirect a
 * write. The final component is protected against that race by {@code O_NOFOLLOW} and by the rename.
 *
 * <p>The sandbox uses {@code java.nio.file} directly rather than the {@code FileIO} SPI because it
 * needs link-aware operations that SPI does not offer. Thread-safe (stateless apart from the root).
 */
public final class BackupPaths {

    /** Appended to a dump's file name to name its sidecar manifest (STORAGE.md §11.4). */
    public static final String SIDECAR_SUFFIX = ".manifest.json";

    private static final int MAX_PATH_COMPONENTS = 64;

    private final Path configured;
    private final Path root;
    private final SecureRandom random = new SecureRandom();

    private BackupPaths(Path configured, Path root) {
        this.configured = configured;
        this.root = root;
    }

    /**
     * Opens the sandbox at {@code backupDir}, creating the directory if it is missing.
     *
     * @throws VaylixException {@link ErrorCode#SRV_004} if it cannot be created or is not a directory
     */
    public static BackupPaths open(Path backupDir) {
        Path configured = backupDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(configured);
            Path root = configured.toRealPath();
            if (!Files.isDirectory(root)) {
                throw ErrorCode.SRV_004.exception(backupDir + ": not a directory");
            }
            return new BackupPaths(configured, root);
        } catch (IOException e) {
            throw ErrorCode.SRV_004.exception(backupDir + ": " + describe(e));
        }
    }

    /** The backup directory in canonical form. */
    public Path directory() {
        return root;
    }

    /**
     * Resolves a path to read (RESTORE FROM, RESTORE CHECK FROM, BACKUP VERIFY FROM).
     *
     * @return the canonical path of an existing regular file inside the backup directory
     * @throws VaylixException {@link ErrorCode#SRV_027} if the path leaves the directory;
     *                         {@link ErrorCode#SRV_004} if it does not exist or is no regular file
     */
    public Path resolveForRead(String requested) {
        Path candidate = candidate(requested);
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw ErrorCode.SRV_004.exception(requested + ": no such file");
        } catch (IOException e) {
            throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
        }
        requireInside(real, requested);
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw ErrorCode.SRV_004.exception(requested + ": not a regular file");
            }
        } catch (IOException e) {
            throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
        }
        return real;
    }

    /**
     * Reads a whole backup file.
     *
     * @param maxBytes the largest file accepted (the caller's memory bound)
     * @throws VaylixException as {@link #resolveForRead}, and {@link ErrorCode#SRV_004} if the file is
     *                         larger than {@code maxBytes} or cannot be read
     */
    public Bytes read(String requested, int maxBytes) {
        Path path = resolveForRead(requested);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw ErrorCode.SRV_004.exception(requested + ": larger than " + maxBytes + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw ErrorCode.SRV_004.exception(requested + ": file shrank while being read");
                }
            }
            return Bytes.wrapUnsafe(buffer.array());
        } catch (FileSystemException e) {
            throw linkOrIo(requested, e);
        } catch (IOException e) {
            throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
        }
    }

    /**
     * Resolves a path to write (BACKUP TO), creating its missing parent directories inside the
     * backup directory.
     *
     * @return the target path: its parent is canonical and inside, its final component is not a link
     * @throws VaylixException {@link ErrorCode#SRV_027} if the path leaves the directory or its final
     *                         component is a symbolic link; {@link ErrorCode#SRV_004} on I/O failure or
     *                         if the target is a directory
     */
    public Path resolveForWrite(String requested) {
        Path candidate = candidate(requested);
        Path parent = parentInside(candidate, requested);
        Path target = parent.resolve(candidate.getFileName().toString());
        requireWritableTarget(target, requested);
        return target;
    }

    /**
     * BACKUP TO: writes the dump to {@code requested} and its sidecar manifest next to it
     * ({@code <path>.manifest.json}), each atomically and durably. Both targets are checked before
     * either is written.
     *
     * @throws VaylixException as {@link #resolveForWrite}
     */
    public Path writeBackup(String requested, Bytes dump, Bytes sidecar) {
        Path target = resolveForWrite(requested);
        Path sidecarTarget = target.resolveSibling(target.getFileName() + SIDECAR_SUFFIX);
        requireWritableTarget(sidecarTarget, requested + SIDECAR_SUFFIX);
        writeAtomically(target, dump, requested);
        writeAtomically(sidecarTarget, sidecar, requested + SIDECAR_SUFFIX);
        syncDirectory(target.getParent(), requested);
        return target;
    }

    /** The sandboxed path before any filesystem access: no {@code ..}, inside by name. */
    private Path candidate(String requested) {
        Objects.requireNonNull(requested, "requested");
        Path path;
        try {
            path = Path.of(requested);
        } catch (InvalidPathException e) {
            throw ErrorCode.SRV_027.exception(requested);
        }
        if (requested.isEmpty() || path.getNameCount() > MAX_PATH_COMPONENTS) {
            throw ErrorCode.SRV_027.exception(requested);
        }
        for (Path component : path) {
            if (component.toString().equals("..")) {
                throw ErrorCode.SRV_027.exception(requested);
            }
        }
        Path relative;
        if (path.isAbsolute()) {
            Path normalized = path.normalize();
            if (normalized.startsWith(configured)) {
                relative = configured.relativize(normalized);
            } else if (normalized.startsWith(root)) {
                relative = root.relativize(normalized);
            } else {
                throw ErrorCode.SRV_027.exception(requested);
            }
        } else {
            relative = path.normalize();
        }
        if (relative.toString().isEmpty()) {
            throw ErrorCode.SRV_027.exception(requested); // the directory itself
        }
        return root.resolve(relative);
    }

    /** Walks from the root to the candidate's parent, creating what is missing, checking each step. */
    private Path parentInside(Path candidate, String requested) {
        Path directory = root;
        Path relativeParent = root.relativize(candidate.getParent());
        if (relativeParent.toString().isEmpty()) {
            return directory;
        }
        for (Path component : relativeParent) {
            Path next = directory.resolve(component.toString());
            try {
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createDirectory(next);
                        syncDirectory(directory, requested);
                    } catch (FileAlreadyExistsException raced) {
                        // created concurrently: checked below like any existing entry
                    }
                }
                Path real;
                try {
                    real = next.toRealPath();
                } catch (NoSuchFileException dangling) {
                    throw ErrorCode.SRV_027.exception(requested); // a link to nowhere
                }
                requireInside(real, requested);
                if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                    throw ErrorCode.SRV_004.exception(requested + ": " + component + " is not a directory");
                }
                directory = real;
            } catch (IOException e) {
                throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
            }
        }
        return directory;
    }

    private void requireWritableTarget(Path target, String requested) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                throw ErrorCode.SRV_027.exception(requested);
            }
            if (!attributes.isRegularFile()) {
                throw ErrorCode.SRV_004.exception(requested + ": not a regular file");
            }
        } catch (NoSuchFileException absent) {
            // a new file
        } catch (IOException e) {
            throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
        }
    }

    private void requireInside(Path real, String requested) {
        if (!real.startsWith(root) || real.equals(root)) {
            throw ErrorCode.SRV_027.exception(requested);
        }
    }

    private void writeAtomically(Path target, Bytes content, String requested) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + HexFormat.of().toHexDigits(random.nextLong()));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buffer = content.asReadOnlyBuffer();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // rename(2) replaces a link at the target instead of following it.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
        }
    }

    private static void syncDirectory(Path directory, String requested) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw ErrorCode.SRV_004.exception(requested + ": " + describe(e));
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; a stray hidden temp file is harmless and reported nowhere
        }
    }

    /** ELOOP from {@code O_NOFOLLOW} means the final component became a link: a sandbox refusal. */
    private static VaylixException linkOrIo(String requested, FileSystemException e) {
        String reason = e.getReason();
        if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("symbolic link")) {
            return ErrorCode.SRV_027.exception(requested);
        }
        return ErrorCode.SRV_004.exception(requested + ": " + describe(e));
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage() : "");
    }
}

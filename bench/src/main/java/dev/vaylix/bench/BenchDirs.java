package dev.vaylix.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scratch directories for the benchmarks that touch a disk. Each such benchmark has a {@code dir}
 * parameter naming the directory to measure; its default, {@link #DEFAULT}, is relative to the working
 * directory so that it lands under a build's {@code target/} (git-ignored) on the disk of the checkout,
 * not in {@code /tmp}, which is often a tmpfs where fsync costs nothing and the figures would lie.
 */
public final class BenchDirs {

    /** The default of every {@code dir} parameter. */
    public static final String DEFAULT = "target/bench-scratch";

    /** File-system types whose fsync does not reach a disk. */
    private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");

    private BenchDirs() {
    }

    /**
     * Creates a fresh directory named {@code prefix…} under {@code base} (creating {@code base} if
     * needed). Warns on standard error when {@code base} is on a memory file system, since a durable
     * benchmark measured there says nothing about a disk.
     */
    public static Path create(String base, String prefix) {
        try {
            Path parent = Path.of(base.isEmpty() ? DEFAULT : base).toAbsolutePath();
            Files.createDirectories(parent);
            String type = Files.getFileStore(parent).type().toLowerCase(Locale.ROOT);
            if (MEMORY_FILE_SYSTEMS.contains(type)) {
                System.err.println("warning: " + parent + " is on " + type + ": fsync there costs nothing; pass -p dir=<a directory on a real disk>");
            }
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory under " + base, e);
        }
    }

    /** Deletes {@code dir} and everything below it; nothing if it is null or absent. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

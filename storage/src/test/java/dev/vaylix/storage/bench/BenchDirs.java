package dev.vaylix.storage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories for the benchmarks: under {@code -p dir=<path>} if given (the disk to measure), else the temp dir. */
final class BenchDirs {

    private BenchDirs() {
    }

    static Path create(String base, String prefix) throws IOException {
        return base == null || base.isEmpty() ? Files.createTempDirectory(prefix) : Files.createTempDirectory(Path.of(base), prefix);
    }

    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.vaylix.raft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core deterministic (DESIGN.md §2, STYLE.md): outside the driver package, main sources never
 * read clocks, create randomness, threads or executors, or touch files and sockets.
 */
class CoreDeterminismTest {

    private static final List<String> FORBIDDEN = List.of("System.currentTimeMillis", "System.nanoTime",
            "new Random", "ThreadLocalRandom", "SecureRandom", "new Thread", "Thread.of", "Executor", "java.io.File",
            "java.nio.file", "java.net.", "Instant.now", "LocalDateTime.now", "Thread.sleep");

    @Test
    void theCorePackagesUseNoClockRandomnessThreadsOrIo() throws IOException {
        Path root = Path.of("src", "main", "java", "dev", "vaylix", "raft");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.startsWith(root.resolve("driver"))) {
                    continue;
                }
                String source = Files.readString(file);
                for (String token : FORBIDDEN) {
                    if (source.contains(token)) {
                        offences.add(root.relativize(file) + " uses " + token);
                    }
                }
            }
        }
        assertTrue(offences.isEmpty(), String.join("\n", offences));
    }
}

package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine must be a pure function of its log (DESIGN.md §4 "Deterministic core"): no clock, no
 * randomness, no threads, and no hash-ordered collection whose order could reach a reply or a
 * snapshot. A source scan keeps it so; the only allowed hash map is JsonObject's lookup index, which
 * lives in engine-api and is never iterated.
 */
class DeterminismTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now|LocalDateTime\\.now|new Random|ThreadLocalRandom"
                    + "|Math\\.random|new Thread|Thread\\.of|Executors?\\b|HashMap|HashSet|Hashtable|\\.parallel\\(|parallelStream");

    @Test
    void main_sources_use_no_clock_randomness_threads_or_hash_order() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the module directory: " + Path.of("").toAbsolutePath());
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i)).find()) {
                        findings.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), findings);
    }
}

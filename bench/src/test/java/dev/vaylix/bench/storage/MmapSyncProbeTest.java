package dev.vaylix.bench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe writes both files to the end, reports every eighth, and leaves nothing behind. */
class MmapSyncProbeTest {

    @TempDir
    Path dir;

    @Test
    void reports_eight_parts_reaching_the_end_of_the_file_and_cleans_up() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MmapSyncProbe.main(new String[] {dir.toString(), "65536", "1"});
        } finally {
            System.setOut(original);
        }
        List<String> rows = captured.toString(StandardCharsets.UTF_8).lines().skip(2).toList();
        assertEquals(8, rows.size(), captured::toString);
        assertTrue(rows.getLast().trim().startsWith("8 "), rows.getLast());
        assertEquals("1", rows.getLast().trim().split("\\s+")[1], "the last part ends at 1 MiB: " + rows.getLast());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "scratch directory deleted");
        }
    }

    @Test
    void a_file_too_small_for_eight_batches_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> MmapSyncProbe.main(new String[] {dir.toString(), "262144", "1"}));
    }
}

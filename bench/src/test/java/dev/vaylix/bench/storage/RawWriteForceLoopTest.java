package dev.vaylix.bench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw loop both raw benchmarks use: whole batches, a new file per file size, filled files dropped, nothing left behind. */
class RawWriteForceLoopTest {

    @TempDir
    Path dir;

    @Test
    void writes_whole_batches_and_starts_a_new_file_once_the_current_one_is_full() throws IOException {
        int batchBytes = 1000;
        try (RawWriteForceLoop loop = RawWriteForceLoop.open(dir.toString(), "raw-test-", batchBytes, 3 * batchBytes)) {
            for (int i = 0; i < 7; i++) {
                assertEquals(batchBytes, loop.writeAndForce(), "bytes of write " + i);
            }
            assertEquals(List.of(3L * batchBytes, 3L * batchBytes, (long) batchBytes), fileSizes(loop.directory()));

            loop.dropFilledFiles();
            assertEquals(List.of((long) batchBytes), fileSizes(loop.directory()), "only the file being written is kept");
            loop.writeAndForce();
            assertEquals(List.of(2L * batchBytes), fileSizes(loop.directory()), "writing goes on in the kept file");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "close deletes the scratch directory");
        }
    }

    @Test
    void a_file_size_that_is_not_a_multiple_of_the_batch_is_exceeded_by_at_most_one_batch() throws IOException {
        try (RawWriteForceLoop loop = RawWriteForceLoop.open(dir.toString(), "raw-test-", 300, 1000)) {
            for (int i = 0; i < 5; i++) {
                loop.writeAndForce();
            }
            assertEquals(List.of(1200L, 300L), fileSizes(loop.directory()));
        }
    }

    @Test
    void rejects_an_empty_batch_or_file_size_without_creating_anything() {
        assertThrows(IllegalArgumentException.class, () -> RawWriteForceLoop.open(dir.toString(), "raw-test-", 0, 1000));
        assertThrows(IllegalArgumentException.class, () -> RawWriteForceLoop.open(dir.toString(), "raw-test-", 100, 0));
        assertEquals(0, dir.toFile().list().length, "nothing created");
    }

    /** Sizes of raw-0, raw-1, … in file order (names sort by number below 10 files). */
    private static List<Long> fileSizes(Path scratch) throws IOException {
        try (Stream<Path> files = Files.list(scratch)) {
            return files.sorted().map(file -> file.toFile().length()).toList();
        }
    }
}

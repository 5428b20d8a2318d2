package dev.vaylix.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import dev.vaylix.storage.testing.FastTempDirs;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StorageFile#forceMapped} on real files and real mappings: unaligned ranges, ranges crossing
 * a page boundary or lying in a second mapping, and the fallback when no live mapping covers a range.
 *
 * <p>What this can check is that the ranged msync is issued on the right slices without failing and
 * that the bytes are the file's (read back through a fresh channel). It cannot check durability: that
 * needs a power loss, which no test here can cause. The fault model (FaultyFileIOTest and the crash
 * property) covers what a crash keeps; the Linux semantics it models are argued in docs/STORAGE.md.
 */
class ChannelFileIOTest {

    private static final int PAGE = 4096;
    private static final int FIRST_MAPPING_BYTES = 4 * PAGE;
    private static final int SECOND_MAPPING_AT = 8 * PAGE;

    @TempDir(factory = FastTempDirs.class)
    Path dir;

    private final ChannelFileIO io = new ChannelFileIO();
    private final Random random = new Random(7);

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void put(MemorySegment mapping, long at, byte[] bytes) {
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, mapping, at, bytes.length);
    }

    private static byte[] readFresh(Path path, long at, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer dst = ByteBuffer.allocate(length);
            while (dst.hasRemaining() && channel.read(dst, at + dst.position()) > 0) {
                // read until full or the end of the file
            }
            assertEquals(length, dst.position(), "bytes at " + at);
            return dst.array();
        }
    }

    @Test
    void ranged_forces_of_unaligned_page_crossing_and_second_mapping_ranges_leave_the_bytes_in_the_file() throws IOException {
        Path path = dir.resolve("mapped.bin");
        byte[] unaligned = randomBytes(37);
        byte[] crossing = randomBytes(300);
        byte[] inSecond = randomBytes(1000);
        long crossingAt = 2L * PAGE - 100;
        long inSecondAt = SECOND_MAPPING_AT + 123;
        try (StorageFile file = io.open(path, FileIO.OpenMode.CREATE_NEW); Arena arena = Arena.ofConfined()) {
            MemorySegment first = file.map(0, FIRST_MAPPING_BYTES, arena);
            MemorySegment second = file.map(SECOND_MAPPING_AT, 2 * PAGE, arena);
            put(first, 13, unaligned);
            put(first, crossingAt, crossing);
            put(second, inSecondAt - SECOND_MAPPING_AT, inSecond);

            file.forceMapped(13, unaligned.length);
            file.forceMapped(crossingAt, crossing.length);
            file.forceMapped(inSecondAt, inSecond.length);
            file.forceMapped(FIRST_MAPPING_BYTES, 0);

            assertEquals(SECOND_MAPPING_AT + 2L * PAGE, file.size(), "mapping extends the file");
        }
        assertArrayEquals(unaligned, readFresh(path, 13, unaligned.length));
        assertArrayEquals(crossing, readFresh(path, crossingAt, crossing.length));
        assertArrayEquals(inSecond, readFresh(path, inSecondAt, inSecond.length));
    }

    @Test
    void a_range_not_covered_by_a_live_mapping_falls_back_to_a_full_force() throws IOException {
        Path path = dir.resolve("mapped.bin");
        byte[] mapped = randomBytes(200);
        byte[] written = randomBytes(50);
        try (StorageFile file = io.open(path, FileIO.OpenMode.CREATE_NEW)) {
            try (Arena arena = Arena.ofConfined()) {
                put(file.map(0, FIRST_MAPPING_BYTES, arena), 500, mapped);
            }
            file.write(ByteBuffer.wrap(written), FIRST_MAPPING_BYTES + 10L);
            // The mapping is gone, and the second range lies beyond any mapping there ever was.
            file.forceMapped(500, mapped.length);
            file.forceMapped(FIRST_MAPPING_BYTES + 10L, written.length);
            // Partly covered: the live mapping ends inside the range.
            try (Arena arena = Arena.ofConfined()) {
                file.map(0, PAGE, arena);
                file.forceMapped(PAGE - 10, 20);
            }
        }
        assertArrayEquals(mapped, readFresh(path, 500, mapped.length));
        assertArrayEquals(written, readFresh(path, FIRST_MAPPING_BYTES + 10L, written.length));
    }

    @Test
    void a_negative_or_overflowing_range_is_refused() throws IOException {
        try (StorageFile file = io.open(dir.resolve("f.bin"), FileIO.OpenMode.CREATE_NEW)) {
            assertThrows(IllegalArgumentException.class, () -> file.forceMapped(-1, 1));
            assertThrows(IllegalArgumentException.class, () -> file.forceMapped(0, -1));
            assertThrows(IllegalArgumentException.class, () -> file.forceMapped(Long.MAX_VALUE, 1));
        }
    }
}

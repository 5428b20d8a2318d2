package dev.vaylix.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fault model's {@link StorageFile#forceMapped}: exactly its range (and the size) becomes durable. */
class FaultyFileIOTest {

    private static final Path DIR = Path.of("/faulty/dir");
    private static final Path FILE = DIR.resolve("mapped.bin");
    private static final int MAPPED_BYTES = 8 * FaultyFileIO.SECTOR_BYTES;
    /** Synced: bytes [100, 400), inside sector 0. */
    private static final int SYNCED_AT = 100;
    /** Unsynced: bytes [2048, 2560), exactly sector 4. */
    private static final int UNSYNCED_AT = 4 * FaultyFileIO.SECTOR_BYTES;

    private final FaultyFileIO fs = new FaultyFileIO();

    private StorageFile newFile() throws IOException {
        fs.createDirectories(DIR);
        StorageFile file = fs.open(FILE, FileIO.OpenMode.CREATE_NEW);
        fs.syncDirectory(DIR);
        return file;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static void put(MemorySegment mapping, long at, byte[] bytes) {
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, mapping, at, bytes.length);
    }

    private static byte[] slice(byte[] content, int from, int length) {
        return Arrays.copyOfRange(content, from, from + length);
    }

    /** Maps the file, writes a synced and an unsynced run through the mapping, forces only the first. */
    private void writeTwoRunsAndForceTheFirst(Arena arena) throws IOException {
        StorageFile file = newFile();
        MemorySegment mapping = file.map(0, MAPPED_BYTES, arena);
        put(mapping, SYNCED_AT, filled(300, 0x11));
        put(mapping, UNSYNCED_AT, filled(FaultyFileIO.SECTOR_BYTES, 0x22));
        file.forceMapped(SYNCED_AT, 300);
    }

    @Test
    void a_crash_after_a_ranged_force_keeps_the_range_and_the_size_and_loses_a_write_outside_it() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            writeTwoRunsAndForceTheFirst(arena);
        }
        byte[] after = fs.crash(FaultyFileIO.CrashMode.LOSE_UNSYNCED, new Random(1)).content(FILE);

        assertEquals(MAPPED_BYTES, after.length, "the size is part of what the ranged force makes durable");
        assertArrayEquals(filled(300, 0x11), slice(after, SYNCED_AT, 300));
        assertArrayEquals(new byte[FaultyFileIO.SECTOR_BYTES], slice(after, UNSYNCED_AT, FaultyFileIO.SECTOR_BYTES),
                "the write outside the range was never synced");
    }

    @Test
    void a_torn_crash_after_a_ranged_force_always_keeps_the_range_and_sometimes_loses_the_rest() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            writeTwoRunsAndForceTheFirst(arena);
        }
        int lost = 0;
        int kept = 0;
        for (long seed = 0; seed < 64; seed++) {
            byte[] after = fs.crash(FaultyFileIO.CrashMode.TORN, new Random(seed)).content(FILE);
            assertArrayEquals(filled(300, 0x11), slice(after, SYNCED_AT, 300), "seed " + seed);
            byte[] unsynced = slice(after, UNSYNCED_AT, FaultyFileIO.SECTOR_BYTES);
            if (Arrays.equals(unsynced, new byte[unsynced.length])) {
                lost++;
            } else {
                assertArrayEquals(filled(FaultyFileIO.SECTOR_BYTES, 0x22), unsynced, "a sector survives whole or not at all");
                kept++;
            }
        }
        assertTrue(lost > 0 && kept > 0, "unsynced sector lost " + lost + " times, kept " + kept + " times");
    }

    @Test
    void a_ranged_force_with_no_live_mapping_falls_back_to_a_full_force() throws IOException {
        StorageFile file = newFile();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mapping = file.map(0, MAPPED_BYTES, arena);
            put(mapping, UNSYNCED_AT, filled(10, 0x33));
        }
        file.forceMapped(0, 1);

        byte[] after = fs.crash(FaultyFileIO.CrashMode.LOSE_UNSYNCED, new Random(1)).content(FILE);
        assertArrayEquals(filled(10, 0x33), slice(after, UNSYNCED_AT, 10), "the whole file was forced");
    }

    @Test
    void a_ranged_force_over_bytes_written_with_write_is_refused_by_the_model() throws IOException {
        StorageFile file = newFile();
        file.write(ByteBuffer.wrap(filled(100, 0x44)), 0);
        try (Arena arena = Arena.ofConfined()) {
            file.map(0, MAPPED_BYTES, arena);
            assertThrows(IllegalStateException.class, () -> file.forceMapped(50, 10));
            file.force();
            file.forceMapped(50, 10);
        }
    }

    @Test
    void an_injected_fsync_failure_can_hit_a_ranged_force() throws IOException {
        StorageFile file = newFile();
        try (Arena arena = Arena.ofConfined()) {
            file.map(0, MAPPED_BYTES, arena);
            fs.failForce(1);
            IOException failure = assertThrows(IOException.class, () -> file.forceMapped(0, 10));
            assertTrue(failure.getMessage().contains("EIO"), failure.getMessage());
            assertThrows(IllegalArgumentException.class, () -> file.forceMapped(-1, 10));
        }
    }
}

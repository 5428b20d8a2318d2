package dev.vaylix.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RecordFormatTest {

    static ByteSource source(byte[] bytes) {
        return new ByteSource() {
            @Override
            public Path path() {
                return Path.of("memory");
            }

            @Override
            public int read(ByteBuffer dst, long position) {
                int n = (int) Math.min(dst.remaining(), Math.max(0, bytes.length - position));
                dst.put(bytes, (int) position, n);
                return n;
            }
        };
    }

    static byte[] record(RecordType type, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(RecordFormat.HEADER_BYTES + data.length);
        int start = RecordFormat.begin(out, type);
        out.put(data);
        RecordFormat.finish(out, start);
        return out.array();
    }

    @Example
    void the_header_is_length_crc_and_type_in_nine_little_endian_bytes() {
        byte[] bytes = record(RecordType.WAL_ENTRY, new byte[] {7, 8, 9});
        assertEquals(9, RecordFormat.HEADER_BYTES);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, in.getInt(0));
        assertEquals(RecordType.WAL_ENTRY.code(), bytes[8]);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, 4);
        crc.update(bytes, 8, 4);
        assertEquals((int) crc.getValue(), in.getInt(4));
    }

    @Property
    void records_read_back_as_written(@ForAll @Size(min = 1, max = 5) java.util.List<@Size(min = 1, max = 300) byte[]> datas)
            throws IOException {
        ByteBuffer file = ByteBuffer.allocate(datas.stream().mapToInt(d -> d.length + 9).sum());
        for (byte[] data : datas) {
            file.put(record(RecordType.WAL_COMMIT, data));
        }
        RecordScanner scanner = new RecordScanner(source(file.array()), 0, file.capacity());
        for (byte[] data : datas) {
            RecordScanner.Found found = assertInstanceOf(RecordScanner.Found.class, scanner.next());
            byte[] read = new byte[found.data().remaining()];
            found.data().get(read);
            assertArrayEquals(data, read);
            assertEquals(RecordType.WAL_COMMIT.code(), found.typeCode());
        }
        assertEquals(RecordScanner.Stop.END, assertInstanceOf(RecordScanner.Stopped.class, scanner.next()).reason());
    }

    @Property
    void any_flipped_bit_stops_the_scan_at_that_record(@ForAll @Size(min = 1, max = 200) byte[] data,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int where,
                                                       @ForAll @IntRange(min = 0, max = 7) int bit) throws IOException {
        byte[] bytes = record(RecordType.WAL_ENTRY, data);
        int at = where % bytes.length;
        bytes[at] ^= (byte) (1 << bit);
        RecordScanner.Step step = new RecordScanner(source(bytes), 0, bytes.length).next();
        RecordScanner.Stopped stopped = assertInstanceOf(RecordScanner.Stopped.class, step, "flip at " + at);
        assertEquals(0, stopped.offset());
        assertNotEquals(RecordScanner.Stop.END, stopped.reason());
    }

    @Example
    void zeroes_read_as_no_record_and_a_cut_record_as_truncated() throws IOException {
        assertEquals(RecordScanner.Stop.ZERO_LENGTH,
                ((RecordScanner.Stopped) new RecordScanner(source(new byte[64]), 0, 64).next()).reason());
        byte[] bytes = record(RecordType.WAL_ENTRY, new byte[40]);
        assertEquals(RecordScanner.Stop.TRUNCATED,
                ((RecordScanner.Stopped) new RecordScanner(source(bytes), 0, bytes.length - 1).next()).reason());
        assertEquals(RecordScanner.Stop.TRUNCATED, ((RecordScanner.Stopped) new RecordScanner(source(bytes), 0, 5).next()).reason());
    }
}

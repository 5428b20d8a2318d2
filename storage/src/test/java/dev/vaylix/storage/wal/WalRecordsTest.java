package dev.vaylix.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.AEADBadTagException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** How a batch is cut into entry records, and what an entry record holds. */
class WalRecordsTest {

    private static final byte[] KEY = new byte[RecordCipher.KEY_BYTES];
    private static final RecordCipher CIPHER = RecordCipher.forFile(KEY,
            FileHeader.create(FileKind.WAL_SEGMENT, FileHeader.CIPHER_AES_256_GCM, new byte[16], 1, 1, 0));

    private static List<LogEntry> batch(int... payloadSizes) {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < payloadSizes.length; i++) {
            byte[] payload = new byte[payloadSizes[i]];
            new SecureRandom().nextBytes(payload);
            out.add(new LogEntry(10 + i, 3, EntryKind.COMMAND, 5_000 + i, Bytes.wrapUnsafe(payload)));
        }
        return out;
    }

    @Property(tries = 200)
    void groups_cover_the_batch_in_order_within_their_bounds(
            @ForAll @Size(min = 1, max = 3_000) List<@IntRange(min = 0, max = 70_000) Integer> sizes) {
        List<LogEntry> entries = batch(sizes.stream().mapToInt(i -> i % 7 == 0 ? i : i / 64).toArray());
        int from = 0;
        long expectedBytes = 0;
        while (from < entries.size()) {
            int end = WalRecords.groupEnd(entries, from);
            assertTrue(end > from && end <= entries.size());
            assertTrue(end - from <= WalRecords.GROUP_ENTRIES_MAX);
            long payload = entries.subList(from, end).stream().mapToLong(e -> e.payload().length()).sum();
            assertTrue(end - from == 1 || payload <= WalRecords.GROUP_PAYLOAD_BYTES, "group payload " + payload);
            // Maximal: the next entry would not have fitted.
            if (end < entries.size() && end - from < WalRecords.GROUP_ENTRIES_MAX) {
                assertTrue(payload + entries.get(end).payload().length() > WalRecords.GROUP_PAYLOAD_BYTES);
            }
            expectedBytes += RecordFormat.recordBytes(WalRecords.GROUP_META_FIXED_BYTES
                    + (long) WalRecords.ENTRY_META_BYTES * (end - from) + payload + RecordCipher.TAG_BYTES);
            from = end;
        }
        assertEquals(expectedBytes, WalRecords.entryRecordsBytes(entries));
    }

    @Test
    void a_group_round_trips_and_is_bound_to_its_offset() throws Exception {
        List<LogEntry> entries = batch(0, 17, 300, 1);
        ByteBuffer out = ByteBuffer.allocate((int) WalRecords.entryRecordsBytes(entries)).order(ByteOrder.LITTLE_ENDIAN);
        WalRecords.writeGroup(out, CIPHER, 4_096, entries, 0, entries.size());
        assertEquals(out.capacity(), out.position(), "the size formula matches what is written");
        ByteBuffer data = out.slice(RecordFormat.HEADER_BYTES, out.capacity() - RecordFormat.HEADER_BYTES);
        WalRecords.GroupMeta meta = WalRecords.groupMeta(data);
        assertNotNull(meta);
        assertEquals(10, meta.firstIndex());
        assertEquals(13, meta.lastIndex());
        WalRecords.Group group = WalRecords.openGroup(data, meta, CIPHER, 4_096);
        for (LogEntry entry : entries) {
            assertEquals(entry, group.entry(entry.index()));
        }
        assertThrows(AEADBadTagException.class, () -> WalRecords.openGroup(data, meta, CIPHER, 4_096 + out.capacity()));
    }

    @Test
    void malformed_group_metadata_is_refused() {
        List<LogEntry> entries = batch(5, 6);
        ByteBuffer out = ByteBuffer.allocate((int) WalRecords.entryRecordsBytes(entries)).order(ByteOrder.LITTLE_ENDIAN);
        // A different offset from the other test's: JCE (rightly) refuses a repeated key and nonce.
        WalRecords.writeGroup(out, CIPHER, 8_192, entries, 0, 2);
        byte[] good = new byte[out.capacity() - RecordFormat.HEADER_BYTES];
        out.get(RecordFormat.HEADER_BYTES, good);
        assertNotNull(WalRecords.groupMeta(ByteBuffer.wrap(good)));
        int firstEntryMeta = WalRecords.GROUP_META_FIXED_BYTES;
        assertNull(WalRecords.groupMeta(with(good, 8, new byte[] {0, 0, 0, 0})), "no entries");
        assertNull(WalRecords.groupMeta(with(good, 8, new byte[] {3, 0, 0, 0})), "more entries than the record holds");
        assertNull(WalRecords.groupMeta(with(good, 0, new byte[8])), "index 0");
        assertNull(WalRecords.groupMeta(with(good, firstEntryMeta + 8, new byte[] {9})), "unknown kind");
        assertNull(WalRecords.groupMeta(with(good, firstEntryMeta + 17, new byte[] {6, 0, 0, 0})), "lengths do not add up");
        assertNull(WalRecords.groupMeta(with(good, firstEntryMeta + WalRecords.ENTRY_META_BYTES, new byte[] {2, 0, 0, 0, 0, 0, 0, 0})),
                "term decreasing inside the group");
        assertArrayEquals(new long[] {3, 3}, WalRecords.groupMeta(ByteBuffer.wrap(good)).terms());
    }

    private static ByteBuffer with(byte[] data, int at, byte[] patch) {
        byte[] copy = data.clone();
        System.arraycopy(patch, 0, copy, at, patch.length);
        return ByteBuffer.wrap(copy);
    }
}

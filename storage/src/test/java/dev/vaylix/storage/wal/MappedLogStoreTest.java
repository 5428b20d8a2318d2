package dev.vaylix.storage.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log store contract on the memory-mapped backend, and what is particular to it. */
class MappedLogStoreTest extends LogStoreContract {
    @Override
    WalOptions.Backend backend() {
        return WalOptions.Backend.MAPPED;
    }

    @Test
    void a_mapped_segment_holds_at_most_32_mib_even_when_segments_may_be_larger() throws Exception {
        byte[] payload = new byte[60 << 10];
        List<LogEntry> batch = new ArrayList<>();
        try (LogStore log = open(options(SyncPolicy.FLUSH).withSegmentSizeBytes(WalOptions.DEFAULT_SEGMENT_SIZE_BYTES))) {
            long index = 1;
            // 40 MiB in batches of 16 entries of 60 KiB: more than one mapped segment holds.
            for (int b = 0; b < 43; b++) {
                batch.clear();
                for (int i = 0; i < 16; i++, index++) {
                    batch.add(new LogEntry(index, 1, EntryKind.COMMAND, 0, Bytes.wrapUnsafe(payload)));
                }
                log.append(batch, HardState.INITIAL);
            }
            assertEquals(index - 1, log.lastIndex());
            assertEquals(batch, log.entries(index - 16, index, Long.MAX_VALUE));
        }
        List<String> files = walFiles();
        assertTrue(files.size() >= 2, "rotated before 40 MiB: " + files);
        for (String name : files) {
            long size = Files.size(dir.resolve("wal").resolve(name));
            assertTrue(size <= WalOptions.MAPPED_SEGMENT_BYTES_MAX, name + " is " + size + " bytes");
        }
    }
}

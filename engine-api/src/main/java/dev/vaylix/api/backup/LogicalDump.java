package dev.vaylix.api.backup;

import java.util.List;

/**
 * A parsed logical dump, v1 or v2 (STORAGE.md §11.1–11.2).
 *
 * @param version             1 or 2
 * @param createdAtMs         when the dump was taken (u64)
 * @param sourceEngineVersion the engine schema version that wrote it (u32)
 * @param sourceSequence      the applied log index it reflects (u64)
 * @param entries             in document order; duplicates are kept (a restore lets the later win)
 */
public record LogicalDump(int version, long createdAtMs, long sourceEngineVersion, long sourceSequence,
                          List<DumpEntry> entries) {
    public LogicalDump {
        entries = List.copyOf(entries);
    }

    /** Entries live at {@code nowMs}. */
    public long liveCount(long nowMs) {
        return entries.stream().filter(entry -> entry.isLiveAt(nowMs)).count();
    }
}

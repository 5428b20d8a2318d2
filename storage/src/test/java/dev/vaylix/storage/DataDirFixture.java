package dev.vaylix.storage;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.testing.TestClock;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds data directories for recovery and offline-tool tests: entry {@code i} is the command
 * {@code "set k<i % 4> v<i>"} in term 1 with leader time {@code 10_000 + 1000 i}, and a snapshot at
 * index {@code s} holds the sorted {@code k=v} lines of entries {@code 1..s}.
 */
public final class DataDirFixture {

    public static final long BASE_TIME_MS = 10_000;

    private DataDirFixture() {
    }

    public static StorageConfig config(FileIO io, Path dir) {
        return new StorageConfig(dir, io, Optional.empty(), WalOptions.DEFAULTS.withSegmentSizeBytes(2048), new TestClock(1_700_000_000_000L));
    }

    public static LogEntry command(long index) {
        return new LogEntry(index, 1, EntryKind.COMMAND, timeOf(index), Bytes.utf8("set k" + (index % 4) + " v" + index));
    }

    public static long timeOf(long index) {
        return BASE_TIME_MS + 1000 * index;
    }

    /** The state after entries {@code 1..index}, in the snapshot encoding. */
    public static Bytes stateAfter(long index) {
        TreeMap<String, String> state = new TreeMap<>();
        for (long i = 1; i <= index; i++) {
            state.put("k" + (i % 4), "v" + i);
        }
        StringBuilder out = new StringBuilder();
        state.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return Bytes.utf8(out.toString());
    }

    /**
     * Writes entries {@code 1..entries} (committed up to {@code committed}), and if
     * {@code snapshotIndex > 0} a snapshot there followed by compaction; closes everything.
     */
    public static void build(StorageConfig config, long entries, long committed, long snapshotIndex) {
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            List<LogEntry> batch = new ArrayList<>();
            for (long i = 1; i <= entries; i++) {
                batch.add(command(i));
                if (batch.size() == 3 || i == entries) {
                    storage.log().append(batch, new HardState(1, "n1", Math.min(committed, i)));
                    batch.clear();
                }
            }
            if (snapshotIndex > 0) {
                storage.snapshots().write(snapshotIndex, 1, Bytes.utf8("members-a"), timeOf(snapshotIndex), stateAfter(snapshotIndex));
                storage.log().compact(snapshotIndex, 1);
            }
        }
    }
}

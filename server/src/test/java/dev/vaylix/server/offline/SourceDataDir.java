package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.EngineSnapshot;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.engine.memory.MemoryEngine;
import dev.vaylix.server.testing.ManualClock;
import dev.vaylix.storage.RecoveredSnapshot;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real data directory written through the storage module, with real engine payloads: entry
 * {@code i} sets {@code k<i % 4>} to {@code v<i>} (leader time {@link #timeOf}), except entry 7, a
 * membership change to {@code members-b}; term 1; committed up to 11 of 12; a snapshot of the
 * engine at 5 (membership {@code members-a}); small segments so there are several.
 */
final class SourceDataDir {

    static final long LAST_INDEX = 12;
    static final long COMMITTED = 11;
    static final long SNAPSHOT_INDEX = 5;

    private SourceDataDir() {
    }

    static StorageConfig config(Path dir) {
        return new StorageConfig(dir, new ChannelFileIO(), Optional.empty(), WalOptions.DEFAULTS.withSegmentSizeBytes(2048),
                ManualClock.started());
    }

    static long timeOf(long index) {
        return 1_700_000_000_000L + 1000 * index;
    }

    static LogEntry entry(long index) {
        if (index == 7) {
            return new LogEntry(index, 1, EntryKind.CONFIG, timeOf(index), Bytes.utf8("members-b"));
        }
        Command set = Command.Set.of(Key.of("k" + (index % 4)), Bytes.utf8("v" + index));
        return new LogEntry(index, 1, EntryKind.COMMAND, timeOf(index), WriteBatchCodec.encode(new WriteBatch.Single(set)));
    }

    static void build(StorageConfig config) {
        MemoryEngine engine = new MemoryEngine();
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            for (long i = 1; i <= LAST_INDEX; i++) {
                LogEntry entry = entry(i);
                engine.applyEntry(entry);
                storage.log().append(List.of(entry), new HardState(1, "n1", Math.min(COMMITTED, i)));
                if (i == SNAPSHOT_INDEX) {
                    storage.snapshots().write(i, 1, Bytes.utf8("members-a"), timeOf(i), engine.snapshot().state());
                    storage.log().compact(i, 1);
                }
            }
        }
    }

    /** The key/value pairs after entries {@code 1..index}. */
    static Map<String, String> expectedAfter(long index) {
        Map<String, String> out = new TreeMap<>();
        for (long i = 1; i <= index; i++) {
            if (i != 7) {
                out.put("k" + (i % 4), "v" + i);
            }
        }
        return out;
    }

    /** The key/value pairs of a data directory's snapshot, read back through the engine. */
    static Map<String, String> snapshotState(StorageConfig config) {
        try (RecoveredStorage storage = StorageRecovery.openReadOnly(config)) {
            RecoveredSnapshot snapshot = storage.snapshot().orElseThrow();
            MemoryEngine engine = new MemoryEngine();
            engine.restore(new EngineSnapshot(snapshot.meta().index(), snapshot.data()));
            Map<String, String> out = new TreeMap<>();
            for (int k = 0; k < 4; k++) {
                if (engine.read(new Command.Get(Key.of("k" + k)), 0) instanceof Reply.Data data) {
                    out.put("k" + k, data.value().utf8String());
                }
            }
            return out;
        }
    }

    /** Name, content and modification time of everything below {@code dir}. */
    static Map<String, String> fingerprint(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                String content = Files.isRegularFile(file) ? Bytes.wrapUnsafe(Files.readAllBytes(file)).toHex() : "dir";
                out.put(dir.relativize(file).toString(), modified + " " + content);
            }
        }
        return out;
    }
}

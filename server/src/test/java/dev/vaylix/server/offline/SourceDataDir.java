package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.state.LogPayload;
import dev.vaylix.server.state.VaylixStateMachine;
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
 * A real data directory written through the storage module exactly as the server writes one
 * (payloads of docs/LOG_PAYLOAD.md, snapshots of {@link VaylixStateMachine}): entry {@code i} sets
 * {@code k<i % 4>} to {@code v<i>} (tag 0x01, leader time {@link #timeOf}), except entry 3, which
 * creates role {@value #ROLE} (tag 0x02), and entry 7, a membership change to {@link #MEMBERS_B}; term 1;
 * committed up to 11 of 12; a snapshot at 5 (membership {@link #MEMBERS_A}); small segments so there are
 * several.
 */
final class SourceDataDir {

    static final long LAST_INDEX = 12;
    static final long COMMITTED = 11;
    static final long SNAPSHOT_INDEX = 5;
    static final String ROLE = "auditors";
    static final Bytes MEMBERS_A = ConfigurationCodec.encode(Configuration.ofVoters("n1"));
    static final Bytes MEMBERS_B = ConfigurationCodec.encode(Configuration.ofVoters("n1", "n2"));

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
            return new LogEntry(index, 1, EntryKind.CONFIG, timeOf(index), MEMBERS_B);
        }
        if (index == 3) {
            return new LogEntry(index, 1, EntryKind.COMMAND, timeOf(index), LogPayload.auth(new AuthMutation.CreateRole(ROLE)));
        }
        Command set = Command.Set.of(Key.of("k" + (index % 4)), Bytes.utf8("v" + index));
        return new LogEntry(index, 1, EntryKind.COMMAND, timeOf(index), LogPayload.data(new WriteBatch.Single(set)));
    }

    static void build(StorageConfig config) {
        VaylixStateMachine machine = new VaylixStateMachine();
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            for (long i = 1; i <= LAST_INDEX; i++) {
                LogEntry entry = entry(i);
                machine.apply(entry);
                storage.log().append(List.of(entry), new HardState(1, "n1", Math.min(COMMITTED, i)));
                if (i == SNAPSHOT_INDEX) {
                    storage.snapshots().write(i, 1, MEMBERS_A, timeOf(i), machine.snapshot());
                    storage.log().compact(i, 1);
                }
            }
        }
    }

    /** The key/value pairs after entries {@code 1..index}. */
    static Map<String, String> expectedAfter(long index) {
        Map<String, String> out = new TreeMap<>();
        for (long i = 1; i <= index; i++) {
            if (i != 3 && i != 7) {
                out.put("k" + (i % 4), "v" + i);
            }
        }
        return out;
    }

    /** The state of a data directory's snapshot, read back through the server's state machine. */
    static VaylixStateMachine snapshotMachine(StorageConfig config) {
        try (RecoveredStorage storage = StorageRecovery.openReadOnly(config)) {
            RecoveredSnapshot snapshot = storage.snapshot().orElseThrow();
            VaylixStateMachine machine = new VaylixStateMachine();
            machine.restore(snapshot.meta().index(), snapshot.data());
            return machine;
        }
    }

    /** The key/value pairs of a data directory's snapshot. */
    static Map<String, String> snapshotState(StorageConfig config) {
        VaylixStateMachine machine = snapshotMachine(config);
        Map<String, String> out = new TreeMap<>();
        for (int k = 0; k < 4; k++) {
            if (machine.engine().read(new Command.Get(Key.of("k" + k)), 0) instanceof Reply.Data data) {
                out.put("k" + k, data.value().utf8String());
            }
        }
        return out;
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

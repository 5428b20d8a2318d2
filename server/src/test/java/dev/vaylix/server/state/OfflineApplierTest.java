package dev.vaylix.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.storage.RecoveredSnapshot;
import dev.vaylix.storage.offline.EntryApplier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state machine the offline tools replay the log into (point-in-time restore, verify). */
class OfflineApplierTest {

    private static LogEntry set(long index, String value) {
        return new LogEntry(index, 1, EntryKind.COMMAND, 1_000 + index,
                LogPayload.data(WriteBatch.single(Command.Set.of(Key.of("k"), Bytes.utf8(value)))));
    }

    @Test
    void replaysEntriesAfterTheSnapshotAndTracksTheMembership() {
        Bytes single = ConfigurationCodec.encode(Configuration.ofVoters("n1"));
        EntryApplier fresh = OfflineApplier.forSingleNode("n1").open(Optional.empty());
        assertEquals(single, fresh.membership(), "without snapshot or CONFIG entry: the bootstrap configuration");
        fresh.apply(set(1, "a"));
        Bytes two = ConfigurationCodec.encode(Configuration.ofVoters("n1", "n2"));
        fresh.apply(new LogEntry(2, 1, EntryKind.CONFIG, 1_002, two));
        assertEquals(two, fresh.membership());
        assertThrows(IllegalStateException.class, () -> fresh.apply(set(4, "gap")));

        SnapshotMeta meta = new SnapshotMeta(2, 1, two, 1_002, 0, Bytes.EMPTY, "key");
        EntryApplier resumed = OfflineApplier.forSingleNode("n1").open(Optional.of(new RecoveredSnapshot(meta, fresh.snapshot())));
        assertEquals(two, resumed.membership(), "the snapshot's membership");
        resumed.apply(set(3, "b"));
        VaylixStateMachine restored = new VaylixStateMachine();
        restored.restore(3, resumed.snapshot());
        assertEquals(Reply.Data.utf8("b"), restored.engine().read(new Command.Get(Key.of("k")), 2_000));
    }
}

package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Values with NUL bytes and invalid UTF-8 survive every path a value takes: the log payload, the
 * engine, a snapshot and a logical backup restored through RESTORE.
 */
class BinaryValuesTest {

    @Property(tries = 200)
    void binary_values_round_trip_through_log_snapshot_and_backup(@ForAll("binaryValues") List<Bytes> values) {
        List<KeyValue> pairs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            pairs.add(new KeyValue(Key.of("k\u0000" + i), values.get(i)));
        }
        MemoryEngine engine = new MemoryEngine();
        Bytes payload = WriteBatchCodec.encode(new WriteBatch.Single(new Command.MSet(pairs)));
        engine.applyEntry(new LogEntry(1, 1, EntryKind.COMMAND, 1_000, payload));
        for (KeyValue pair : pairs) {
            assertEquals(new Reply.Data(pair.value()), engine.read(new Command.Get(pair.key()), 1_000));
        }

        MemoryEngine fromSnapshot = new MemoryEngine();
        fromSnapshot.restore(engine.snapshot());
        assertEquals(engine.storedEntries(), fromSnapshot.storedEntries());

        byte[] dump = ((Reply.Data) engine.read(new Command.Backup(), 1_000)).value().toByteArray();
        assertEquals(values.size(), LogicalBackup.verify(dump, 1_000).liveEntries());
        MemoryEngine fromBackup = new MemoryEngine();
        fromBackup.apply(1, 1_000, new WriteBatch.Single(new Command.Restore(new String(dump, StandardCharsets.UTF_8))));
        assertEquals(engine.storedEntries(), fromBackup.storedEntries());
    }

    @Provide
    Arbitrary<List<Bytes>> binaryValues() {
        Arbitrary<Bytes> tricky = Arbitraries.of(Bytes.fromHex("00"), Bytes.fromHex("ff"), Bytes.fromHex("c0af"),
                Bytes.fromHex("eda080"), Bytes.fromHex("f4908080"), Bytes.fromHex("e282"), Bytes.EMPTY, Bytes.fromHex("00e282ac00"));
        Arbitrary<Bytes> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(Bytes::of);
        return Arbitraries.oneOf(tricky, random).list().ofMinSize(1).ofMaxSize(6);
    }
}

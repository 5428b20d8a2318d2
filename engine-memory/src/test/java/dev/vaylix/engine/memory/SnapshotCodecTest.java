package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.EngineSnapshot;
import dev.vaylix.api.reply.Reply;
import java.io.IOException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Engine snapshots: round trip, exact header, and refusal of malformed images. */
class SnapshotCodecTest {

    private static EngineDriver populated() {
        EngineDriver driver = new EngineDriver(1_000);
        driver.apply(Command.Set.of(key("bin"), Bytes.fromHex("00ff00c0af")));
        driver.apply(set("ttl", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(30), false, false));
        driver.apply(set("😀", "emoji"));
        driver.apply(set("😀", "again"));
        driver.at(900).apply(new Command.Incr(key("n")));
        return driver;
    }

    @Test
    void restore_of_a_snapshot_reproduces_keys_versions_expiries_index_and_clock() {
        EngineDriver source = populated();
        EngineSnapshot snapshot = source.engine.snapshot();
        assertEquals(5, snapshot.appliedIndex());
        MemoryEngine target = new MemoryEngine();
        target.restore(snapshot);
        assertEquals(source.engine.storedEntries(), target.storedEntries());
        assertEquals(5, target.appliedIndex());
        assertEquals(1_000, target.clockMs(), "the clock is part of the state");
        assertEquals(new Reply.Int(30), target.read(new Command.Ttl(key("ttl")), 0));
        assertEquals(snapshot, target.snapshot(), "encoding is deterministic");
    }

    @Test
    void a_restored_replica_continues_exactly_like_the_original() {
        EngineDriver source = populated();
        MemoryEngine replica = new MemoryEngine();
        replica.restore(source.engine.snapshot());
        Command.Set write = set("ttl", "w", SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, true, false);
        source.apply(write);
        replica.apply(6, 0, new dev.vaylix.api.engine.WriteBatch.Single(write));
        assertEquals(source.engine.snapshot(), replica.snapshot());
    }

    @Test
    void the_header_names_format_version_index_clock_and_count() throws IOException {
        EngineSnapshot snapshot = new MemoryEngine().snapshot();
        try (var in = MessagePack.newDefaultUnpacker(snapshot.state().toByteArray())) {
            assertEquals(5, in.unpackMapHeader());
            assertEquals("format", in.unpackString());
            assertEquals("vaylix-engine-memory", in.unpackString());
            assertEquals("format_version", in.unpackString());
            assertEquals(1, in.unpackInt());
            assertEquals("applied_index", in.unpackString());
            assertEquals(0, in.unpackLong());
            assertEquals("clock_ms", in.unpackString());
            assertEquals(0, in.unpackLong());
            assertEquals("key_count", in.unpackString());
            assertEquals(0, in.unpackLong());
            assertTrue(!in.hasNext());
        }
    }

    @Test
    void u64_fields_above_2_to_the_63_round_trip() {
        MemoryEngine engine = new MemoryEngine();
        engine.apply(1, -2L, new dev.vaylix.api.engine.WriteBatch.Single(set("k", "v", SetCondition.NONE,
                OptionalLong.empty(), Expiration.millis(1), false, false)));
        MemoryEngine copy = new MemoryEngine();
        copy.restore(engine.snapshot());
        assertEquals(-2L, copy.clockMs());
        assertEquals(-1L, copy.storedEntries().getFirst().getValue().expiresAtMs());
    }

    @Test
    void every_truncation_is_refused_with_eng_004_and_changes_nothing() {
        EngineSnapshot snapshot = populated().engine.snapshot();
        MemoryEngine target = new MemoryEngine();
        target.apply(1, 0, new dev.vaylix.api.engine.WriteBatch.Single(set("keep", "me")));
        for (int length = 0; length < snapshot.state().length(); length++) {
            EngineSnapshot truncated = new EngineSnapshot(snapshot.appliedIndex(), snapshot.state().slice(0, length));
            VaylixException e = assertThrows(VaylixException.class, () -> target.restore(truncated), "length " + length);
            assertEquals(ErrorCode.ENG_004, e.code());
        }
        assertEquals(1, target.appliedIndex());
    }

    @Test
    void trailing_bytes_and_a_mislabelled_index_are_refused() {
        EngineSnapshot snapshot = populated().engine.snapshot();
        MemoryEngine target = new MemoryEngine();
        EngineSnapshot trailing = new EngineSnapshot(snapshot.appliedIndex(), snapshot.state().concat(Bytes.fromHex("c0")));
        assertEquals(ErrorCode.ENG_004, assertThrows(VaylixException.class, () -> target.restore(trailing)).code());
        EngineSnapshot mislabelled = new EngineSnapshot(snapshot.appliedIndex() + 1, snapshot.state());
        assertEquals(ErrorCode.ENG_004, assertThrows(VaylixException.class, () -> target.restore(mislabelled)).code());
    }

    @Test
    void an_unknown_format_or_version_is_eng_009() throws IOException {
        assertEquals("unsupported storage format for snapshot",
                assertThrows(VaylixException.class, () -> new MemoryEngine().restore(header("vaylix-engine-mmap", 1, 0))).getMessage());
        assertEquals(ErrorCode.ENG_009,
                assertThrows(VaylixException.class, () -> new MemoryEngine().restore(header("vaylix-engine-memory", 2, 0))).code());
    }

    @Test
    void out_of_order_keys_and_expired_entries_are_refused() throws IOException {
        VaylixException order = assertThrows(VaylixException.class, () -> new MemoryEngine().restore(image(10,
                new Object[] {"b", 1L, null}, new Object[] {"a", 1L, null})));
        assertTrue(order.getMessage().contains("strictly ascending key order"), order.getMessage());
        VaylixException expired = assertThrows(VaylixException.class,
                () -> new MemoryEngine().restore(image(10, new Object[] {"a", 1L, 10L})));
        assertTrue(expired.getMessage().contains("expired at or before the snapshot clock"), expired.getMessage());
        VaylixException version = assertThrows(VaylixException.class,
                () -> new MemoryEngine().restore(image(10, new Object[] {"a", 0L, null})));
        assertTrue(version.getMessage().contains("version 0"), version.getMessage());
        MemoryEngine ok = new MemoryEngine();
        ok.restore(image(10, new Object[] {"a", 1L, 11L}));
        assertEquals(new Reply.Int(1), ok.read(new Command.Ttl(key("a")), 0));
    }

    @Test
    void a_huge_key_count_is_refused_before_allocating() throws IOException {
        VaylixException e = assertThrows(VaylixException.class,
                () -> new MemoryEngine().restore(header("vaylix-engine-memory", 1, Long.MAX_VALUE)));
        assertTrue(e.getMessage().contains("exceeds what"), e.getMessage());
    }

    private static EngineSnapshot header(String format, int version, long keyCount) throws IOException {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packMapHeader(5).packString("format").packString(format).packString("format_version").packInt(version)
                    .packString("applied_index").packLong(0).packString("clock_ms").packLong(0)
                    .packString("key_count").packLong(keyCount);
            return new EngineSnapshot(0, Bytes.of(out.toByteArray()));
        }
    }

    /** An image with clock 10 and entries {key, version, expiry-or-null}, value "v". */
    private static EngineSnapshot image(long clockMs, Object[]... entries) throws IOException {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packMapHeader(5).packString("format").packString("vaylix-engine-memory").packString("format_version")
                    .packInt(1).packString("applied_index").packLong(3).packString("clock_ms").packLong(clockMs)
                    .packString("key_count").packLong(entries.length);
            for (Object[] entry : entries) {
                out.packArrayHeader(4).packString((String) entry[0]).packBinaryHeader(1).writePayload(new byte[] {'v'});
                out.packLong((Long) entry[1]);
                if (entry[2] == null) {
                    out.packNil();
                } else {
                    out.packLong((Long) entry[2]);
                }
            }
            return new EngineSnapshot(3, Bytes.of(out.toByteArray()));
        }
    }
}

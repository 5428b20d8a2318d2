package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import org.junit.jupiter.api.Test;

/** apply() refuses indexes at or below the applied index (never re-applies what it holds). */
class ApplyIndexTest {

    private final MemoryEngine engine = new MemoryEngine();

    @Test
    void an_entry_at_the_applied_index_is_refused_with_eng_011_and_changes_nothing() {
        engine.apply(1, 0, new WriteBatch.Single(new Command.Incr(Key.of("n"))));
        VaylixException e = assertThrows(VaylixException.class,
                () -> engine.apply(1, 0, new WriteBatch.Single(new Command.Incr(Key.of("n")))));
        assertEquals(ErrorCode.ENG_011, e.code());
        assertEquals("invalid storage operation: log index 1 is at or below the applied index 1", e.getMessage());
        assertEquals(new Reply.Data(Bytes.utf8("1")), engine.read(new Command.Get(Key.of("n")), 0),
                "an INCR replayed over a state that holds it must not count twice");
    }

    @Test
    void indexes_below_the_applied_index_and_zero_are_refused() {
        engine.apply(5, 0, new WriteBatch.Noop());
        assertEquals(ErrorCode.ENG_011, assertThrows(VaylixException.class, () -> engine.apply(4, 0, new WriteBatch.Noop())).code());
        MemoryEngine fresh = new MemoryEngine();
        assertEquals(ErrorCode.ENG_011, assertThrows(VaylixException.class, () -> fresh.apply(0, 0, new WriteBatch.Noop())).code());
    }

    @Test
    void gaps_are_allowed_and_every_entry_kind_advances_the_index() {
        engine.apply(3, 0, new WriteBatch.Noop());
        engine.apply(7, 0, new WriteBatch.PurgeExpired());
        engine.apply(8, 0, new WriteBatch.Transaction(java.util.List.of()));
        assertEquals(8, engine.appliedIndex());
    }

    @Test
    void log_entries_apply_through_the_payload_codec() {
        Bytes payload = WriteBatchCodec.encode(new WriteBatch.Single(set("k", "v")));
        assertEquals(Reply.OK, engine.applyEntry(new LogEntry(1, 1, EntryKind.COMMAND, 100, payload)));
        assertEquals(Reply.OK, engine.applyEntry(new LogEntry(2, 2, EntryKind.NOOP, 200, Bytes.EMPTY)));
        assertEquals(Reply.OK, engine.applyEntry(new LogEntry(3, 2, EntryKind.CONFIG, 150, Bytes.utf8("membership"))));
        assertEquals(3, engine.appliedIndex());
        assertEquals(200, engine.clockMs());
        VaylixException corrupt = assertThrows(VaylixException.class,
                () -> engine.applyEntry(new LogEntry(4, 2, EntryKind.COMMAND, 300, Bytes.fromHex("0109"))));
        assertEquals(ErrorCode.ENG_014, corrupt.code());
        assertEquals(3, engine.appliedIndex(), "an undecodable entry is not applied");
    }

    @Test
    void a_closed_engine_refuses_every_call() {
        engine.close();
        assertThrows(IllegalStateException.class, engine::appliedIndex);
        assertThrows(IllegalStateException.class, () -> engine.read(new Command.DbSize(), 0));
        assertThrows(IllegalStateException.class, () -> engine.apply(1, 0, new WriteBatch.Noop()));
    }
}

package dev.vaylix.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.testing.Fixtures;
import org.junit.jupiter.api.Test;

class VaylixStateMachineTest {

    private static final long TIME_MS = 1_700_000_000_000L;

    private static LogEntry command(long index, Bytes payload) {
        return new LogEntry(index, 1, EntryKind.COMMAND, TIME_MS + index, payload);
    }

    private static LogEntry set(long index, String key, String value) {
        return command(index, LogPayload.data(WriteBatch.single(Command.Set.of(Key.of(key), Bytes.utf8(value)))));
    }

    private static Reply get(VaylixStateMachine machine, String key) {
        return machine.engine().read(new Command.Get(Key.of(key)), TIME_MS);
    }

    @Test
    void dataEntriesReachTheEngineAndAnswerWithItsReply() {
        VaylixStateMachine machine = new VaylixStateMachine();
        assertEquals(Reply.OK, machine.apply(new LogEntry(1, 1, EntryKind.NOOP, TIME_MS, Bytes.EMPTY)));
        assertEquals(Reply.OK, machine.apply(set(2, "k", "v")));
        assertEquals(new Reply.Int(1), machine.apply(command(3, LogPayload.data(WriteBatch.single(new Command.Incr(Key.of("n")))))));
        assertEquals(3, machine.appliedIndex());
        assertEquals(Reply.Data.utf8("v"), get(machine, "k"));
    }

    @Test
    void authEntriesChangeTheAuthStateAndAdvanceTheEngineIndexToo() {
        VaylixStateMachine machine = new VaylixStateMachine();
        String hash = Fixtures.fakePhc(7);
        assertEquals(Reply.OK, machine.apply(command(1, LogPayload.auth(new AuthMutation.CreateUser("alice", hash)))));
        assertEquals(1, machine.appliedIndex(), "every entry advances the engine's applied index");
        assertEquals(hash, machine.authState().users().get("alice").passwordHash());
        Reply duplicate = machine.apply(command(2, LogPayload.auth(new AuthMutation.CreateUser("alice", hash))));
        assertEquals("SRV-019", ((Reply.Error) duplicate).code(), "a rejection is an ordinary, replicated result");
        assertEquals(1, machine.authState().revision());
        assertEquals(2, machine.appliedIndex());
    }

    @Test
    void aSnapshotRestoresBothStatesAtItsIndex() {
        VaylixStateMachine machine = new VaylixStateMachine();
        machine.apply(set(1, "k", "v"));
        machine.apply(command(2, LogPayload.auth(new AuthMutation.CreateRole("reader"))));
        Bytes snapshot = machine.snapshot();

        VaylixStateMachine restored = new VaylixStateMachine();
        restored.restore(2, snapshot);
        assertEquals(2, restored.appliedIndex());
        assertEquals(Reply.Data.utf8("v"), get(restored, "k"));
        assertEquals(machine.authState(), restored.authState());
        assertEquals(Reply.OK, restored.apply(set(3, "k", "w")), "it continues after the snapshot");

        restored.restore(0, Bytes.EMPTY);
        assertEquals(0, restored.appliedIndex());
        assertEquals(AuthState.INITIAL, restored.authState());
        assertEquals(Reply.NOT_FOUND, get(restored, "k"));
    }

    @Test
    void aSnapshotOfAnotherIndexOrACorruptEntryStopsTheNode() {
        VaylixStateMachine machine = new VaylixStateMachine();
        machine.apply(set(1, "k", "v"));
        Bytes snapshot = machine.snapshot();
        VaylixException mislabelled = assertThrows(VaylixException.class, () -> new VaylixStateMachine().restore(5, snapshot));
        assertEquals(ErrorCode.ENG_004, mislabelled.code());
        VaylixException corrupt = assertThrows(VaylixException.class, () -> machine.apply(command(2, Bytes.fromHex("01ff"))));
        assertEquals(ErrorCode.ENG_014, corrupt.code());
        assertTrue(machine.appliedIndex() == 1, "a corrupt entry is not applied");
    }
}

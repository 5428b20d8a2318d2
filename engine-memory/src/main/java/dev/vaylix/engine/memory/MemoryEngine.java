package dev.vaylix.engine.memory;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.backup.DumpEntry;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.Engine;
import dev.vaylix.api.engine.EngineSnapshot;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The in-memory {@link Engine}: the deterministic state machine every other engine is checked
 * against.
 *
 * <p>Concurrency: the whole state is one immutable {@link State} (persistent AVL trees plus the
 * applied index and clock) behind a volatile reference. The apply thread evaluates an entry on a
 * private {@link Keyspace} that path-copies from the current state, then publishes the result with a
 * single volatile write. Readers load the reference once and work on that state: they are never
 * blocked, never block the apply thread, and can only see states between entries, so a transaction
 * is visible entirely or not at all. Snapshots serialise such a state on the caller's thread.
 * The cost is O(log n) node allocations per written key (see the JMH benchmarks).
 *
 * <p>Time: each entry is evaluated at {@code clockMs = max(clockMs, leaderTimeMs)}, so a leader whose
 * clock is behind its predecessor's cannot resurrect expired keys or move expiry backwards; reads
 * are evaluated at {@code max(nowMs, clockMs)}. There is no clock, thread or randomness in here.
 *
 * <p>Thread-safety: {@link #apply}, {@link #applyEntry} and {@link #restore} from one thread at a
 * time; everything else from any thread.
 */
public final class MemoryEngine implements Engine {

    private volatile State state = State.EMPTY;
    private volatile boolean closed;

    @Override
    public long appliedIndex() {
        return current().appliedIndex();
    }

    /** The engine clock: the maximum leader time applied so far (unsigned epoch ms). Any thread. */
    public long clockMs() {
        return current().clockMs();
    }

    @Override
    public Reply apply(long index, long leaderTimeMs, WriteBatch batch) {
        State base = current();
        if (index <= base.appliedIndex()) {
            throw ErrorCode.ENG_011.exception("log index " + index + " is at or below the applied index "
                    + base.appliedIndex());
        }
        long clockMs = Time.max(base.clockMs(), leaderTimeMs);
        Keyspace keyspace = Keyspace.writable(base, clockMs);
        int purged = keyspace.purgeExpired();
        Keyspace.Mark afterPurge = keyspace.mark();
        Reply reply;
        try {
            reply = switch (batch) {
                case WriteBatch.Single single -> applySingle(keyspace, single.command());
                case WriteBatch.Transaction transaction -> applyTransaction(keyspace, transaction.commands());
                case WriteBatch.PurgeExpired purge -> new Reply.Count(purged);
                case WriteBatch.Noop noop -> Reply.OK;
            };
        } catch (VaylixException e) {
            // All or nothing: the command's partial effects go, the expiry purge stays (it follows
            // from the entry's time alone, not from the command).
            keyspace.reset(afterPurge);
            reply = Reply.Error.of(e);
        }
        state = keyspace.toState(index, clockMs);
        return reply;
    }

    private static Reply applySingle(Keyspace keyspace, Command command) {
        if (!WriteBatchCodec.isLoggableAlone(command)) {
            throw ErrorCode.ENG_011.exception("command " + command.type() + " cannot be applied as a single log entry");
        }
        return Commands.execute(keyspace, command);
    }

    private static Reply applyTransaction(Keyspace keyspace, List<Command> commands) {
        for (Command command : commands) {
            if (!WriteBatchCodec.isQueueable(command)) {
                throw ErrorCode.ENG_017.exception();
            }
        }
        List<Reply> results = new ArrayList<>(commands.size());
        for (Command command : commands) {
            results.add(Commands.execute(keyspace, command));
        }
        return new Reply.ExecResults(results);
    }

    @Override
    public Reply read(Command command, long nowMs) {
        State snapshot = current();
        long evaluatedAtMs = Time.max(nowMs, snapshot.clockMs());
        Keyspace keyspace = Keyspace.readOnly(snapshot, evaluatedAtMs);
        return switch (command) {
            case Command.Backup backup -> new Reply.Data(Bytes.wrapUnsafe(
                    LogicalBackup.write(evaluatedAtMs, snapshot.appliedIndex(), liveEntries(keyspace))));
            case Command.GetEx getEx when !getEx.isMutating() -> Commands.execute(keyspace, getEx);
            case Command.Get c -> Commands.execute(keyspace, c);
            case Command.MGet c -> Commands.execute(keyspace, c);
            case Command.Exists c -> Commands.execute(keyspace, c);
            case Command.Ttl c -> Commands.execute(keyspace, c);
            case Command.Scan c -> Commands.execute(keyspace, c);
            case Command.DbSize c -> Commands.execute(keyspace, c);
            case Command.Count c -> Commands.execute(keyspace, c);
            case Command.ListAll c -> Commands.execute(keyspace, c);
            // The read-only set is short and listed above; every other command (writes, GETEX with
            // options, non-data commands) must go through the log or is not the engine's.
            default -> throw new IllegalArgumentException("not a read-only engine command: " + command.type());
        };
    }

    private static List<DumpEntry> liveEntries(Keyspace keyspace) {
        List<DumpEntry> entries = new ArrayList<>();
        Cursor<Key, Value> walk = keyspace.cursor(key -> true);
        for (Node<Key, Value> node = walk.next(); node != null; node = walk.next()) {
            Value value = node.value;
            if (!value.isExpiredAt(keyspace.nowMs())) {
                OptionalLong expiry = value.hasExpiry() ? OptionalLong.of(value.expiresAtMs()) : OptionalLong.empty();
                entries.add(new DumpEntry(node.key, value.data(), value.version(), expiry));
            }
        }
        return entries;
    }

    @Override
    public EngineSnapshot snapshot() {
        State snapshot = current();
        return new EngineSnapshot(snapshot.appliedIndex(), SnapshotCodec.encode(snapshot));
    }

    @Override
    public void restore(EngineSnapshot snapshot) {
        current();
        State restored = SnapshotCodec.decode(snapshot.state());
        if (restored.appliedIndex() != snapshot.appliedIndex()) {
            throw ErrorCode.ENG_004.exception("snapshot image is at index " + restored.appliedIndex()
                    + " but is labelled " + snapshot.appliedIndex());
        }
        state = restored;
    }

    @Override
    public void close() {
        closed = true;
        state = State.EMPTY;
    }

    /** Every stored key with its value, in key order: the full state, for tests and diagnostics. */
    List<Map.Entry<Key, Value>> storedEntries() {
        List<Map.Entry<Key, Value>> entries = new ArrayList<>();
        Cursor<Key, Value> walk = new Cursor<>(current().data());
        for (Node<Key, Value> node = walk.next(); node != null; node = walk.next()) {
            entries.add(Map.entry(node.key, node.value));
        }
        return entries;
    }

    State state() {
        return current();
    }

    private State current() {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        return state;
    }
}

package dev.vaylix.client.testing;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.engine.memory.MemoryEngine;
import dev.vaylix.transport.ReplyShape;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The data behind {@link FakeVaylixServer}: the real in-memory engine ({@code engine-memory}), driven the way the
 * server drives it minus the log: every write is applied as the next entry at the wall-clock time, reads go to
 * the engine's read path, a transaction is one entry. So data semantics (versions, expiry, INCR, SCAN globs,
 * atomic EXEC) are the product's. Thread-safe: one lock orders the entries.
 *
 * <p>Commands that are not the engine's (INFO, HEALTH, user and role administration, …) get a small, well-formed
 * reply of their shape, so that every command can be sent through the client end to end.
 */
public final class FakeStore {

    private final MemoryEngine engine = new MemoryEngine();
    private long index; // guarded by this

    /** Applies one command. */
    public synchronized Reply apply(Command command) {
        if (command instanceof Command.Ping ping) {
            return Reply.Data.utf8(ping.message().orElse("PONG"));
        }
        if (isRead(command)) {
            return engine.read(command, System.currentTimeMillis());
        }
        if (WriteBatchCodec.isLoggableAlone(command)) {
            return engine.apply(++index, System.currentTimeMillis(), new WriteBatch.Single(command));
        }
        return other(command);
    }

    /** Applies a transaction as one entry: EXEC results, or the error that applied none of it. */
    public synchronized Reply applyAll(List<Command> commands) {
        return engine.apply(++index, System.currentTimeMillis(), new WriteBatch.Transaction(commands));
    }

    /** The current value of {@code key}. */
    public Optional<Bytes> value(String key) {
        return engine.read(new Command.Get(Key.of(key)), System.currentTimeMillis()) instanceof Reply.Data data
                ? Optional.of(data.value()) : Optional.empty();
    }

    /** The number of live keys. */
    public long size() {
        return ((Reply.Count) engine.read(new Command.DbSize(), System.currentTimeMillis())).value();
    }

    private static boolean isRead(Command command) {
        return switch (command) {
            case Command.GetEx getEx -> !getEx.isMutating();
            case Command.Get _, Command.MGet _, Command.Exists _, Command.Ttl _, Command.Scan _, Command.DbSize _,
                 Command.Count _, Command.ListAll _, Command.Backup _ -> true;
            default -> false;
        };
    }

    private Reply other(Command command) {
        return switch (command) {
            case Command.Info _ -> new Reply.Entries(List.of(Reply.Entry.text("server.version", "0.9.0"),
                    Reply.Entry.text("storage.key_count", Long.toString(size()))));
            case Command.Health _ -> new Reply.Entries(List.of(Reply.Entry.text("status", "ready"),
                    Reply.Entry.text("ready", "true"), Reply.Entry.text("reason", "none"),
                    Reply.Entry.text("role", "standalone"), Reply.Entry.text("maintenance_mode", "false")));
            default -> switch (ReplyShape.of(command)) {
                case OK -> Reply.OK;
                case VALUE, RAW -> Reply.Data.utf8(command.type().name().toLowerCase(Locale.ROOT));
                case BOOLEAN -> Reply.TRUE;
                case COUNT -> new Reply.Count(0);
                case INTEGER -> new Reply.Int(0);
                case ENTRIES -> new Reply.Entries(List.of(Reply.Entry.text("command", command.type().name())));
                case VALUES -> new Reply.Values(List.of());
                case SCAN_PAGE -> new Reply.ScanPage(0, List.of());
                case EXEC_RESULTS -> new Reply.ExecResults(List.of());
            };
        };
    }
}

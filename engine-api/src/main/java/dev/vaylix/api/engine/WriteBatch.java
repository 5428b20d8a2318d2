package dev.vaylix.api.engine;

import dev.vaylix.api.command.Command;
import java.util.List;
import java.util.Objects;

/**
 * What one committed log entry asks the engine to apply. Every entry the engine sees advances its
 * applied index, including ones that change nothing.
 */
public sealed interface WriteBatch {

    /** One command; its reply is the command's own reply (or an error reply). */
    record Single(Command command) implements WriteBatch {
        public Single {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * EXEC: the queued commands, applied atomically against one consistent state, each seeing the
     * effects of the earlier ones. The reply is {@link dev.vaylix.api.reply.Reply.ExecResults}, or the
     * first error, in which case nothing of the batch is applied.
     */
    record Transaction(List<Command> commands) implements WriteBatch {
        public Transaction {
            commands = List.copyOf(commands);
        }
    }

    /** The periodic sweeper's entry: removes every key expired at the entry's leader time; replies with the count. */
    record PurgeExpired() implements WriteBatch {
    }

    /** Nothing for the engine (a Raft no-op or membership entry): only the applied index advances. */
    record Noop() implements WriteBatch {
    }
}

package dev.vaylix.api.engine;

import dev.vaylix.api.command.Command;
import java.util.List;
import java.util.Objects;

/**
 * What one committed log entry asks the engine to apply. Every entry the engine sees advances its
 * applied index, including ones that change nothing. {@link WriteBatchCodec} is its log encoding.
 */
public sealed interface WriteBatch {

    /** One command; its reply is the command's own reply (or an error reply). */
    record Single(Command command) implements WriteBatch {
        public Single {
            Objects.requireNonNull(command, "command");
        }
    }

    /** Shorthand for {@code new Single(command)}. */
    static Single single(Command command) {
        return new Single(command);
    }

    /** Shorthand for a transaction of {@code commands} in order. */
    static Transaction transaction(Command... commands) {
        return new Transaction(List.of(commands));
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

    /**
     * The periodic sweeper's entry. Every entry removes the keys expired at its clock (see
     * {@link Engine}); this one exists to make that happen when nothing else is written, and replies
     * with the number of keys it removed.
     */
    record PurgeExpired() implements WriteBatch {
    }

    /**
     * Nothing for the engine (a Raft no-op or membership entry): the applied index and the clock
     * advance, and keys expired at the clock are removed, like for every entry.
     */
    record Noop() implements WriteBatch {
    }
}

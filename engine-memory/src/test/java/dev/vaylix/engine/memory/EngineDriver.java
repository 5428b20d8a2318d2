package dev.vaylix.engine.memory;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drives a {@link MemoryEngine} the way the apply loop does: consecutive indexes, a leader time the
 * test sets, and every batch through {@link WriteBatchCodec} so the log payload is exercised too.
 */
final class EngineDriver {

    final MemoryEngine engine = new MemoryEngine();
    private long nextIndex = 1;
    private long leaderTimeMs;

    EngineDriver(long leaderTimeMs) {
        this.leaderTimeMs = leaderTimeMs;
    }

    EngineDriver at(long leaderTimeMs) {
        this.leaderTimeMs = leaderTimeMs;
        return this;
    }

    Reply apply(Command command) {
        return apply(new WriteBatch.Single(command));
    }

    Reply transaction(Command... commands) {
        return apply(WriteBatch.transaction(commands));
    }

    Reply apply(WriteBatch batch) {
        WriteBatch logged = WriteBatchCodec.decode(WriteBatchCodec.encode(batch));
        return engine.apply(nextIndex++, leaderTimeMs, logged);
    }

    /** A read at the current leader time. */
    Reply read(Command command) {
        return engine.read(command, leaderTimeMs);
    }

    Value stored(String key) {
        return engine.storedEntries().stream().filter(e -> e.getKey().text().equals(key))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    List<String> storedKeys() {
        return engine.storedEntries().stream().map(e -> e.getKey().text()).toList();
    }

    // ------------------------------------------------------------------ command shorthands

    static Key key(String text) {
        return Key.of(text);
    }

    static Bytes bytes(String text) {
        return Bytes.utf8(text);
    }

    static Command.Set set(String key, String value) {
        return Command.Set.of(Key.of(key), Bytes.utf8(value));
    }

    static Command.Set set(String key, String value, SetCondition condition, OptionalLong ifVersion,
                           Expiration expiration, boolean keepTtl, boolean get) {
        return new Command.Set(Key.of(key), Bytes.utf8(value), condition, ifVersion, expiration, keepTtl, get);
    }

    static Command.Get get(String key) {
        return new Command.Get(Key.of(key));
    }

    static Reply.Data data(String text) {
        return Reply.Data.utf8(text);
    }
}

package dev.vaylix.api.engine;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;

/**
 * The deterministic key/value state machine behind the Raft log. {@code engine-memory} is the
 * reference implementation every other engine is checked against.
 *
 * <p>Determinism: the result of {@link #apply} depends only on the state and the arguments. Time
 * comes from the entry's {@code leaderTimeMs}, never from a clock, so every replica computes the same
 * expiries. Because leaders change and wall clocks disagree, leader times in the log can go
 * backwards; an engine keeps a monotonic clock, {@code clockMs = max(clockMs, leaderTimeMs)} over
 * every applied entry (unsigned), and evaluates the entry at that time. The clock is part of the
 * state and of its snapshots. The engine knows nothing of users, roles or sessions.
 *
 * <p>Expiry: a key whose expiry is at or before the time of evaluation is absent. Applying any entry
 * first removes every key expired at the entry's clock, so after an apply the state holds no key
 * expired at {@code clockMs}.
 *
 * <p>Threading: one apply thread calls {@link #apply}, {@link #applyEntry} and {@link #restore};
 * {@link #read}, {@link #snapshot} and {@link #appliedIndex} may be called concurrently from any
 * number of threads and see the state between two applied entries, never a partially applied one.
 */
public interface Engine extends AutoCloseable {

    /** The index of the last applied log entry, 0 initially. Any thread. */
    long appliedIndex();

    /**
     * Applies one committed log entry. Indexes need not be contiguous (Raft configuration entries
     * may be skipped by the caller), but must increase.
     *
     * <p>A {@link WriteBatch.Single} or {@link WriteBatch.Transaction} whose command fails (ENG-015,
     * ENG-016, ENG-004, ...) changes nothing but the applied index, the clock and the removal of
     * expired keys, and its error is the reply. A command the batch kind cannot carry (see
     * {@link WriteBatchCodec#isLoggableAlone}, {@link WriteBatchCodec#isQueueable}) is answered with
     * ENG-011 (single) or ENG-017 (transaction) the same way.
     *
     * @param index        the entry's log index; must be greater than {@link #appliedIndex()}
     * @param leaderTimeMs the proposing leader's wall-clock time for this entry (unsigned epoch ms)
     * @return the reply for the client that proposed the entry: the command's reply for a single
     *         command, {@link Reply.ExecResults} for a transaction, {@link Reply.Count} of removed
     *         keys for {@link WriteBatch.PurgeExpired}, {@link Reply.Ok} for {@link WriteBatch.Noop},
     *         or a {@link Reply.Error}
     * @throws dev.vaylix.api.VaylixException ENG-011 if {@code index <= appliedIndex()}; nothing changes
     */
    Reply apply(long index, long leaderTimeMs, WriteBatch batch);

    /**
     * Applies a committed log entry: COMMAND payloads are decoded with {@link WriteBatchCodec};
     * NOOP and CONFIG entries apply as {@link WriteBatch.Noop} (they advance the index and clock).
     *
     * @throws dev.vaylix.api.VaylixException ENG-014 if a COMMAND payload does not decode (the entry
     *         is not applied: corruption that passed the log's checksums must stop the node), and
     *         everything {@link #apply} throws
     */
    default Reply applyEntry(LogEntry entry) {
        WriteBatch batch = switch (entry.kind()) {
            case COMMAND -> WriteBatchCodec.decode(entry.payload());
            case CONFIG, NOOP -> new WriteBatch.Noop();
        };
        return apply(entry.index(), entry.leaderTimeMs(), batch);
    }

    /**
     * Answers a read-only command against the current state: GET, MGET, EXISTS, TTL, SCAN, DBSIZE,
     * COUNT, LIST, GETEX without options, and BACKUP (the logical dump JSON v2 as {@link Reply.Data},
     * {@code created_at_ms} = the evaluation time, {@code source_sequence} = the applied index).
     * The evaluation time is {@code max(nowMs, clockMs)}: a read never sees a key that an applied
     * write already treated as expired, even if the local clock lags the leaders'.
     *
     * @throws IllegalArgumentException if {@code command} is not one of those (a caller bug)
     */
    Reply read(Command command, long nowMs);

    /**
     * A consistent image as of {@link #appliedIndex()} at the moment of the call, in the engine's
     * own self-describing encoding. Any thread; it does not block {@link #apply}.
     */
    EngineSnapshot snapshot();

    /**
     * Replaces the whole state (keys, clock, applied index) with {@code snapshot}. Readers see the old
     * state or the new one, never a mix.
     *
     * @throws dev.vaylix.api.VaylixException ENG-004 if the image is malformed (nothing changes),
     *         ENG-009 if its format version is unknown
     */
    void restore(EngineSnapshot snapshot);

    /** Releases the state; later calls throw {@link IllegalStateException}. */
    @Override
    void close();
}

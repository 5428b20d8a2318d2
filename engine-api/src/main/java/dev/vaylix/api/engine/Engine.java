package dev.vaylix.api.engine;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;

/**
 * The deterministic key/value state machine behind the Raft log. First draft; the storage issue
 * refines it. {@code engine-memory} is the reference implementation every other engine is checked
 * against.
 *
 * <p>Determinism: the result of {@link #apply} depends only on the state and the arguments. Time
 * comes from the entry's {@code leaderTimeMs}, never from a clock, so every replica computes the same
 * expiries. The engine knows nothing of users, roles or sessions.
 *
 * <p>Threading: one apply thread calls {@link #apply}, {@link #restore} and {@link #snapshot};
 * {@link #read} may be called concurrently from any number of threads and sees a state between two
 * applied entries, never a partially applied one.
 */
public interface Engine extends AutoCloseable {

    /** The index of the last applied log entry, 0 initially. */
    long appliedIndex();

    /**
     * Applies one committed log entry.
     *
     * @param index        the entry's log index; must be greater than {@link #appliedIndex()}
     * @param leaderTimeMs the proposing leader's wall-clock time for this entry
     * @return the reply for the client that proposed the entry; an engine error (ENG-015, ENG-016, …)
     *         is returned as a {@link Reply.Error} and the entry still counts as applied
     * @throws dev.vaylix.api.VaylixException ENG-011 if {@code index <= appliedIndex()}
     */
    Reply apply(long index, long leaderTimeMs, WriteBatch batch);

    /**
     * Answers a read-only command (GET, MGET, EXISTS, TTL, SCAN, DBSIZE, COUNT, LIST, BACKUP,
     * GETEX without options) against the current state, treating keys expired at {@code nowMs} as absent.
     *
     * @throws IllegalArgumentException if {@code command} is not read-only
     */
    Reply read(Command command, long nowMs);

    /** A consistent image as of {@link #appliedIndex()}. */
    EngineSnapshot snapshot();

    /** Replaces the whole state with {@code snapshot}; the applied index becomes its index. */
    void restore(EngineSnapshot snapshot);

    @Override
    void close();
}

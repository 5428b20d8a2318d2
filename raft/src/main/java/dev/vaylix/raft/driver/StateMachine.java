package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;

/**
 * What the driver applies committed entries to (the server adapts {@code dev.vaylix.api.engine.Engine}).
 *
 * <p>Threading: {@link #apply}, {@link #snapshot} and {@link #restore} are called by the driver's one
 * apply thread, never concurrently; {@link #appliedIndex} may be called from any thread. Reads of the
 * state by the application may run concurrently with {@link #apply} and must see a state between two
 * entries (the engine contract).
 *
 * @param <R> the result handed back to the proposer
 */
public interface StateMachine<R> {

    /** The index of the last applied entry (the snapshot index right after a restore), 0 initially. */
    long appliedIndex();

    /**
     * Applies one committed entry; entries arrive in index order without gaps. NOOP and CONFIG entries
     * are passed too (they only advance the applied index). Must be deterministic.
     *
     * @return the result for the proposer ({@code null} is allowed, e.g. for NOOP and CONFIG entries)
     * @throws RuntimeException only for a fatal fault: the driver stops (never for a command that fails;
     *                          such a failure is a result)
     */
    R apply(LogEntry entry);

    /** The whole state as of {@link #appliedIndex()}, in the state machine's own encoding; owned by the caller. */
    Bytes snapshot();

    /** Replaces the whole state with {@code data}, a snapshot taken at {@code index} (possibly by another node). */
    void restore(long index, Bytes data);
}

package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;

/**
 * The server's state machine as the offline tools need it: restored from a snapshot, fed committed
 * log entries, asked for its snapshot encoding. {@code pitr restore} and {@code storage verify}
 * replay the log through it, so it must be the same state machine the server runs (the bytes it
 * returns become {@code snapshot.bin} of a restored directory, which the server then loads).
 *
 * <p>Single-threaded: one offline tool thread calls it.
 */
public interface ReplayStateMachine {

    /**
     * Applies the next committed entry of any kind (COMMAND, CONFIG, NOOP), in index order, each
     * exactly once. A command that fails deterministically (a wrong type, an overflow) is a normal
     * result and not an error here.
     *
     * @throws dev.vaylix.api.VaylixException if the entry cannot be applied at all (for example
     *         {@code ENG-014} for a payload that does not decode): the tool stops and reports it
     */
    void apply(LogEntry entry);

    /** The state after the last applied entry, in the encoding the server writes to {@code snapshot.bin}; owned by the caller. */
    Bytes snapshot();
}

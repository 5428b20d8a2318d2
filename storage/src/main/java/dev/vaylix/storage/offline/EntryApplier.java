package dev.vaylix.storage.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;

/**
 * A state machine being rebuilt offline (point-in-time restore, verify with replay). The server
 * implements it with the real engine and Raft's membership decoding; storage only feeds it entries.
 *
 * <p>Single-threaded: the offline tool calls it from one thread.
 */
public interface EntryApplier {

    /**
     * Applies the next entry: every kind (command, membership change, no-op), in index order, each
     * exactly once, never one the starting snapshot already holds.
     *
     * @throws dev.vaylix.api.VaylixException if the entry cannot be applied; the tool stops and
     *         reports it (nothing is written)
     */
    void apply(LogEntry entry);

    /** The state as of the last applied entry, in the engine's snapshot encoding (owned by the caller). */
    Bytes snapshot();

    /** The Raft membership as of the last applied entry (opaque to storage). */
    Bytes membership();
}

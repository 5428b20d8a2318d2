package dev.vaylix.raft;

/**
 * What a leader knows about its own entries, for the write-acknowledgement modes (RAFT-VARIANT.md
 * "Replication"; docs/RAFT.md "Write acknowledgement modes"). Only meaningful for entries of
 * {@code term}, while this node leads it.
 *
 * @param committedIndex        mode {@code majority}: entries up to here are committed
 * @param allVotersDurableIndex mode {@code all}: entries up to here are durable on every voter (and committed)
 * @param localDurableIndex     mode {@code local}: entries up to here are durable on this leader's disk
 *                              (not committed: they can still be lost, see docs/RAFT.md)
 */
public record AckWatermarks(long term, long committedIndex, long allVotersDurableIndex, long localDurableIndex) {
}

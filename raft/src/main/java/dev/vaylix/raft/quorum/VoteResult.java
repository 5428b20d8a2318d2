package dev.vaylix.raft.quorum;

/** Where an election stands. */
public enum VoteResult {
    /** A majority granted. */
    WON,
    /** Not decided: enough votes are still outstanding to win. */
    PENDING,
    /** Enough voters refused that a majority can no longer be reached. */
    LOST
}

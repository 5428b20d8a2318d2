package dev.vaylix.raft;

/** The answer to {@code transferLeadership}. */
public enum TransferResult {
    /** The transfer started; it completes when the target wins, or aborts after an election timeout. */
    STARTED,
    /** The target already leads (it is this node). */
    ALREADY_LEADER,
    NOT_LEADER,
    /** The target is not a voter of the current configuration. */
    NOT_A_VOTER
}

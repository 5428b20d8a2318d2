package dev.vaylix.raft;

/** The role a node plays in its current term (thesis §3.3, §9.6). */
public enum Role {
    FOLLOWER,
    /** Asking for pre-votes for {@code term + 1} without having changed its term (thesis §9.6). */
    PRE_CANDIDATE,
    CANDIDATE,
    LEADER
}

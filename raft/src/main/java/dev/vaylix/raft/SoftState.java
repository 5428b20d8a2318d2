package dev.vaylix.raft;

import java.util.Objects;

/**
 * Volatile state worth telling the application about: who leads, in which term, and this node's role.
 *
 * @param leaderId the leader this node follows (itself when leading), or {@code ""} if unknown
 */
public record SoftState(long term, Role role, String leaderId) {
    public SoftState {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(leaderId, "leaderId");
    }

    public boolean hasLeader() {
        return !leaderId.isEmpty();
    }
}

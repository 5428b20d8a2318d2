package dev.vaylix.raft;

import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.Message;

/**
 * Something a node did that a human (scenario output, logs) or a checker (simulation traces) wants to
 * know about. Delivered synchronously to a {@link RaftEventListener} on the node's thread.
 */
public sealed interface RaftEvent {

    String node();

    long term();

    /** The node changed role, term or leader. {@code reason} says why, in words. */
    record RoleChanged(String node, long term, Role role, String leaderId, String reason) implements RaftEvent {
    }

    /** A vote or pre-vote was granted or refused to {@code candidate}. */
    record VoteCast(String node, long term, String candidate, boolean preVote, boolean granted, String reason)
            implements RaftEvent {
    }

    record CommitAdvanced(String node, long term, long commitIndex) implements RaftEvent {
    }

    /** The configuration in use changed (a CONFIG entry was appended or truncated, or a snapshot installed). */
    record ConfigurationChanged(String node, long term, long index, Configuration configuration) implements RaftEvent {
    }

    /** Entries from {@code fromIndex} on were removed because they conflicted with the leader's log. */
    record LogTruncated(String node, long term, long fromIndex) implements RaftEvent {
    }

    record SnapshotInstalled(String node, long term, SnapshotMetadata metadata, boolean keptLogSuffix)
            implements RaftEvent {
    }

    record TransferStarted(String node, long term, String target) implements RaftEvent {
    }

    record TransferAborted(String node, long term, String target, String reason) implements RaftEvent {
    }

    /** A message was ignored without effect (other cluster, misaddressed, stale, leader stickiness). */
    record MessageDropped(String node, long term, Message message, String reason) implements RaftEvent {
    }
}

package dev.vaylix.raft;

import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.tracker.ProgressState;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of a node's state, for tests, simulations and operators.
 *
 * @param applyingIndex      highest index handed to the application for applying
 * @param persistedIndex     highest index known durable locally
 * @param configurationIndex index of the entry holding {@code configuration} (snapshot index if none)
 * @param leadTransferee     the transfer target, or {@code ""}
 * @param progress           on a leader, every member's replication progress; empty otherwise
 */
public record Status(String id, long term, String votedFor, Role role, String leaderId, long commitIndex,
                     long applyingIndex, long persistedIndex, long snapshotIndex, long snapshotTerm, long lastIndex,
                     long lastTerm, Configuration configuration, long configurationIndex, String leadTransferee,
                     SortedMap<String, Replication> progress) {

    public Status {
        progress = Collections.unmodifiableSortedMap(new TreeMap<>(progress));
    }

    /** A leader's view of one member. */
    public record Replication(ProgressState state, long match, long next, String description) {
    }
}

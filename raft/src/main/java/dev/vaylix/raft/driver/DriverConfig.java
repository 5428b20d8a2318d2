package dev.vaylix.raft.driver;

import dev.vaylix.raft.RaftConfig;
import java.util.Objects;

/**
 * Settings of a {@link RaftDriver}.
 *
 * @param raft                    the core's settings
 * @param tickIntervalMs          length of one Raft tick
 * @param inboxCapacity           external events (messages, proposals, reads) queued for the Raft loop;
 *                                beyond it messages are dropped and requests refused (OVERLOADED)
 * @param pipelineCapacity        Readys queued for the persistence thread, and jobs for the apply thread
 * @param groupCommitMaxReadys    Readys merged into one durable append (one fsync)
 * @param snapshotIntervalEntries take a state-machine snapshot and compact the log after this many applied entries
 * @param readTimeoutMs           a read not confirmed within this time fails
 */
public record DriverConfig(RaftConfig raft, long tickIntervalMs, int inboxCapacity, int pipelineCapacity,
                           int groupCommitMaxReadys, long snapshotIntervalEntries, long readTimeoutMs) {

    public DriverConfig {
        Objects.requireNonNull(raft, "raft");
        if (tickIntervalMs < 1 || inboxCapacity < 1 || pipelineCapacity < 1 || groupCommitMaxReadys < 1
                || snapshotIntervalEntries < 1 || readTimeoutMs < 1) {
            throw new IllegalArgumentException("driver settings must be positive");
        }
    }

    /** 100 ms ticks, 10 000 queued events, snapshots every 10 000 entries. */
    public static DriverConfig defaults(RaftConfig raft) {
        return new DriverConfig(raft, 100, 10_000, 1_024, 256, 10_000, 5_000);
    }

    public DriverConfig withTickIntervalMs(long tickIntervalMs) {
        return new DriverConfig(raft, tickIntervalMs, inboxCapacity, pipelineCapacity, groupCommitMaxReadys,
                snapshotIntervalEntries, readTimeoutMs);
    }

    public DriverConfig withSnapshotIntervalEntries(long snapshotIntervalEntries) {
        return new DriverConfig(raft, tickIntervalMs, inboxCapacity, pipelineCapacity, groupCommitMaxReadys,
                snapshotIntervalEntries, readTimeoutMs);
    }
}

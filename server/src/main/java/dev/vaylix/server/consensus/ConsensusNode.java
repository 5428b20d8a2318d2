package dev.vaylix.server.consensus;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.driver.DriverConfig;
import dev.vaylix.raft.driver.ProposalOutcome;
import dev.vaylix.raft.driver.RaftDriver;
import dev.vaylix.raft.driver.ReadOutcome;
import dev.vaylix.raft.driver.WriteAckMode;
import dev.vaylix.raft.message.Message;
import dev.vaylix.server.state.VaylixStateMachine;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's member of the Raft group: the driver over the encrypted log and snapshot store, the
 * replicated {@link VaylixStateMachine}, and batched linearizable reads. A standalone server is a
 * one-voter group going through exactly this code (DESIGN.md §3): no write bypasses the log.
 *
 * <p>Timing of a standalone node: 20 ms ticks, election timeout 10–20 ticks (so a restarted node
 * leads again within 200–400 ms), heartbeats every 2 ticks. Multi-node timing will come from the
 * {@code --replication-*} flags when clusters are wired.
 *
 * <p>Thread-safe: every method may be called from any thread; none blocks on I/O.
 */
public final class ConsensusNode implements AutoCloseable {

    static final long TICK_INTERVAL_MS = 20;
    static final int ELECTION_TIMEOUT_TICKS = 10;
    static final int HEARTBEAT_INTERVAL_TICKS = 2;
    /**
     * The driver snapshots on its own every this many applied entries (besides SAVE and the periodic and
     * shutdown snapshots): it bounds the log the core keeps in memory and the replay after a crash.
     */
    static final long SNAPSHOT_INTERVAL_ENTRIES = 100_000;
    static final long READ_TIMEOUT_MS = 5_000;
    static final int PIPELINE_CAPACITY = 1_024;
    static final int GROUP_COMMIT_MAX_READYS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ConsensusNode.class);

    private final RaftDriver<Reply> driver;
    private final VaylixStateMachine machine;
    private final ReadBarrier reads;

    private ConsensusNode(RaftDriver<Reply> driver, VaylixStateMachine machine) {
        this.driver = driver;
        this.machine = machine;
        this.reads = new ReadBarrier(driver::read);
    }

    /**
     * @param nodeId              this node's stable id, the only voter of a new group
     * @param clusterId           the group id carried by every Raft message
     * @param maxQueuedRequests   proposals and reads the driver queues before refusing more (OVERLOADED):
     *                            at least what all sessions may have in flight at once
     */
    public record Settings(String nodeId, String clusterId, int maxQueuedRequests) {
        public Settings {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(clusterId, "clusterId");
            if (maxQueuedRequests < 1) {
                throw new IllegalArgumentException("maxQueuedRequests must be positive: " + maxQueuedRequests);
            }
        }
    }

    /**
     * Recovers the state machine from the snapshot and the log, and starts the driver's threads. The
     * node becomes leader of its one-voter group after an election timeout; {@link #read()} and
     * proposals are refused until then.
     *
     * @throws dev.vaylix.api.VaylixException SRV-030 if the node or group id is not acceptable to Raft;
     *                                        what recovery throws for a damaged snapshot or log
     */
    public static ConsensusNode start(Settings settings, LogStore log, SnapshotStore snapshots, Clock clock) {
        RaftConfig raft;
        try {
            raft = RaftConfig.defaults(settings.clusterId(), settings.nodeId())
                    .withTimeouts(ELECTION_TIMEOUT_TICKS, HEARTBEAT_INTERVAL_TICKS);
        } catch (IllegalArgumentException e) {
            throw ErrorCode.SRV_030.exception(e.getMessage());
        }
        DriverConfig config = new DriverConfig(raft, TICK_INTERVAL_MS, settings.maxQueuedRequests(), PIPELINE_CAPACITY,
                GROUP_COMMIT_MAX_READYS, SNAPSHOT_INTERVAL_ENTRIES, READ_TIMEOUT_MS);
        VaylixStateMachine machine = new VaylixStateMachine();
        SecureRandom random = new SecureRandom();
        RaftDriver<Reply> driver = RaftDriver.start(config, Configuration.ofVoters(settings.nodeId()), log, snapshots, machine,
                new SingleNodePeers(), clock, random::nextInt, RaftEventListener.NONE);
        LOG.info("event=consensus_started node_id={} cluster_id={} applied_index={}", settings.nodeId(), settings.clusterId(),
                machine.appliedIndex());
        return new ConsensusNode(driver, machine);
    }

    public String nodeId() {
        return driver.id();
    }

    public VaylixStateMachine machine() {
        return machine;
    }

    /** Proposes a log payload ({@code dev.vaylix.server.state.LogPayload}); see {@link RaftDriver#propose}. */
    public CompletableFuture<ProposalOutcome<Reply>> propose(Bytes payload, WriteAckMode mode) {
        return driver.propose(payload, mode);
    }

    /**
     * A linearizable read barrier shared with concurrent readers (ReadIndex): once it completes with
     * {@link ReadOutcome.Ready}, reading {@link #machine()} is linearizable. Do not attach synchronous
     * stages to it (they would run on the apply thread); wait for it.
     */
    public CompletableFuture<ReadOutcome> read() {
        return reads.await();
    }

    /** See {@link RaftDriver#snapshotNow()}. */
    public CompletableFuture<Long> snapshotNow() {
        return driver.snapshotNow();
    }

    /** A consistent status computed on the Raft loop (term, vote, commit index, configuration). */
    public CompletableFuture<Status> status() {
        return driver.status();
    }

    /** Role, term and leader as of the last Ready (racy; for routing and reports). */
    public SoftState softState() {
        return driver.softState();
    }

    public boolean isLeader() {
        return driver.softState().role() == Role.LEADER;
    }

    /** A Raft message from a peer (replication opcodes). */
    public void receive(Message message) {
        driver.receive(message);
    }

    /** Durable appends so far: one fsync each under {@code --wal-sync sync}; many writes share one. */
    public long durableAppends() {
        return driver.durableAppends();
    }

    /** The error that stopped the driver (an fsync failure, a corrupt entry), if any: the node must restart. */
    public Optional<Throwable> failure() {
        return driver.failure();
    }

    @Override
    public void close() {
        driver.close();
    }
}

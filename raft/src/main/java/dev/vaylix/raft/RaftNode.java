package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.message.Message;
import dev.vaylix.raft.tracker.Progress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One Raft node: a deterministic, single-threaded state machine with no clocks, threads, sockets or
 * files (DESIGN.md §4 "Deterministic core"). Time arrives as {@link #tick()}, messages as
 * {@link #step(Message)}, requests as {@link #propose}, {@link #readIndex}, {@link #transferLeadership}
 * and {@link #proposeConfChange}; the work to do comes out as a {@link Ready} and is acknowledged with
 * {@link #advance(Ready)}. The variant implemented is RAFT-VARIANT.md; docs/RAFT.md maps each rule to
 * the code.
 *
 * <p>Thread-safety: none. One thread (the driver's loop, or a simulation) owns the node.
 */
public final class RaftNode {

    private final Raft raft;
    private long readyNumber;
    private long advancedNumber;
    private HardState handedOutHardState;
    private SoftState handedOutSoftState;
    private AckWatermarks handedOutWatermarks;
    private long lastEmittedCommit;

    private RaftNode(Raft raft) {
        this.raft = raft;
        this.handedOutHardState = raft.hardState();
        this.handedOutSoftState = softState();
        this.lastEmittedCommit = raft.log.committed();
    }

    /**
     * Starts a node from what it recovered ({@link PersistentState#bootstrap} for a new node).
     *
     * @param random   the only source of randomness the node uses (seed it in simulations)
     * @param listener receives {@link RaftEvent}s synchronously; {@link RaftEventListener#NONE} to ignore
     */
    public static RaftNode start(RaftConfig config, PersistentState state, RandomSource random,
                                 RaftEventListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(listener, "listener");
        return new RaftNode(new Raft(config, state, random, listener));
    }

    public String id() {
        return raft.id;
    }

    /** Advances logical time by one tick: election timeouts, heartbeats, check-quorum, transfer timeout. */
    public void tick() {
        raft.tick();
        afterOperation();
    }

    /**
     * Handles a message from another node. Messages of another cluster or for another node are dropped
     * (and counted, see {@link #droppedForeignClusterMessages()}).
     */
    public void step(Message message) {
        Objects.requireNonNull(message, "message");
        raft.step(message);
        afterOperation();
    }

    /**
     * Appends a command to the log if this node leads.
     *
     * @param payload      opaque to Raft; owned by the log from now on
     * @param leaderTimeMs this leader's wall-clock time, stored in the entry (DESIGN.md §3 "Time and expiry")
     */
    public ProposeResult propose(Bytes payload, long leaderTimeMs) {
        Objects.requireNonNull(payload, "payload");
        ProposeResult result = raft.leader.propose(payload, leaderTimeMs);
        afterOperation();
        return result;
    }

    /** Proposes a single-server membership change (thesis §4.1); see {@link ProposeResult.Reason}. */
    public ProposeResult proposeConfChange(ConfChange change, long leaderTimeMs) {
        Objects.requireNonNull(change, "change");
        ProposeResult result = raft.leader.proposeConfChange(change, leaderTimeMs);
        afterOperation();
        return result;
    }

    /**
     * Asks for a linearizable read (thesis §6.4). The outcome arrives in a later {@link Ready}: a
     * {@link ReadState} (serve once the state machine applied its index) or a {@link ReadFailure}.
     *
     * @param context identifies the read in the outcome; at most 1 KiB
     */
    public void readIndex(Bytes context) {
        Objects.requireNonNull(context, "context");
        if (context.length() > dev.vaylix.raft.message.MessageCodec.MAX_CONTEXT_BYTES) {
            throw new IllegalArgumentException("read context exceeds 1 KiB");
        }
        raft.reads.readIndex(context);
        afterOperation();
    }

    /** Starts a leadership transfer to the voter {@code to} (thesis §3.10). */
    public TransferResult transferLeadership(String to) {
        Objects.requireNonNull(to, "to");
        TransferResult result = raft.leader.transferLeadership(to);
        afterOperation();
        return result;
    }

    /**
     * Starts an election now, as if the election timeout had elapsed (with pre-vote). For tests and
     * operators; does nothing on a leader or a non-voter.
     */
    public void campaign() {
        if (raft.role != Role.LEADER) {
            raft.elections.preCampaign("campaign requested");
        }
        afterOperation();
    }

    /**
     * Forgets log entries the state machine's snapshot now covers (thesis §5.1). Call only once the
     * snapshot is durable; {@code snapshot} must be at an applied, locally durable index and have the
     * term and configuration of that index (build it with {@link #snapshotAt}).
     */
    public void compact(Snapshot snapshot) {
        raft.log.compact(snapshot);
    }

    /**
     * Describes a snapshot of the state machine taken at {@code index} (applied, at or after the current
     * snapshot): its term and configuration come from the log.
     */
    public Snapshot snapshotAt(long index, Bytes data) {
        if (index < raft.log.snapshotIndex() || index > raft.log.applying()) {
            throw new IllegalArgumentException("snapshot index " + index + " outside [" + raft.log.snapshotIndex()
                    + ", " + raft.log.applying() + "]");
        }
        return new Snapshot(new SnapshotMetadata(index, raft.log.term(index), raft.log.configurationAt(index)), data);
    }

    // ---- Ready / advance ----

    /** True if {@link #ready()} would return something to do. */
    public boolean hasReady() {
        return raft.log.hasUnpersisted() || raft.log.hasPendingInstall() || raft.log.hasCommittedToApply()
                || raft.hasMessages() || raft.reads.hasResults() || raft.reads.hasQueued()
                || hardStateChanged() || softStateChanged() || watermarksChanged();
    }

    private boolean hardStateChanged() {
        return raft.term != handedOutHardState.term() || raft.log.committed() != handedOutHardState.commitIndex()
                || !raft.votedFor.equals(handedOutHardState.votedFor());
    }

    private boolean softStateChanged() {
        return raft.term != handedOutSoftState.term() || raft.role != handedOutSoftState.role()
                || !raft.leaderId.equals(handedOutSoftState.leaderId());
    }

    /**
     * Takes everything to do now (see {@link Ready} for the ordering rules). Reads that arrived since the
     * last call share one heartbeat round, started here. Readys may be taken before earlier ones are
     * advanced (pipelining), but must be persisted and advanced in order.
     */
    public Ready ready() {
        raft.reads.startRound();
        afterOperation();
        Optional<SoftState> soft = Optional.empty();
        SoftState currentSoft = softState();
        if (!currentSoft.equals(handedOutSoftState)) {
            soft = Optional.of(currentSoft);
            handedOutSoftState = currentSoft;
        }
        Optional<Snapshot> snapshot = raft.log.hasPendingInstall()
                ? Optional.of(raft.log.takePendingInstall()) : Optional.empty();
        List<LogEntry> entries = raft.log.takeUnpersisted();
        Optional<HardState> hard = Optional.empty();
        HardState currentHard = raft.hardState();
        if (!currentHard.equals(handedOutHardState)) {
            hard = Optional.of(currentHard);
            handedOutHardState = currentHard;
        }
        Optional<AckWatermarks> watermarks = Optional.empty();
        if (watermarksChanged()) {
            handedOutWatermarks = watermarks();
            watermarks = Optional.of(handedOutWatermarks);
        }
        readyNumber++;
        return new Ready(readyNumber, soft, hard, snapshot, entries, raft.takeMessages(),
                raft.takeMessagesAfterPersist(), raft.log.takeCommittedToApply(), raft.reads.takeReadStates(),
                raft.reads.takeReadFailures(), watermarks);
    }

    /**
     * Acknowledges that {@code ready}'s snapshot, entries and hard state are durable. Readys are advanced
     * in the order they were taken. A leader counts itself towards a majority only from here on.
     */
    public void advance(Ready ready) {
        if (ready.number() != advancedNumber + 1) {
            throw new IllegalStateException("Ready " + ready.number() + " advanced out of order (expected "
                    + (advancedNumber + 1) + ")");
        }
        advancedNumber = ready.number();
        ready.hardState().ifPresent(raft::hardStatePersisted);
        ready.snapshot().ifPresent(snapshot -> raft.log.snapshotPersisted(snapshot.index()));
        if (!ready.entries().isEmpty()) {
            LogEntry last = ready.entries().getLast();
            raft.log.persistedTo(last.index(), last.term());
        }
        if (raft.role == Role.LEADER) {
            Progress self = raft.tracker.progress(raft.id);
            if (self != null && self.maybeUpdate(raft.log.persisted()) && raft.leader.maybeCommit()
                    && raft.role == Role.LEADER) {
                raft.leader.bcastAppend();
            }
        }
        afterOperation();
    }

    private void afterOperation() {
        long committed = raft.log.committed();
        if (committed > lastEmittedCommit) {
            lastEmittedCommit = committed;
            raft.emit(new RaftEvent.CommitAdvanced(raft.id, raft.term, committed));
        }
    }

    private SoftState softState() {
        return new SoftState(raft.term, raft.role, raft.leaderId);
    }

    private AckWatermarks watermarks() {
        if (raft.role != Role.LEADER) {
            return null;
        }
        long committed = raft.log.committed();
        return new AckWatermarks(raft.term, committed, Math.min(committed, raft.tracker.minVoterMatch()),
                raft.log.persisted());
    }

    private boolean watermarksChanged() {
        if (raft.role != Role.LEADER) {
            return false;
        }
        AckWatermarks last = handedOutWatermarks;
        long committed = raft.log.committed();
        return last == null || last.term() != raft.term || last.committedIndex() != committed
                || last.localDurableIndex() != raft.log.persisted()
                || last.allVotersDurableIndex() != Math.min(committed, raft.tracker.minVoterMatch());
    }

    // ---- observation ----

    public long term() {
        return raft.term;
    }

    public Role role() {
        return raft.role;
    }

    /** The leader this node follows (itself when leading), or {@code ""}. */
    public String leaderId() {
        return raft.leaderId;
    }

    public long commitIndex() {
        return raft.log.committed();
    }

    public long lastIndex() {
        return raft.log.lastIndex();
    }

    /** Index of the latest snapshot (the compaction point); 0 if the log was never compacted. */
    public long snapshotIndex() {
        return raft.log.snapshotIndex();
    }

    /** Messages dropped because they carried another cluster's id (RAFT-VARIANT.md "State"). */
    public long droppedForeignClusterMessages() {
        return raft.droppedForeignClusterMessages;
    }

    /** A consistent description of the node's state, for tests, simulations and operators. */
    public Status status() {
        SortedMap<String, Status.Replication> progress = new TreeMap<>();
        if (raft.role == Role.LEADER) {
            for (var entry : raft.tracker.progressById().entrySet()) {
                Progress pr = entry.getValue();
                progress.put(entry.getKey(), new Status.Replication(pr.state(), pr.match(), pr.next(), pr.toString()));
            }
        }
        return new Status(raft.id, raft.term, raft.votedFor, raft.role, raft.leaderId, raft.log.committed(),
                raft.log.applying(), raft.log.persisted(), raft.log.snapshotIndex(), raft.log.snapshot().term(),
                raft.log.lastIndex(), raft.log.lastTerm(), raft.tracker.configuration(), raft.log.configurationIndex(),
                raft.leadTransferee, progress);
    }

    /** The entry at {@code index} in this node's log (between the snapshot and the last index), for checkers. */
    public Optional<LogEntry> entry(long index) {
        if (index <= raft.log.snapshotIndex() || index > raft.log.lastIndex()) {
            return Optional.empty();
        }
        return Optional.of(raft.log.entry(index));
    }

    /** The term of the entry at {@code index}, or -1 if compacted away or beyond the log. */
    public long termAt(long index) {
        return raft.log.term(index);
    }
}

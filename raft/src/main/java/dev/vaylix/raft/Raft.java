package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.AppendEntries;
import dev.vaylix.raft.message.AppendResponse;
import dev.vaylix.raft.message.Header;
import dev.vaylix.raft.message.Heartbeat;
import dev.vaylix.raft.message.HeartbeatResponse;
import dev.vaylix.raft.message.InstallSnapshot;
import dev.vaylix.raft.message.InstallSnapshotResponse;
import dev.vaylix.raft.message.Message;
import dev.vaylix.raft.message.PreVoteRequest;
import dev.vaylix.raft.message.PreVoteResponse;
import dev.vaylix.raft.message.ReadIndexRequest;
import dev.vaylix.raft.message.ReadIndexResponse;
import dev.vaylix.raft.message.TimeoutNow;
import dev.vaylix.raft.message.VoteRequest;
import dev.vaylix.raft.message.VoteResponse;
import dev.vaylix.raft.tracker.Progress;
import dev.vaylix.raft.tracker.ProgressTracker;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one Raft node and the rules that move it between roles: terms and votes, timers,
 * role transitions, and the dispatch of every message. Role-specific handlers live in
 * {@link Elections}, {@link StepLeader} and {@link StepFollower}; ReadIndex in {@link ReadOnly}.
 *
 * <p>Single-threaded and pure: no clocks, threads or I/O. Package-private; {@link RaftNode} is the API.
 */
final class Raft {

    static final String NONE = HardState.NO_VOTE;

    final RaftConfig config;
    final String id;
    private final RandomSource random;
    private final RaftEventListener listener;
    final RaftLog log;
    final ProgressTracker tracker;
    final ReadOnly reads;
    final Elections elections;
    final StepLeader leader;
    final StepFollower follower;

    // Persistent state (thesis Figure 3.1); durable once a Ready carrying it is advanced.
    long term;
    String votedFor = NONE;
    private long durableTerm;
    private String durableVote = NONE;

    // Volatile state.
    Role role = Role.FOLLOWER;
    String leaderId = NONE;
    /** Ticks since the last election timeout reset: leader contact, a granted vote, or (leader) a check-quorum period. */
    int electionElapsed;
    int heartbeatElapsed;
    private int randomizedElectionTimeout;
    /** The voter a leadership transfer targets, or NONE (thesis §3.10). */
    String leadTransferee = NONE;
    /** Leader: payload bytes appended in this term and not yet committed (bounded by maxUncommittedBytes). */
    long uncommittedBytes;
    /** The latest leader wall-clock time seen; stamps the entries the core creates itself (no-op, promotion). */
    long lastLeaderTimeMs;

    private final List<Message> messages = new ArrayList<>();
    private final List<Message> messagesAfterPersist = new ArrayList<>();
    long droppedForeignClusterMessages;

    Raft(RaftConfig config, PersistentState state, RandomSource random, RaftEventListener listener) {
        this.config = config;
        this.id = config.nodeId();
        this.random = random;
        this.listener = listener;
        this.log = new RaftLog(state);
        this.tracker = new ProgressTracker(config.maxInflightMessages(), config.maxInflightBytes());
        this.reads = new ReadOnly(this);
        this.elections = new Elections(this);
        this.leader = new StepLeader(this);
        this.follower = new StepFollower(this);
        this.term = state.hardState().term();
        this.votedFor = state.hardState().votedFor();
        this.durableTerm = term;
        this.durableVote = votedFor;
        for (LogEntry entry : state.entries()) {
            lastLeaderTimeMs = Math.max(lastLeaderTimeMs, entry.leaderTimeMs());
        }
        tracker.applyConfiguration(log.configuration(), log.lastIndex() + 1);
        resetRandomizedElectionTimeout();
    }

    // ---- outgoing messages ----

    Header header(String to) {
        return new Header(config.clusterId(), id, to, term);
    }

    /**
     * Queues {@code message}. It leaves only after persistence if it promises durable state, or if our
     * own term or vote is not durable yet: no message may carry a term this node could forget in a
     * crash (a restarted node could otherwise lead the same term twice with different entries).
     */
    void send(Message message) {
        if (message.requiresDurableState() || term != durableTerm || !votedFor.equals(durableVote)) {
            messagesAfterPersist.add(message);
        } else {
            messages.add(message);
        }
    }

    List<Message> takeMessages() {
        return drain(messages);
    }

    List<Message> takeMessagesAfterPersist() {
        return drain(messagesAfterPersist);
    }

    /** An immutable copy of {@code list}, which is then emptied (hand-out of Ready contents). */
    static <T> List<T> drain(List<T> list) {
        List<T> out = List.copyOf(list);
        list.clear();
        return out;
    }

    boolean hasMessages() {
        return !messages.isEmpty() || !messagesAfterPersist.isEmpty();
    }

    void hardStatePersisted(HardState hardState) {
        durableTerm = hardState.term();
        durableVote = hardState.votedFor();
    }

    HardState hardState() {
        return new HardState(term, votedFor, log.committed());
    }

    void emit(RaftEvent event) {
        listener.onEvent(event);
    }

    // ---- role transitions (thesis §3.3, §9.6) ----

    void becomeFollower(long newTerm, String newLeader, String reason) {
        if (newTerm < term) {
            throw new IllegalStateException("term went backwards from " + term + " to " + newTerm);
        }
        boolean changed = newTerm != term || role != Role.FOLLOWER || !leaderId.equals(newLeader);
        boolean wasLeader = role == Role.LEADER;
        if (newTerm != term) {
            term = newTerm;
            votedFor = NONE;
        }
        String previousLeader = leaderId;
        role = Role.FOLLOWER;
        leaderId = newLeader;
        resetTimers();
        // A transfer ends with the leadership (its target's campaign usually is why); RoleChanged says why.
        leadTransferee = NONE;
        tracker.resetVotes();
        if (wasLeader) {
            reads.failLeaderReads(ReadFailure.Reason.LEADERSHIP_LOST);
        }
        if (!previousLeader.equals(newLeader)) {
            reads.failForwardedReads(ReadFailure.Reason.LEADERSHIP_LOST);
        }
        if (changed) {
            emit(new RaftEvent.RoleChanged(id, term, role, leaderId, reason));
        }
    }

    /** A follower learns (or confirms) the leader of its current term from one of its messages. */
    void followLeader(String newLeader) {
        electionElapsed = 0;
        if (!leaderId.equals(newLeader)) {
            reads.failForwardedReads(ReadFailure.Reason.LEADERSHIP_LOST);
            leaderId = newLeader;
            emit(new RaftEvent.RoleChanged(id, term, role, leaderId, "heard from leader " + newLeader));
        }
    }

    void becomePreCandidate(String reason) {
        if (role == Role.LEADER) {
            throw new IllegalStateException("a leader does not become pre-candidate");
        }
        // Pre-vote (thesis §9.6): neither the term nor the vote changes.
        role = Role.PRE_CANDIDATE;
        leaderId = NONE;
        tracker.resetVotes();
        reads.failForwardedReads(ReadFailure.Reason.NO_LEADER);
        emit(new RaftEvent.RoleChanged(id, term, role, leaderId, reason));
    }

    void becomeCandidate(String reason) {
        if (role == Role.LEADER) {
            throw new IllegalStateException("a leader does not become candidate");
        }
        term++;
        votedFor = id;
        role = Role.CANDIDATE;
        leaderId = NONE;
        resetTimers();
        tracker.resetVotes();
        reads.failForwardedReads(ReadFailure.Reason.NO_LEADER);
        emit(new RaftEvent.RoleChanged(id, term, role, leaderId, reason));
    }

    void becomeLeader() {
        if (role != Role.CANDIDATE) {
            throw new IllegalStateException("only a candidate becomes leader, not a " + role);
        }
        role = Role.LEADER;
        leaderId = id;
        resetTimers();
        tracker.resetProgress(log.lastIndex() + 1);
        tracker.resetRecentActive(id);
        Progress self = tracker.progress(id);
        if (self != null) {
            self.maybeUpdate(log.persisted());
            self.becomeReplicate();
        }
        uncommittedBytes = 0;
        reads.resetLeaderReads();
        emit(new RaftEvent.RoleChanged(id, term, role, leaderId, "won the election"));
        // Thesis §3.6.2 / §6.4: a new leader commits an entry of its own term at once, which commits
        // everything before it and lets it serve reads and configuration changes.
        leader.appendEntry(EntryKind.NOOP, Bytes.EMPTY, lastLeaderTimeMs);
        leader.bcastAppend();
    }

    private void resetTimers() {
        electionElapsed = 0;
        heartbeatElapsed = 0;
        resetRandomizedElectionTimeout();
    }

    private void resetRandomizedElectionTimeout() {
        // Thesis §3.4: uniformly in [T, 2T).
        randomizedElectionTimeout = config.electionTimeoutTicks() + random.nextInt(config.electionTimeoutTicks());
    }

    void abortLeaderTransfer(String reason) {
        if (!leadTransferee.equals(NONE)) {
            String target = leadTransferee;
            leadTransferee = NONE;
            emit(new RaftEvent.TransferAborted(id, term, target, reason));
        }
    }

    /** True if this node may campaign: it is a voter of the configuration it uses (learners never do). */
    boolean promotable() {
        return tracker.configuration().isVoter(id);
    }

    /**
     * Leader stickiness (thesis §4.2.3): this node heard from a current leader (or is one) within the
     * minimum election timeout, so it disregards requests to elect someone else.
     */
    boolean inLease() {
        return !leaderId.equals(NONE) && electionElapsed < config.electionTimeoutTicks();
    }

    /** Makes the tracker use the log's latest configuration if it changed (thesis §4.1: effective when appended). */
    void syncConfiguration() {
        Configuration current = log.configuration();
        if (current.equals(tracker.configuration())) {
            return;
        }
        tracker.applyConfiguration(current, log.lastIndex() + 1);
        emit(new RaftEvent.ConfigurationChanged(id, term, log.configurationIndex(), current));
        if (role == Role.LEADER) {
            Progress self = tracker.progress(id);
            if (self != null) {
                self.maybeUpdate(log.persisted());
            }
            if (!leadTransferee.equals(NONE) && !current.isVoter(leadTransferee)) {
                abortLeaderTransfer("target is no longer a voter");
            }
        }
    }

    // ---- time ----

    void tick() {
        if (role == Role.LEADER) {
            tickHeartbeat();
        } else {
            tickElection();
        }
    }

    private void tickElection() {
        if (electionElapsed < Integer.MAX_VALUE) {
            electionElapsed++;
        }
        if (promotable() && electionElapsed >= randomizedElectionTimeout) {
            electionElapsed = 0;
            elections.preCampaign("election timeout");
        }
    }

    private void tickHeartbeat() {
        heartbeatElapsed++;
        electionElapsed++;
        if (electionElapsed >= config.electionTimeoutTicks()) {
            electionElapsed = 0;
            // Check-quorum (thesis §6.2): a leader that has not heard from a majority of voters during an
            // election timeout steps down, so a partitioned leader stops serving.
            if (!tracker.quorumActive(id)) {
                becomeFollower(term, NONE, "check quorum: no majority heard from in an election timeout");
                return;
            }
            tracker.resetRecentActive(id);
            // Thesis §3.10: abort a transfer that has not completed within an election timeout.
            abortLeaderTransfer("transfer did not complete within an election timeout");
        }
        if (heartbeatElapsed >= config.heartbeatIntervalTicks()) {
            heartbeatElapsed = 0;
            leader.bcastHeartbeat();
        }
    }

    // ---- messages ----

    void step(Message message) {
        if (!message.clusterId().equals(config.clusterId())) {
            droppedForeignClusterMessages++;
            emit(new RaftEvent.MessageDropped(id, term, message, "cluster id " + message.clusterId()));
            return;
        }
        if (!message.to().equals(id)) {
            emit(new RaftEvent.MessageDropped(id, term, message, "addressed to " + message.to()));
            return;
        }
        // Pre-vote messages carry a proposed term and never change anyone's term (thesis §9.6).
        if (message instanceof PreVoteRequest request) {
            elections.onPreVoteRequest(request);
            return;
        }
        if (message instanceof PreVoteResponse response) {
            elections.onPreVoteResponse(response);
            return;
        }
        if (message.term() > term) {
            if (message instanceof VoteRequest request && !request.leadershipTransfer() && inLease()) {
                // Leader stickiness (thesis §4.2.3): neither update the term nor grant the vote.
                emit(new RaftEvent.MessageDropped(id, term, message, "leader stickiness: heard from leader "
                        + leaderId + " within the election timeout"));
                return;
            }
            boolean fromLeader = message instanceof AppendEntries || message instanceof Heartbeat
                    || message instanceof InstallSnapshot || message instanceof TimeoutNow;
            becomeFollower(message.term(), fromLeader ? message.from() : NONE,
                    "saw term " + message.term() + " from " + message.from());
        } else if (message.term() < term) {
            onStaleTerm(message);
            return;
        }
        switch (message) {
            // RequestVote is answered the same way in every role (thesis §3.4).
            case VoteRequest request -> elections.onVoteRequest(request);
            case ReadIndexRequest request when role != Role.LEADER ->
                    send(new ReadIndexResponse(header(request.from()), request.context(), false, 0));
            default -> {
                switch (role) {
                    case LEADER -> leader.step(message);
                    case CANDIDATE, PRE_CANDIDATE -> elections.stepCandidate(message);
                    case FOLLOWER -> follower.step(message);
                }
            }
        }
    }

    /**
     * A message from an older term (thesis §3.3): a stale leader or candidate learns our term from the
     * answer and steps down; anything else is dropped.
     */
    private void onStaleTerm(Message message) {
        switch (message) {
            case AppendEntries _, Heartbeat _, InstallSnapshot _ ->
                    send(new AppendResponse(header(message.from()), false, 0, 0, 0));
            case VoteRequest request -> {
                emit(new RaftEvent.VoteCast(id, term, request.from(), false, false, "stale term " + request.term()));
                send(new VoteResponse(header(message.from()), false));
            }
            case ReadIndexRequest request ->
                    send(new ReadIndexResponse(header(request.from()), request.context(), false, 0));
            case AppendResponse _, HeartbeatResponse _, InstallSnapshotResponse _, VoteResponse _,
                 ReadIndexResponse _, TimeoutNow _, PreVoteRequest _, PreVoteResponse _ ->
                    emit(new RaftEvent.MessageDropped(id, term, message, "stale term " + message.term()));
        }
    }
}

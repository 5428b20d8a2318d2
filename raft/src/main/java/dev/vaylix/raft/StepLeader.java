package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.confchange.ConfChanger;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.AppendEntries;
import dev.vaylix.raft.message.AppendResponse;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.raft.message.Heartbeat;
import dev.vaylix.raft.message.HeartbeatResponse;
import dev.vaylix.raft.message.InstallSnapshot;
import dev.vaylix.raft.message.InstallSnapshotResponse;
import dev.vaylix.raft.message.Message;
import dev.vaylix.raft.message.MessageCodec;
import dev.vaylix.raft.message.PreVoteRequest;
import dev.vaylix.raft.message.PreVoteResponse;
import dev.vaylix.raft.message.ReadIndexRequest;
import dev.vaylix.raft.message.ReadIndexResponse;
import dev.vaylix.raft.message.TimeoutNow;
import dev.vaylix.raft.message.VoteRequest;
import dev.vaylix.raft.message.VoteResponse;
import dev.vaylix.raft.tracker.Progress;
import dev.vaylix.raft.tracker.ProgressState;
import java.util.List;
import java.util.Optional;

/**
 * The leader: proposals, replication with flow control (thesis §3.5, §10.2.1), commitment (§3.6.2),
 * snapshots to lagging followers (§5.3), membership changes (§4.1–4.2) and leadership transfer (§3.10).
 */
final class StepLeader {

    private final Raft r;

    StepLeader(Raft raft) {
        this.r = raft;
    }

    void step(Message message) {
        switch (message) {
            case AppendResponse response -> onAppendResponse(response);
            case HeartbeatResponse response -> onHeartbeatResponse(response);
            case InstallSnapshotResponse response -> onInstallSnapshotResponse(response);
            case ReadIndexRequest request -> r.reads.onReadIndexRequest(request);
            // Election Safety (thesis §3.6.3): at most one leader per term. Another one is a bug or a lying disk.
            case AppendEntries _, Heartbeat _, InstallSnapshot _ -> throw new IllegalStateException(
                    "two leaders in term " + r.term + ": " + r.id + " and " + message.from());
            case VoteResponse _, ReadIndexResponse _, TimeoutNow _, VoteRequest _, PreVoteRequest _, PreVoteResponse _ ->
                    r.emit(new RaftEvent.MessageDropped(r.id, r.term, message, "not expected by a leader"));
        }
    }

    // ---- proposals ----

    ProposeResult propose(Bytes payload, long leaderTimeMs) {
        Optional<ProposeResult> refused = refuseProposal();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (payload.length() > MessageCodec.MAX_ENTRY_PAYLOAD_BYTES) {
            return rejected(ProposeResult.Reason.TOO_LARGE, "payload exceeds " + MessageCodec.MAX_ENTRY_PAYLOAD_BYTES);
        }
        if (r.uncommittedBytes > 0 && r.uncommittedBytes + payload.length() > r.config.maxUncommittedBytes()) {
            return rejected(ProposeResult.Reason.UNCOMMITTED_LIMIT, r.uncommittedBytes + " bytes uncommitted");
        }
        LogEntry entry = appendEntry(EntryKind.COMMAND, payload, leaderTimeMs);
        bcastAppend();
        return new ProposeResult.Accepted(entry.index(), entry.term());
    }

    /**
     * A single-server change (thesis §4.1), accepted only if (a) the leader has committed an entry of
     * its term — Ongaro's 2015 fix, without which a change proposed right after an election can
     * overlap a change of the previous leader — and (b) no configuration entry is uncommitted.
     */
    ProposeResult proposeConfChange(ConfChange change, long leaderTimeMs) {
        Optional<ProposeResult> refused = refuseProposal();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (r.log.term(r.log.committed()) != r.term) {
            return rejected(ProposeResult.Reason.NO_COMMIT_IN_TERM, "no entry of term " + r.term + " committed yet");
        }
        if (r.log.configurationIndex() > r.log.committed()) {
            return rejected(ProposeResult.Reason.CONF_CHANGE_PENDING,
                    "configuration entry " + r.log.configurationIndex() + " is not committed");
        }
        Configuration current = r.tracker.configuration();
        Optional<String> invalid = ConfChanger.rejection(current, change);
        if (invalid.isPresent()) {
            return rejected(ProposeResult.Reason.INVALID_CONF_CHANGE, invalid.get());
        }
        Configuration next = ConfChanger.apply(current, change);
        LogEntry entry = appendEntry(EntryKind.CONFIG, ConfigurationCodec.encode(next), leaderTimeMs);
        bcastAppend();
        return new ProposeResult.Accepted(entry.index(), entry.term());
    }

    private Optional<ProposeResult> refuseProposal() {
        if (r.role != Role.LEADER) {
            return Optional.of(new ProposeResult.Rejected(ProposeResult.Reason.NOT_LEADER, r.leaderId, "role " + r.role));
        }
        if (!r.leadTransferee.equals(Raft.NONE)) {
            // Thesis §3.10: stop accepting proposals so the target can catch up.
            return Optional.of(rejected(ProposeResult.Reason.TRANSFER_IN_PROGRESS, "transferring to " + r.leadTransferee));
        }
        return Optional.empty();
    }

    private ProposeResult rejected(ProposeResult.Reason reason, String detail) {
        return new ProposeResult.Rejected(reason, r.leaderId, detail);
    }

    /** Appends an entry of the current term to the leader's own log (Leader Append-Only, thesis §3.5). */
    LogEntry appendEntry(EntryKind kind, Bytes payload, long leaderTimeMs) {
        r.lastLeaderTimeMs = Math.max(r.lastLeaderTimeMs, leaderTimeMs);
        LogEntry entry = new LogEntry(r.log.lastIndex() + 1, r.term, kind, leaderTimeMs, payload);
        r.log.appendAsLeader(entry);
        r.uncommittedBytes += payload.length();
        if (kind == EntryKind.CONFIG) {
            // Thesis §4.1: a configuration takes effect as soon as it is appended.
            r.syncConfiguration();
        }
        // The leader's own match index moves only when the entry is durable (RaftNode.advance).
        return entry;
    }

    // ---- replication ----

    void bcastAppend() {
        for (String member : r.tracker.progressById().keySet()) {
            if (!member.equals(r.id)) {
                sendAppend(member);
            }
        }
    }

    void sendAppend(String to) {
        maybeSendAppend(to, true);
    }

    /**
     * Sends the entries {@code to} needs next, within flow control; an empty AppendEntries only if
     * {@code sendIfEmpty} (to carry the commit index or probe). Falls back to a snapshot when the
     * entries were compacted. Returns true if a message was sent.
     */
    boolean maybeSendAppend(String to, boolean sendIfEmpty) {
        Progress pr = r.tracker.progress(to);
        if (pr == null || pr.isPaused()) {
            return false;
        }
        long prevIndex = pr.next() - 1;
        long prevTerm = r.log.term(prevIndex);
        if (prevTerm == RaftLog.TERM_UNAVAILABLE) {
            if (prevIndex < r.log.snapshotIndex()) {
                startSnapshot(to, pr);
                return true;
            }
            throw new IllegalStateException("next index " + pr.next() + " of " + to + " beyond last index "
                    + r.log.lastIndex());
        }
        List<LogEntry> entries = r.log.entriesFrom(pr.next(), r.config.maxEntriesBytesPerMessage());
        if (entries.isEmpty() && !sendIfEmpty) {
            return false;
        }
        r.send(new AppendEntries(r.header(to), prevIndex, prevTerm, entries, r.log.committed()));
        long bytes = 0;
        for (LogEntry entry : entries) {
            bytes += entry.sizeBytes();
        }
        pr.sentEntries(prevIndex + entries.size(), bytes);
        return true;
    }

    void bcastHeartbeat() {
        for (var entry : r.tracker.progressById().entrySet()) {
            String member = entry.getKey();
            if (member.equals(r.id)) {
                continue;
            }
            sendHeartbeat(member, entry.getValue());
            // A chunk or its acknowledgement was lost: send the chunk the follower is waiting for again.
            if (entry.getValue().state() == ProgressState.SNAPSHOT && entry.getValue().snapshotStalled()) {
                sendSnapshotChunk(member, entry.getValue());
            }
        }
    }

    /** Heartbeats only, to start a ReadIndex round (thesis §6.4). */
    void bcastReadRoundHeartbeat() {
        for (var entry : r.tracker.progressById().entrySet()) {
            if (!entry.getKey().equals(r.id)) {
                sendHeartbeat(entry.getKey(), entry.getValue());
            }
        }
    }

    private void sendHeartbeat(String to, Progress pr) {
        // Capped at the follower's match index, so the follower holds the entries it may commit.
        long commit = Math.min(pr.match(), r.log.committed());
        r.send(new Heartbeat(r.header(to), commit, r.reads.lastRound()));
    }

    private void startSnapshot(String to, Progress pr) {
        pr.becomeSnapshot(r.log.snapshotIndex());
        sendSnapshotChunk(to, pr);
    }

    private void sendSnapshotChunk(String to, Progress pr) {
        Snapshot snapshot = r.log.snapshot();
        if (snapshot.index() != pr.pendingSnapshotIndex()) {
            // We compacted again meanwhile; the newer snapshot replaces the one being sent.
            pr.becomeSnapshot(snapshot.index());
        }
        long total = snapshot.data().length();
        long offset = pr.snapshotOffsetBytes();
        int length = (int) Math.min(r.config.maxSnapshotChunkBytes(), total - offset);
        SnapshotMetadata meta = snapshot.metadata();
        r.send(new InstallSnapshot(r.header(to), meta.index(), meta.term(), meta.configuration(), total, offset,
                snapshot.data().slice((int) offset, length)));
    }

    private void onAppendResponse(AppendResponse response) {
        String from = response.from();
        Progress pr = r.tracker.progress(from);
        if (pr == null) {
            r.emit(new RaftEvent.MessageDropped(r.id, r.term, response, "not a member"));
            return;
        }
        pr.setRecentActive(true);
        if (!response.success()) {
            long matchHint = response.rejectHintIndex();
            if (response.rejectHintTerm() > 0) {
                // Skip every entry of ours whose term is above the follower's term at the hint.
                matchHint = r.log.findConflictByTerm(response.rejectHintIndex(), response.rejectHintTerm());
            }
            if (pr.maybeDecrTo(response.index(), matchHint)) {
                if (pr.state() == ProgressState.REPLICATE) {
                    pr.becomeProbe();
                }
                sendAppend(from);
            }
            return;
        }
        boolean wasPaused = pr.isPaused();
        boolean probeConfirmed = pr.state() == ProgressState.PROBE && pr.match() == response.index();
        if (!pr.maybeUpdate(response.index()) && !probeConfirmed) {
            return;
        }
        switch (pr.state()) {
            case PROBE -> pr.becomeReplicate();
            case SNAPSHOT -> {
                if (pr.match() + 1 >= r.log.firstIndex()) {
                    pr.becomeProbe();
                    pr.becomeReplicate();
                }
            }
            case REPLICATE -> pr.inflights().freeLE(response.index());
        }
        if (maybeCommit()) {
            if (r.role != Role.LEADER) {
                return;
            }
            bcastAppend();
        } else if (wasPaused) {
            // The follower missed the commit index while paused: tell it now, even without entries.
            sendAppend(from);
        }
        // Pipelining: fill the window with whatever the follower still lacks.
        for (int sent = 0; sent < r.config.maxInflightMessages() && maybeSendAppend(from, false); sent++) {
            // bounded by the window size
        }
        if (from.equals(r.leadTransferee) && pr.match() == r.log.lastIndex()) {
            // Thesis §3.10: the target is up to date; tell it to start an election now.
            r.send(new TimeoutNow(r.header(from)));
        }
        maybePromoteLearner();
    }

    private void onHeartbeatResponse(HeartbeatResponse response) {
        Progress pr = r.tracker.progress(response.from());
        if (pr == null) {
            r.emit(new RaftEvent.MessageDropped(r.id, r.term, response, "not a member"));
            return;
        }
        pr.setRecentActive(true);
        pr.resumeProbe();
        if (pr.state() == ProgressState.REPLICATE && pr.inflights().full()) {
            pr.inflights().freeFirstOne();
        }
        if (pr.match() < r.log.lastIndex()) {
            sendAppend(response.from());
        }
        if (response.readRound() > r.reads.lastRound()) {
            throw new IllegalStateException("read round " + response.readRound() + " was never started");
        }
        pr.ackReadRound(response.readRound());
        r.reads.maybeConfirm();
    }

    private void onInstallSnapshotResponse(InstallSnapshotResponse response) {
        Progress pr = r.tracker.progress(response.from());
        if (pr == null) {
            return;
        }
        pr.setRecentActive(true);
        if (pr.state() != ProgressState.SNAPSHOT || response.snapshotIndex() != pr.pendingSnapshotIndex()
                || response.receivedBytes() > r.log.snapshot().data().length()) {
            return;
        }
        // Only an acknowledgement that moves the position sends a chunk, so duplicated messages cannot
        // multiply the chunks in flight; a lost chunk is resent at the next heartbeat instead.
        if (response.receivedBytes() != pr.snapshotOffsetBytes()) {
            pr.snapshotAcked(response.receivedBytes());
            sendSnapshotChunk(response.from(), pr);
        }
    }

    /**
     * Commits the largest index a majority of voters stores durably, but only if its entry is of the
     * current term: entries of earlier terms are committed indirectly, by committing one of ours after
     * them (thesis §3.6.2, Figure 3.7 — counting replicas of an old entry is unsafe). Returns true if
     * the commit index moved.
     */
    boolean maybeCommit() {
        long quorumIndex = r.tracker.committedIndex();
        if (quorumIndex <= r.log.committed() || r.log.term(quorumIndex) != r.term) {
            return false;
        }
        long before = r.log.committed();
        r.log.commitTo(quorumIndex);
        for (long index = before + 1; index <= quorumIndex; index++) {
            LogEntry entry = r.log.entry(index);
            if (entry.term() == r.term) {
                r.uncommittedBytes = Math.max(0, r.uncommittedBytes - entry.payload().length());
            }
        }
        r.reads.onCommittedInTerm();
        if (!r.tracker.configuration().isVoter(r.id) && r.log.configurationIndex() <= r.log.committed()) {
            // Thesis §4.2.2: a leader that removed itself steps down once the change is committed.
            r.becomeFollower(r.term, Raft.NONE, "removed from the configuration");
        }
        return true;
    }

    /** Thesis §4.2.1: promote a learner once it has caught up, one change at a time. */
    void maybePromoteLearner() {
        if (r.role != Role.LEADER || !r.leadTransferee.equals(Raft.NONE)
                || r.log.term(r.log.committed()) != r.term || r.log.configurationIndex() > r.log.committed()) {
            return;
        }
        for (String learner : r.tracker.configuration().learners()) {
            Progress pr = r.tracker.progress(learner);
            // Caught up: it answered in this term (REPLICATE) and is within the configured distance.
            if (pr != null && pr.state() == ProgressState.REPLICATE
                    && pr.match() + r.config.learnerCatchUpEntries() >= r.log.lastIndex()) {
                proposeConfChange(new ConfChange.PromoteLearner(learner), r.lastLeaderTimeMs);
                return;
            }
        }
    }

    TransferResult transferLeadership(String to) {
        if (r.role != Role.LEADER) {
            return TransferResult.NOT_LEADER;
        }
        if (to.equals(r.id)) {
            return TransferResult.ALREADY_LEADER;
        }
        if (!r.tracker.configuration().isVoter(to)) {
            return TransferResult.NOT_A_VOTER;
        }
        if (to.equals(r.leadTransferee)) {
            return TransferResult.STARTED;
        }
        r.abortLeaderTransfer("superseded by a transfer to " + to);
        r.leadTransferee = to;
        // The transfer must complete within one election timeout from now (thesis §3.10).
        r.electionElapsed = 0;
        r.emit(new RaftEvent.TransferStarted(r.id, r.term, to));
        Progress pr = r.tracker.progress(to);
        if (pr.match() == r.log.lastIndex()) {
            r.send(new TimeoutNow(r.header(to)));
        } else {
            sendAppend(to);
        }
        return TransferResult.STARTED;
    }
}

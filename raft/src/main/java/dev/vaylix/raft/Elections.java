package dev.vaylix.raft;

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
import dev.vaylix.raft.quorum.VoteResult;

/**
 * Leader election (thesis §3.4) with pre-vote (§9.6): campaigning, granting votes and pre-votes, and
 * counting them. Also the handler set of the pre-candidate and candidate roles.
 */
final class Elections {

    private final Raft r;

    Elections(Raft raft) {
        this.r = raft;
    }

    /**
     * Election timeout: a voter first asks for pre-votes for {@code term + 1} without touching its term
     * or vote (thesis §9.6), so a node that cannot win (partitioned, stale log) does not disrupt the
     * cluster by inflating terms.
     */
    void preCampaign(String reason) {
        if (!r.promotable()) {
            return;
        }
        r.becomePreCandidate(reason);
        r.tracker.recordVote(r.id, true);
        if (r.tracker.tallyVotes() == VoteResult.WON) {
            campaign(false, "pre-vote won (single voter)");
            return;
        }
        for (String voter : r.tracker.configuration().voters()) {
            if (!voter.equals(r.id)) {
                r.send(new PreVoteRequest(new Header(r.config.clusterId(), r.id, voter,
                        r.term + 1), r.log.lastIndex(), r.log.lastTerm()));
            }
        }
    }

    /**
     * Starts a real election: new term, vote for self, persist, then RequestVote (thesis §3.4). A
     * leadership-transfer campaign skips pre-vote and is exempt from leader stickiness (§3.10).
     */
    void campaign(boolean leadershipTransfer, String reason) {
        if (!r.promotable()) {
            return;
        }
        r.becomeCandidate(reason);
        r.tracker.recordVote(r.id, true);
        if (r.tracker.tallyVotes() == VoteResult.WON) {
            r.becomeLeader();
            return;
        }
        for (String voter : r.tracker.configuration().voters()) {
            if (!voter.equals(r.id)) {
                // Sent only after the new term and self-vote are durable (Message.requiresDurableState).
                r.send(new VoteRequest(r.header(voter), r.log.lastIndex(), r.log.lastTerm(), leadershipTransfer));
            }
        }
    }

    /**
     * A pre-vote is granted iff the candidate's log is at least as up-to-date as ours and we have not
     * heard from a leader within the election timeout (thesis §9.6). Terms are not compared and nothing
     * changes here: the answer carries the proposed term so the asker can match it.
     */
    void onPreVoteRequest(PreVoteRequest request) {
        boolean upToDate = r.log.isUpToDate(request.lastLogIndex(), request.lastLogTerm());
        boolean inLease = r.inLease();
        boolean granted = upToDate && !inLease;
        String reason = granted ? "log up to date, no leader heard"
                : !upToDate ? "candidate log behind " + r.log.lastIndex() + "/" + r.log.lastTerm()
                : "heard from leader " + r.leaderId + " within the election timeout";
        r.emit(new RaftEvent.VoteCast(r.id, request.term(), request.from(), true, granted, reason));
        r.send(new PreVoteResponse(new Header(r.config.clusterId(), r.id, request.from(),
                request.term()), granted));
    }

    void onPreVoteResponse(PreVoteResponse response) {
        if (r.role != Role.PRE_CANDIDATE || response.term() != r.term + 1) {
            r.emit(new RaftEvent.MessageDropped(r.id, r.term, response, "not pre-campaigning for term " + response.term()));
            return;
        }
        r.tracker.recordVote(response.from(), response.granted());
        switch (r.tracker.tallyVotes()) {
            case WON -> campaign(false, "pre-vote won");
            case LOST -> r.becomeFollower(r.term, Raft.NONE, "pre-vote lost");
            case PENDING -> {
            }
        }
    }

    /**
     * RequestVote at our term (a higher term was already adopted by {@link Raft#step}): grant iff we
     * have not voted for someone else in this term and the candidate's log is at least as up-to-date
     * (thesis §3.4, §3.6.1). The vote is durable before the answer leaves.
     */
    void onVoteRequest(VoteRequest request) {
        boolean canVote = r.votedFor.equals(Raft.NONE) || r.votedFor.equals(request.from());
        boolean upToDate = r.log.isUpToDate(request.lastLogIndex(), request.lastLogTerm());
        boolean granted = canVote && upToDate;
        String reason = granted ? "log up to date"
                : !canVote ? "already voted for " + r.votedFor
                : "candidate log behind " + r.log.lastIndex() + "/" + r.log.lastTerm();
        if (granted) {
            r.votedFor = request.from();
            // Granting a vote resets the election timer (thesis §3.4), so we give the candidate time to win.
            r.electionElapsed = 0;
        }
        r.emit(new RaftEvent.VoteCast(r.id, r.term, request.from(), false, granted, reason));
        r.send(new VoteResponse(r.header(request.from()), granted));
    }

    /** Leadership transfer target (thesis §3.10): campaign at once, without pre-vote. */
    void onTimeoutNow(TimeoutNow timeoutNow) {
        if (!r.promotable()) {
            r.emit(new RaftEvent.MessageDropped(r.id, r.term, timeoutNow, "not a voter"));
            return;
        }
        campaign(true, "timeout-now from " + timeoutNow.from());
    }

    /** Messages of the current term seen by a pre-candidate or candidate. */
    void stepCandidate(Message message) {
        switch (message) {
            case AppendEntries _, Heartbeat _, InstallSnapshot _ -> {
                // Thesis §3.4: a leader of our term exists; recognise it and handle its message.
                r.becomeFollower(r.term, message.from(), "leader " + message.from() + " of term " + r.term);
                r.follower.step(message);
            }
            case VoteResponse response -> onVoteResponse(response);
            case ReadIndexResponse response -> r.reads.onReadIndexResponse(response);
            case TimeoutNow _, AppendResponse _, HeartbeatResponse _, InstallSnapshotResponse _,
                 ReadIndexRequest _, VoteRequest _, PreVoteRequest _, PreVoteResponse _ ->
                    r.emit(new RaftEvent.MessageDropped(r.id, r.term, message, "not expected by a " + r.role));
        }
    }

    private void onVoteResponse(VoteResponse response) {
        if (r.role != Role.CANDIDATE) {
            r.emit(new RaftEvent.MessageDropped(r.id, r.term, response, "not a candidate"));
            return;
        }
        r.tracker.recordVote(response.from(), response.granted());
        switch (r.tracker.tallyVotes()) {
            case WON -> r.becomeLeader();
            case LOST -> r.becomeFollower(r.term, Raft.NONE, "election lost");
            case PENDING -> {
            }
        }
    }
}

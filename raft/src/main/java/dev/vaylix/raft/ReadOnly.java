package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.message.ReadIndexRequest;
import dev.vaylix.raft.message.ReadIndexResponse;
import dev.vaylix.raft.tracker.Progress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Linearizable reads without writing to the log: ReadIndex (thesis §6.4).
 *
 * <p>Leader: a read is given {@code readIndex = commitIndex} when it arrives — but only once the
 * leader has committed an entry of its own term, before which its commit index may lag (reads wait
 * for that). Reads that arrive between two Readys share one round of heartbeats; once a majority of
 * voters (the leader included) acknowledged a round started after the read arrived, the leader was
 * still leader when the read arrived, and the read is confirmed. The application serves it once it has
 * applied {@code readIndex}. A leader that steps down fails every read it has not confirmed.
 *
 * <p>Follower: forwards the request to its leader and reports the index it answers; fails the read
 * when the leader changes before answering. Lease-based reads are not used.
 */
final class ReadOnly {

    /** A read on the leader; {@code origin} is the node that asked (the leader itself for local reads). */
    private record Pending(Bytes context, String origin, long index, long round) {
    }

    private final Raft r;
    private final ArrayDeque<Pending> awaitingTermCommit = new ArrayDeque<>();
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    private final ArrayDeque<Pending> inRound = new ArrayDeque<>();
    private long lastRound;
    private final ArrayDeque<Bytes> forwarded = new ArrayDeque<>();
    private final List<ReadState> readStates = new ArrayList<>();
    private final List<ReadFailure> readFailures = new ArrayList<>();

    ReadOnly(Raft raft) {
        this.r = raft;
    }

    long lastRound() {
        return lastRound;
    }

    /** A read asked of this node by the application. */
    void readIndex(Bytes context) {
        switch (r.role) {
            case LEADER -> addLeaderRead(context, r.id);
            case FOLLOWER -> {
                if (r.leaderId.equals(Raft.NONE)) {
                    readFailures.add(new ReadFailure(context, ReadFailure.Reason.NO_LEADER));
                } else if (forwarded.size() >= r.config.maxPendingReads()) {
                    readFailures.add(new ReadFailure(context, ReadFailure.Reason.TOO_MANY_PENDING));
                } else {
                    forwarded.add(context);
                    r.send(new ReadIndexRequest(r.header(r.leaderId), context));
                }
            }
            case CANDIDATE, PRE_CANDIDATE -> readFailures.add(new ReadFailure(context, ReadFailure.Reason.NO_LEADER));
        }
    }

    void onReadIndexRequest(ReadIndexRequest request) {
        addLeaderRead(request.context(), request.from());
    }

    private void addLeaderRead(Bytes context, String origin) {
        if (awaitingTermCommit.size() + queued.size() + inRound.size() >= r.config.maxPendingReads()) {
            reject(new Pending(context, origin, 0, 0), ReadFailure.Reason.TOO_MANY_PENDING);
            return;
        }
        if (r.log.term(r.log.committed()) != r.term) {
            awaitingTermCommit.add(new Pending(context, origin, 0, 0));
        } else {
            queued.add(new Pending(context, origin, r.log.committed(), 0));
        }
    }

    /** The leader committed an entry of its term: reads waiting for that take the commit index now. */
    void onCommittedInTerm() {
        if (r.log.term(r.log.committed()) != r.term) {
            return;
        }
        while (!awaitingTermCommit.isEmpty()) {
            Pending read = awaitingTermCommit.poll();
            queued.add(new Pending(read.context(), read.origin(), r.log.committed(), 0));
        }
    }

    boolean hasQueued() {
        return !queued.isEmpty();
    }

    /** Starts one heartbeat round for every read queued since the last round. */
    void startRound() {
        if (queued.isEmpty() || r.role != Role.LEADER) {
            return;
        }
        lastRound++;
        while (!queued.isEmpty()) {
            Pending read = queued.poll();
            inRound.add(new Pending(read.context(), read.origin(), read.index(), lastRound));
        }
        r.leader.bcastReadRoundHeartbeat();
        maybeConfirm();
    }

    /** Confirms every read whose round a majority of voters acknowledged. */
    void maybeConfirm() {
        Progress self = r.tracker.progress(r.id);
        if (self != null) {
            self.ackReadRound(lastRound);
        }
        long confirmedRound = r.tracker.quorumReadRound();
        while (!inRound.isEmpty() && inRound.peek().round() <= confirmedRound) {
            Pending read = inRound.poll();
            if (read.origin().equals(r.id)) {
                readStates.add(new ReadState(read.context(), read.index()));
            } else {
                r.send(new ReadIndexResponse(r.header(read.origin()), read.context(), true, read.index()));
            }
        }
    }

    /** Fails every read this node accepted as leader (it stopped leading: it must never serve them). */
    void failLeaderReads(ReadFailure.Reason reason) {
        for (ArrayDeque<Pending> reads : List.of(awaitingTermCommit, queued, inRound)) {
            while (!reads.isEmpty()) {
                reject(reads.poll(), reason);
            }
        }
    }

    /** A new leader starts with no reads and no rounds of its own. */
    void resetLeaderReads() {
        failLeaderReads(ReadFailure.Reason.LEADERSHIP_LOST);
    }

    private void reject(Pending read, ReadFailure.Reason reason) {
        if (read.origin().equals(r.id)) {
            readFailures.add(new ReadFailure(read.context(), reason));
        } else {
            r.send(new ReadIndexResponse(r.header(read.origin()), read.context(), false, 0));
        }
    }

    /** Fails the reads forwarded to a leader that is no longer ours. */
    void failForwardedReads(ReadFailure.Reason reason) {
        while (!forwarded.isEmpty()) {
            readFailures.add(new ReadFailure(forwarded.poll(), reason));
        }
    }

    void onReadIndexResponse(ReadIndexResponse response) {
        Iterator<Bytes> it = forwarded.iterator();
        while (it.hasNext()) {
            Bytes context = it.next();
            if (context.equals(response.context())) {
                it.remove();
                if (response.success()) {
                    readStates.add(new ReadState(context, response.readIndex()));
                } else {
                    readFailures.add(new ReadFailure(context, ReadFailure.Reason.REJECTED_BY_LEADER));
                }
                return;
            }
        }
        r.emit(new RaftEvent.MessageDropped(r.id, r.term, response, "no such pending read"));
    }

    boolean hasResults() {
        return !readStates.isEmpty() || !readFailures.isEmpty();
    }

    List<ReadState> takeReadStates() {
        return Raft.drain(readStates);
    }

    List<ReadFailure> takeReadFailures() {
        return Raft.drain(readFailures);
    }
}

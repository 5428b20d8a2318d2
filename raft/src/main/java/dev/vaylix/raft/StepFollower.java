package dev.vaylix.raft;

import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.message.AppendEntries;
import dev.vaylix.raft.message.AppendResponse;
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
import java.util.List;
import java.util.Optional;

/** The follower's handlers: replication from the leader (thesis §3.5), heartbeats, snapshots (§5.3). */
final class StepFollower {

    private final Raft r;
    private final SnapshotAssembler assembler = new SnapshotAssembler();

    StepFollower(Raft raft) {
        this.r = raft;
    }

    void step(Message message) {
        switch (message) {
            case AppendEntries append -> {
                r.followLeader(append.from());
                onAppendEntries(append);
            }
            case Heartbeat heartbeat -> {
                r.followLeader(heartbeat.from());
                onHeartbeat(heartbeat);
            }
            case InstallSnapshot chunk -> {
                r.followLeader(chunk.from());
                onInstallSnapshot(chunk);
            }
            case TimeoutNow timeoutNow -> r.elections.onTimeoutNow(timeoutNow);
            case ReadIndexResponse response -> r.reads.onReadIndexResponse(response);
            case AppendResponse _, HeartbeatResponse _, InstallSnapshotResponse _, VoteResponse _,
                 ReadIndexRequest _, VoteRequest _, PreVoteRequest _, PreVoteResponse _ ->
                    r.emit(new RaftEvent.MessageDropped(r.id, r.term, message, "not expected by a follower"));
        }
    }

    private void onAppendEntries(AppendEntries append) {
        long prevIndex = append.prevLogIndex();
        long prevTerm = append.prevLogTerm();
        List<LogEntry> entries = append.entries();
        long snapshotIndex = r.log.snapshotIndex();
        if (prevIndex < snapshotIndex) {
            // We cannot check a compacted position, but everything up to our snapshot is committed and
            // so equal to the leader's log (Leader Completeness, thesis §3.6.3): skip those entries and
            // check the rest against the snapshot.
            long skip = snapshotIndex - prevIndex;
            if (skip >= entries.size()) {
                r.send(new AppendResponse(r.header(append.from()), true, r.log.committed(), 0, 0));
                return;
            }
            entries = entries.subList((int) skip, entries.size());
            prevIndex = snapshotIndex;
            prevTerm = r.log.term(snapshotIndex);
        }
        long lastNew = r.log.maybeAppend(prevIndex, prevTerm, append.leaderCommit(), entries);
        if (lastNew < 0) {
            // Fast backoff (thesis §5.3 "optimization"): point the leader at the last index whose term is
            // not above its prevLogTerm, so it skips a whole conflicting term per round trip.
            long hintIndex = r.log.findConflictByTerm(Math.min(append.prevLogIndex(), r.log.lastIndex()),
                    append.prevLogTerm());
            r.send(new AppendResponse(r.header(append.from()), false, append.prevLogIndex(), hintIndex,
                    r.log.term(hintIndex)));
            return;
        }
        long truncatedFrom = r.log.takeTruncatedFrom();
        if (truncatedFrom > 0) {
            r.emit(new RaftEvent.LogTruncated(r.id, r.term, truncatedFrom));
        }
        r.syncConfiguration();
        r.send(new AppendResponse(r.header(append.from()), true, lastNew, 0, 0));
    }

    private void onHeartbeat(Heartbeat heartbeat) {
        // The leader caps the commit index at our match index, so the entries exist and match.
        r.log.commitTo(heartbeat.commitIndex());
        r.send(new HeartbeatResponse(r.header(heartbeat.from()), heartbeat.readRound()));
    }

    private void onInstallSnapshot(InstallSnapshot chunk) {
        if (chunk.snapshotIndex() <= r.log.committed()) {
            // Thesis §5.3 / RAFT-VARIANT.md: install only a snapshot ahead of our commit index. Our
            // committed prefix matches the leader's log, which the answer tells it.
            assembler.reset();
            r.send(new AppendResponse(r.header(chunk.from()), true, r.log.committed(), 0, 0));
            return;
        }
        Optional<Snapshot> complete = assembler.accept(chunk);
        if (complete.isEmpty()) {
            r.send(new InstallSnapshotResponse(r.header(chunk.from()), chunk.snapshotIndex(),
                    assembler.receivedBytesFor(chunk)));
            return;
        }
        Snapshot snapshot = complete.get();
        boolean kept = r.log.install(snapshot);
        r.emit(new RaftEvent.SnapshotInstalled(r.id, r.term, snapshot.metadata(), kept));
        r.syncConfiguration();
        // Only the snapshot is known to match the leader (a kept suffix may still conflict after it).
        r.send(new AppendResponse(r.header(chunk.from()), true, snapshot.index(), 0, 0));
    }
}

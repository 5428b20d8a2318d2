package dev.vaylix.raft.sim;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.message.AppendEntries;
import dev.vaylix.raft.message.AppendResponse;
import dev.vaylix.raft.message.ConfigurationCodec;
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
import java.util.stream.Collectors;

/** One-line, stable descriptions of messages and entries, for scenario output, traces and failures. */
public final class Describe {

    private Describe() {
    }

    /** The message type's short name, as used in scenario files and traces. */
    public static String type(Message message) {
        return switch (message) {
            case PreVoteRequest _ -> "PreVote";
            case PreVoteResponse _ -> "PreVoteResp";
            case VoteRequest _ -> "Vote";
            case VoteResponse _ -> "VoteResp";
            case AppendEntries _ -> "App";
            case AppendResponse _ -> "AppResp";
            case Heartbeat _ -> "Heartbeat";
            case HeartbeatResponse _ -> "HeartbeatResp";
            case InstallSnapshot _ -> "Snap";
            case InstallSnapshotResponse _ -> "SnapResp";
            case ReadIndexRequest _ -> "ReadIndex";
            case ReadIndexResponse _ -> "ReadIndexResp";
            case TimeoutNow _ -> "TimeoutNow";
        };
    }

    public static String message(Message message) {
        String head = message.from() + "->" + message.to() + " " + type(message) + " term=" + message.term();
        String body = switch (message) {
            case PreVoteRequest m -> " last=" + m.lastLogIndex() + "/" + m.lastLogTerm();
            case PreVoteResponse m -> m.granted() ? " granted" : " rejected";
            case VoteRequest m -> " last=" + m.lastLogIndex() + "/" + m.lastLogTerm() + (m.leadershipTransfer() ? " transfer" : "");
            case VoteResponse m -> m.granted() ? " granted" : " rejected";
            case AppendEntries m -> " prev=" + m.prevLogIndex() + "/" + m.prevLogTerm() + " commit=" + m.leaderCommit()
                    + (m.entries().isEmpty() ? "" : " entries=[" + entries(m.entries()) + "]");
            case AppendResponse m -> m.success() ? " ok index=" + m.index()
                    : " reject index=" + m.index() + " hint=" + m.rejectHintIndex() + "/" + m.rejectHintTerm();
            case Heartbeat m -> " commit=" + m.commitIndex() + (m.readRound() > 0 ? " round=" + m.readRound() : "");
            case HeartbeatResponse m -> m.readRound() > 0 ? " round=" + m.readRound() : "";
            case InstallSnapshot m -> " snapshot=" + m.snapshotIndex() + "/" + m.snapshotTerm() + " " + m.configuration()
                    + " bytes=[" + m.offsetBytes() + "," + (m.offsetBytes() + m.chunk().length()) + ")/" + m.totalBytes();
            case InstallSnapshotResponse m -> " snapshot=" + m.snapshotIndex() + " received=" + m.receivedBytes();
            case ReadIndexRequest m -> " ctx=" + text(m.context());
            case ReadIndexResponse m -> " ctx=" + text(m.context()) + (m.success() ? " index=" + m.readIndex() : " failed");
            case TimeoutNow _ -> "";
        };
        return head + body;
    }

    public static String entries(List<LogEntry> entries) {
        return entries.stream().map(Describe::entry).collect(Collectors.joining(" "));
    }

    /** {@code index/term KIND payload}, e.g. {@code 3/2 CMD "x"}, {@code 4/2 CONF voters=(1,2)}. */
    public static String entry(LogEntry entry) {
        String head = entry.index() + "/" + entry.term();
        return switch (entry.kind()) {
            case NOOP -> head + " NOOP";
            case CONFIG -> head + " CONF " + ConfigurationCodec.decode(entry.payload());
            case COMMAND -> head + " CMD " + text(entry.payload());
        };
    }

    static String text(Bytes bytes) {
        return bytes.isValidUtf8() && bytes.utf8String().chars().allMatch(c -> c > 32 && c < 127)
                ? bytes.utf8String() : "0x" + bytes.toHex();
    }
}

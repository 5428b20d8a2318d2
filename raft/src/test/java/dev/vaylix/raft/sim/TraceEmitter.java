package dev.vaylix.raft.sim;

import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.RaftEvent;
import dev.vaylix.raft.Status;
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
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a simulation's protocol actions as JSON lines (docs/RAFT.md "Simulation traces"), one object
 * per state transition, message sent/received/dropped, persistence, crash, restart, fault and client
 * event. Every object has {@code tick}, {@code event} and, for node events, {@code node} and the node's
 * {@code state} after the event. All formatting lives here so the vocabulary can follow
 * {@code spec/TRACE_FORMAT.md} by editing this one class.
 *
 * <p>Disabled emitters ({@link #DISABLED}) do nothing and cost nothing.
 */
final class TraceEmitter implements AutoCloseable {

    static final TraceEmitter DISABLED = new TraceEmitter(null);

    private final BufferedWriter out;

    private TraceEmitter(BufferedWriter out) {
        this.out = out;
    }

    static TraceEmitter toFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new TraceEmitter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean enabled() {
        return out != null;
    }

    /** A state transition inside a node (role, vote, commit, configuration, snapshot, transfer, ignored message). */
    void raftEvent(long tick, RaftEvent event, Status state) {
        if (out == null) {
            return;
        }
        Json json = start(tick, eventName(event)).field("node", event.node());
        switch (event) {
            case RaftEvent.RoleChanged e -> json.field("role", e.role().name()).field("leader", e.leaderId())
                    .field("reason", e.reason());
            case RaftEvent.VoteCast e -> json.field("candidate", e.candidate()).field("preVote", e.preVote())
                    .field("granted", e.granted()).field("voteTerm", e.term()).field("reason", e.reason());
            case RaftEvent.CommitAdvanced e -> json.field("commitIndex", e.commitIndex());
            case RaftEvent.ConfigurationChanged e -> json.field("index", e.index())
                    .raw("voters", array(e.configuration().voters())).raw("learners", array(e.configuration().learners()));
            case RaftEvent.LogTruncated e -> json.field("fromIndex", e.fromIndex());
            case RaftEvent.SnapshotInstalled e -> json.field("index", e.metadata().index())
                    .field("snapshotTerm", e.metadata().term()).field("keptLogSuffix", e.keptLogSuffix());
            case RaftEvent.TransferStarted e -> json.field("target", e.target());
            case RaftEvent.TransferAborted e -> json.field("target", e.target()).field("reason", e.reason());
            case RaftEvent.MessageDropped e -> json.raw("msg", message(e.message())).field("reason", e.reason());
        }
        if (state != null) {
            json.raw("state", state(state));
        }
        write(json);
    }

    private static String eventName(RaftEvent event) {
        return switch (event) {
            case RaftEvent.RoleChanged e -> switch (e.role()) {
                case FOLLOWER -> "BecomeFollower";
                case PRE_CANDIDATE -> "BecomePreCandidate";
                case CANDIDATE -> "BecomeCandidate";
                case LEADER -> "BecomeLeader";
            };
            case RaftEvent.VoteCast _ -> "CastVote";
            case RaftEvent.CommitAdvanced _ -> "AdvanceCommitIndex";
            case RaftEvent.ConfigurationChanged _ -> "ChangeConfiguration";
            case RaftEvent.LogTruncated _ -> "TruncateLog";
            case RaftEvent.SnapshotInstalled _ -> "InstallSnapshot";
            case RaftEvent.TransferStarted _ -> "StartTransfer";
            case RaftEvent.TransferAborted _ -> "AbortTransfer";
            case RaftEvent.MessageDropped _ -> "IgnoreMessage";
        };
    }

    /** {@code Send}, {@code Receive} (handled by the receiver) or {@code NetworkDrop}. */
    void message(long tick, String event, Message message, Status receiverState) {
        if (out == null) {
            return;
        }
        Json json = start(tick, event).field("node", event.equals("Send") ? message.from() : message.to())
                .raw("msg", message(message));
        if (receiverState != null) {
            json.raw("state", state(receiverState));
        }
        write(json);
    }

    /** Node lifecycle and persistence: {@code Persist}, {@code Crash}, {@code Restart}, {@code Tick}-level actions. */
    void node(long tick, String node, String event, String detail, Status state) {
        if (out == null) {
            return;
        }
        Json json = start(tick, event).field("node", node).field("detail", detail);
        if (state != null) {
            json.raw("state", state(state));
        }
        write(json);
    }

    void client(long tick, String node, String event, String detail) {
        if (out == null) {
            return;
        }
        write(start(tick, event).field("node", node).field("op", detail));
    }

    /** Faults injected and healed: {@code Partition}, {@code Heal}, {@code Crash} decisions, network settings. */
    void nemesis(long tick, String event, String detail) {
        if (out == null) {
            return;
        }
        write(start(tick, event).field("detail", detail));
    }

    private static Json start(long tick, String event) {
        return new Json().field("tick", tick).field("event", event);
    }

    private static String state(Status s) {
        return new Json().field("term", s.term()).field("role", s.role().name()).field("votedFor", s.votedFor())
                .field("leader", s.leaderId()).field("commitIndex", s.commitIndex()).field("lastIndex", s.lastIndex())
                .field("lastTerm", s.lastTerm()).field("snapshotIndex", s.snapshotIndex())
                .raw("voters", array(s.configuration().voters())).raw("learners", array(s.configuration().learners()))
                .toString();
    }

    private static String message(Message m) {
        Json json = new Json().field("type", Describe.type(m)).field("from", m.from()).field("to", m.to())
                .field("term", m.term());
        switch (m) {
            case PreVoteRequest r -> json.field("lastLogIndex", r.lastLogIndex()).field("lastLogTerm", r.lastLogTerm());
            case PreVoteResponse r -> json.field("granted", r.granted());
            case VoteRequest r -> json.field("lastLogIndex", r.lastLogIndex()).field("lastLogTerm", r.lastLogTerm())
                    .field("leadershipTransfer", r.leadershipTransfer());
            case VoteResponse r -> json.field("granted", r.granted());
            case AppendEntries r -> {
                StringBuilder entries = new StringBuilder("[");
                for (LogEntry entry : r.entries()) {
                    if (entries.length() > 1) {
                        entries.append(',');
                    }
                    entries.append(new Json().field("index", entry.index()).field("term", entry.term())
                            .field("kind", entry.kind().name()).field("payload", Describe.text(entry.payload())));
                }
                json.field("prevLogIndex", r.prevLogIndex()).field("prevLogTerm", r.prevLogTerm())
                        .field("leaderCommit", r.leaderCommit()).raw("entries", entries.append(']').toString());
            }
            case AppendResponse r -> json.field("success", r.success()).field("index", r.index())
                    .field("rejectHintIndex", r.rejectHintIndex()).field("rejectHintTerm", r.rejectHintTerm());
            case Heartbeat r -> json.field("commitIndex", r.commitIndex()).field("readRound", r.readRound());
            case HeartbeatResponse r -> json.field("readRound", r.readRound());
            case InstallSnapshot r -> json.field("snapshotIndex", r.snapshotIndex()).field("snapshotTerm", r.snapshotTerm())
                    .field("offsetBytes", r.offsetBytes()).field("chunkBytes", r.chunk().length())
                    .field("totalBytes", r.totalBytes());
            case InstallSnapshotResponse r -> json.field("snapshotIndex", r.snapshotIndex())
                    .field("receivedBytes", r.receivedBytes());
            case ReadIndexRequest r -> json.field("context", Describe.text(r.context()));
            case ReadIndexResponse r -> json.field("context", Describe.text(r.context())).field("success", r.success())
                    .field("readIndex", r.readIndex());
            case TimeoutNow _ -> { }
        }
        return json.toString();
    }

    private static String array(java.util.Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            Json.quote(out, value);
        }
        return out.append(']').toString();
    }

    private void write(Json json) {
        try {
            out.write(json.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A minimal JSON object builder (flat fields; nested values passed pre-rendered through {@link #raw}). */
    private static final class Json {
        private final StringBuilder text = new StringBuilder("{");

        Json field(String name, String value) {
            key(name);
            quote(text, value);
            return this;
        }

        Json field(String name, long value) {
            key(name);
            text.append(value);
            return this;
        }

        Json field(String name, boolean value) {
            key(name);
            text.append(value);
            return this;
        }

        Json raw(String name, String json) {
            key(name);
            text.append(json);
            return this;
        }

        private void key(String name) {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(text, name);
            text.append(':');
        }

        static void quote(StringBuilder out, String value) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return text + "}";
        }
    }
}

package dev.vaylix.raft.sim;

import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.confchange.Configuration;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;

/**
 * The JSON shapes of {@code spec/TRACE_FORMAT.md}: how the implementation's messages, entries and
 * node states read in the spec's vocabulary. Used by {@link TraceEmitter}; stateless.
 */
final class SpecShapes {

    private SpecShapes() {
    }

    /** {@code m} as the spec's message record (TRACE_FORMAT.md, "Values"). */
    static String message(Message m) {
        Json json = new Json().field("type", specType(m)).field("from", m.from()).field("to", m.to())
                .field("term", m.term());
        switch (m) {
            case PreVoteRequest r -> json.field("lastLogTerm", r.lastLogTerm()).field("lastLogIndex", r.lastLogIndex());
            case PreVoteResponse r -> json.field("granted", r.granted());
            case VoteRequest r -> json.field("lastLogTerm", r.lastLogTerm()).field("lastLogIndex", r.lastLogIndex())
                    .field("transfer", r.leadershipTransfer());
            case VoteResponse r -> json.field("granted", r.granted());
            case AppendEntries r -> json.field("prevIndex", r.prevLogIndex()).field("prevTerm", r.prevLogTerm())
                    .raw("entries", entries(r.entries())).field("commit", r.leaderCommit());
            // A rejection's index and hint steer the leader's backoff (flow control, not modelled).
            case AppendResponse r -> json.field("success", r.success()).field("matchIndex", r.success() ? r.index() : 0);
            case Heartbeat r -> json.field("commit", r.commitIndex()).field("round", r.readRound());
            case HeartbeatResponse r -> json.field("round", r.readRound());
            // Chunks are flow control: every answer but the last maps to a success at index 0.
            case InstallSnapshotResponse _ -> json.field("success", true).field("matchIndex", 0);
            case ReadIndexRequest r -> json.field("id", r.context().utf8String());
            case ReadIndexResponse r -> json.field("id", r.context().utf8String())
                    .field("ok", r.success()).field("readIndex", r.success() ? r.readIndex() : 0);
            case TimeoutNow _ -> { }
            case InstallSnapshot _ -> throw new IllegalArgumentException("snapshot chunks map to AppendEntries");
        }
        return json.toString();
    }

    private static String specType(Message m) {
        return switch (m) {
            case PreVoteRequest _ -> "PreVoteReq";
            case PreVoteResponse _ -> "PreVoteResp";
            case VoteRequest _ -> "VoteReq";
            case VoteResponse _ -> "VoteResp";
            case AppendEntries _, InstallSnapshot _ -> "AppendReq";
            case AppendResponse _, InstallSnapshotResponse _ -> "AppendResp";
            case Heartbeat _ -> "Heartbeat";
            case HeartbeatResponse _ -> "HeartbeatResp";
            case ReadIndexRequest _ -> "ReadIndexReq";
            case ReadIndexResponse _ -> "ReadIndexResp";
            case TimeoutNow _ -> "TimeoutNow";
        };
    }

    /** Any snapshot chunk, as the spec sees it: an empty AppendEntries at index 0 (term and leader only). */
    static String emptyAppend(InstallSnapshot chunk) {
        return new Json().field("type", "AppendReq").field("from", chunk.from()).field("to", chunk.to())
                .field("term", chunk.term()).field("prevIndex", 0).field("prevTerm", 0).raw("entries", "[]")
                .field("commit", 0).toString();
    }

    /**
     * The chunk that completes a snapshot at index S, as the spec sees it: AppendEntries of the
     * committed entries 1..S with leaderCommit S. Installing it has the code's effect: the log keeps its
     * suffix iff its entry at S has the snapshot's term, and the commit index becomes S.
     */
    static String snapshotAppend(InstallSnapshot chunk, SortedMap<Long, LogEntry> committedLog) {
        List<LogEntry> entries = new ArrayList<>();
        for (long index = 1; index <= chunk.snapshotIndex(); index++) {
            LogEntry entry = committedLog.get(index);
            if (entry == null) {
                throw new IllegalStateException("snapshot " + chunk.snapshotIndex() + " covers index " + index
                        + ", which no node applied");
            }
            entries.add(entry);
        }
        return new Json().field("type", "AppendReq").field("from", chunk.from()).field("to", chunk.to())
                .field("term", chunk.term()).field("prevIndex", 0).field("prevTerm", 0).raw("entries", entries(entries))
                .field("commit", chunk.snapshotIndex()).toString();
    }

    private static String entries(List<LogEntry> entries) {
        StringBuilder out = new StringBuilder("[");
        for (LogEntry entry : entries) {
            if (out.length() > 1) {
                out.append(',');
            }
            Json json = new Json().field("term", entry.term()).field("kind", kind(entry.kind()));
            if (entry.kind() == EntryKind.CONFIG) {
                Configuration c = ConfigurationCodec.decode(entry.payload());
                json.raw("voters", array(c.voters())).raw("learners", array(c.learners()));
            }
            out.append(json);
        }
        return out.append(']').toString();
    }

    private static String kind(EntryKind kind) {
        return switch (kind) {
            case COMMAND -> "write";
            case NOOP -> "noop";
            case CONFIG -> "config";
        };
    }

    private static String role(Role role) {
        return switch (role) {
            case FOLLOWER -> "Follower";
            case PRE_CANDIDATE -> "PreCandidate";
            case CANDIDATE -> "Candidate";
            case LEADER -> "Leader";
        };
    }

    static String post(Status s) {
        Json json = new Json().field("term", s.term()).field("role", role(s.role()));
        if (s.votedFor().isEmpty()) {
            json.raw("votedFor", "null");
        } else {
            json.field("votedFor", s.votedFor());
        }
        return json.field("commit", s.commitIndex()).field("logLen", s.lastIndex()).field("lastTerm", s.lastTerm())
                .toString();
    }

    static String array(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            Json.quote(out, value);
        }
        return out.append(']').toString();
    }

    /** A minimal JSON object builder (flat fields; nested values passed pre-rendered through {@link #raw}). */
    static final class Json {
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

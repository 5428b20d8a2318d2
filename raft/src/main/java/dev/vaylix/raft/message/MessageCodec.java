package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned binary form of {@link Message}s: the payload of the VTP2 replication opcodes
 * (docs/RAFT.md "Message codec" is the normative description; keep the two in step).
 *
 * <pre>
 * message  = version:u8 (=1) type:u8 header body
 * header   = clusterId:str16 from:str16 to:str16 term:u64
 * str16    = length:u16 utf8-bytes
 * bytes32  = length:u32 bytes
 * entry    = index:u64 term:u64 kind:u8 leaderTimeMs:i64 payload:bytes32
 * config   = voterCount:u16 str16* learnerCount:u16 str16*
 * </pre>
 *
 * All integers are big-endian. Decoding is strict: unknown versions or types, out-of-range values,
 * non-canonical booleans and trailing bytes are rejected with {@code TRN-008 Corrupted Payload};
 * running out of input is {@code TRN-007 Unexpected End Of Frame}; malformed UTF-8 is
 * {@code TRN-012 Invalid UTF-8 Payload}. Every length is bounded before anything is allocated.
 *
 * <p>Thread-safety: stateless, safe from any thread. Returned {@link Bytes} are owned by the caller.
 */
public final class MessageCodec {

    /** The only version this code writes and reads. */
    public static final int VERSION = 1;
    /** Longest encoded cluster id or node id: 64 characters of up to 4 UTF-8 bytes each. */
    public static final int MAX_ID_BYTES = 64 * 4;
    /** Most entries in one AppendEntries. */
    public static final int MAX_ENTRIES = 1 << 16;
    /** Largest payload of one entry. */
    public static final long MAX_ENTRY_PAYLOAD_BYTES = 64L << 20;
    /** Largest snapshot chunk. */
    public static final long MAX_CHUNK_BYTES = 64L << 20;
    /** Largest read context. */
    public static final int MAX_CONTEXT_BYTES = 1024;
    /** Most members of a configuration (voters + learners). */
    public static final int MAX_MEMBERS = 1024;

    static final int PRE_VOTE_REQUEST = 0x01;
    static final int PRE_VOTE_RESPONSE = 0x02;
    static final int VOTE_REQUEST = 0x03;
    static final int VOTE_RESPONSE = 0x04;
    static final int APPEND_ENTRIES = 0x05;
    static final int APPEND_RESPONSE = 0x06;
    static final int HEARTBEAT = 0x07;
    static final int HEARTBEAT_RESPONSE = 0x08;
    static final int INSTALL_SNAPSHOT = 0x09;
    static final int INSTALL_SNAPSHOT_RESPONSE = 0x0A;
    static final int READ_INDEX_REQUEST = 0x0B;
    static final int READ_INDEX_RESPONSE = 0x0C;
    static final int TIMEOUT_NOW = 0x0D;

    private MessageCodec() {
    }

    /** The encoded form of {@code message}. */
    public static Bytes encode(Message message) {
        WireWriter out = new WireWriter(64);
        out.u8(VERSION);
        out.u8(typeOf(message));
        Header h = message.header();
        out.str16(h.clusterId());
        out.str16(h.from());
        out.str16(h.to());
        out.i64(h.term());
        switch (message) {
            case PreVoteRequest m -> {
                out.i64(m.lastLogIndex());
                out.i64(m.lastLogTerm());
            }
            case PreVoteResponse m -> out.bool(m.granted());
            case VoteRequest m -> {
                out.i64(m.lastLogIndex());
                out.i64(m.lastLogTerm());
                out.bool(m.leadershipTransfer());
            }
            case VoteResponse m -> out.bool(m.granted());
            case AppendEntries m -> {
                out.i64(m.prevLogIndex());
                out.i64(m.prevLogTerm());
                out.i64(m.leaderCommit());
                out.u32(m.entries().size());
                for (LogEntry entry : m.entries()) {
                    writeEntry(out, entry);
                }
            }
            case AppendResponse m -> {
                out.bool(m.success());
                out.i64(m.index());
                out.i64(m.rejectHintIndex());
                out.i64(m.rejectHintTerm());
            }
            case Heartbeat m -> {
                out.i64(m.commitIndex());
                out.i64(m.readRound());
            }
            case HeartbeatResponse m -> out.i64(m.readRound());
            case InstallSnapshot m -> {
                out.i64(m.snapshotIndex());
                out.i64(m.snapshotTerm());
                writeConfiguration(out, m.configuration());
                out.i64(m.totalBytes());
                out.i64(m.offsetBytes());
                out.bytes32(m.chunk());
            }
            case InstallSnapshotResponse m -> {
                out.i64(m.snapshotIndex());
                out.i64(m.receivedBytes());
            }
            case ReadIndexRequest m -> out.bytes32(m.context());
            case ReadIndexResponse m -> {
                out.bytes32(m.context());
                out.bool(m.success());
                out.i64(m.readIndex());
            }
            case TimeoutNow _ -> {
            }
        }
        return out.toBytes();
    }

    /**
     * Decodes one message that fills {@code input} exactly.
     *
     * @throws VaylixException TRN-007, TRN-008 or TRN-012 as described in the class comment
     */
    public static Message decode(Bytes input) {
        WireReader in = new WireReader(input);
        int version = in.u8();
        if (version != VERSION) {
            throw WireReader.corrupted("unsupported raft message version " + version);
        }
        int type = in.u8();
        try {
            Header h = new Header(in.str16(MAX_ID_BYTES, "cluster id"), in.str16(MAX_ID_BYTES, "from"),
                    in.str16(MAX_ID_BYTES, "to"), in.u63("term"));
            Message message = switch (type) {
                case PRE_VOTE_REQUEST -> new PreVoteRequest(h, in.u63("lastLogIndex"), in.u63("lastLogTerm"));
                case PRE_VOTE_RESPONSE -> new PreVoteResponse(h, in.bool());
                case VOTE_REQUEST -> new VoteRequest(h, in.u63("lastLogIndex"), in.u63("lastLogTerm"), in.bool());
                case VOTE_RESPONSE -> new VoteResponse(h, in.bool());
                case APPEND_ENTRIES -> {
                    long prevIndex = in.u63("prevLogIndex");
                    long prevTerm = in.u63("prevLogTerm");
                    long commit = in.u63("leaderCommit");
                    long count = in.u32();
                    if (count > MAX_ENTRIES) {
                        throw WireReader.corrupted(count + " entries exceed " + MAX_ENTRIES);
                    }
                    // Each entry takes at least 29 bytes, so this bound also protects the list allocation.
                    if (count * ENTRY_MIN_BYTES > in.remaining()) {
                        throw WireReader.corrupted(count + " entries cannot fit in " + in.remaining() + " bytes");
                    }
                    List<LogEntry> entries = new ArrayList<>((int) count);
                    for (long i = 0; i < count; i++) {
                        entries.add(readEntry(in));
                    }
                    yield new AppendEntries(h, prevIndex, prevTerm, entries, commit);
                }
                case APPEND_RESPONSE -> new AppendResponse(h, in.bool(), in.u63("index"), in.u63("rejectHintIndex"),
                        in.u63("rejectHintTerm"));
                case HEARTBEAT -> new Heartbeat(h, in.u63("commitIndex"), in.u63("readRound"));
                case HEARTBEAT_RESPONSE -> new HeartbeatResponse(h, in.u63("readRound"));
                case INSTALL_SNAPSHOT -> new InstallSnapshot(h, in.u63("snapshotIndex"), in.u63("snapshotTerm"),
                        readConfiguration(in), in.u63("totalBytes"), in.u63("offsetBytes"),
                        in.bytes32(MAX_CHUNK_BYTES, "chunk"));
                case INSTALL_SNAPSHOT_RESPONSE -> new InstallSnapshotResponse(h, in.u63("snapshotIndex"),
                        in.u63("receivedBytes"));
                case READ_INDEX_REQUEST -> new ReadIndexRequest(h, in.bytes32(MAX_CONTEXT_BYTES, "context"));
                case READ_INDEX_RESPONSE -> new ReadIndexResponse(h, in.bytes32(MAX_CONTEXT_BYTES, "context"),
                        in.bool(), in.u63("readIndex"));
                case TIMEOUT_NOW -> new TimeoutNow(h);
                default -> throw WireReader.corrupted("unknown raft message type 0x" + Integer.toHexString(type));
            };
            in.expectEnd();
            return message;
        } catch (IllegalArgumentException e) {
            // A record's compact constructor refused the decoded values (an invariant the sender broke).
            throw WireReader.corrupted(e.getMessage());
        }
    }

    /** index + term + kind + leaderTimeMs + payload length: the smallest encoded entry. */
    static final int ENTRY_MIN_BYTES = 8 + 8 + 1 + 8 + 4;

    static void writeEntry(WireWriter out, LogEntry entry) {
        out.i64(entry.index());
        out.i64(entry.term());
        out.u8(entry.kind().code());
        out.i64(entry.leaderTimeMs());
        out.bytes32(entry.payload());
    }

    static LogEntry readEntry(WireReader in) {
        long index = in.u63("entry index");
        long term = in.u63("entry term");
        int kindCode = in.u8();
        EntryKind kind;
        try {
            kind = EntryKind.fromCode(kindCode);
        } catch (IllegalArgumentException e) {
            throw WireReader.corrupted("unknown entry kind " + kindCode);
        }
        long leaderTimeMs = in.i64();
        Bytes payload = in.bytes32(MAX_ENTRY_PAYLOAD_BYTES, "entry payload");
        return new LogEntry(index, term, kind, leaderTimeMs, payload);
    }

    static void writeConfiguration(WireWriter out, Configuration configuration) {
        out.u16(configuration.voters().size());
        for (String voter : configuration.voters()) {
            out.str16(voter);
        }
        out.u16(configuration.learners().size());
        for (String learner : configuration.learners()) {
            out.str16(learner);
        }
    }

    static Configuration readConfiguration(WireReader in) {
        List<String> voters = readIds(in, "voter");
        List<String> learners = readIds(in, "learner");
        if (voters.size() + learners.size() > MAX_MEMBERS) {
            throw WireReader.corrupted("more than " + MAX_MEMBERS + " members");
        }
        if (new java.util.TreeSet<>(voters).size() != voters.size()
                || new java.util.TreeSet<>(learners).size() != learners.size()) {
            throw WireReader.corrupted("duplicate member id");
        }
        return new Configuration(new java.util.TreeSet<>(voters), new java.util.TreeSet<>(learners));
    }

    private static List<String> readIds(WireReader in, String what) {
        int count = in.u16();
        if (count > MAX_MEMBERS) {
            throw WireReader.corrupted(count + " " + what + "s exceed " + MAX_MEMBERS);
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.str16(MAX_ID_BYTES, what + " id"));
        }
        return ids;
    }

    private static int typeOf(Message message) {
        return switch (message) {
            case PreVoteRequest _ -> PRE_VOTE_REQUEST;
            case PreVoteResponse _ -> PRE_VOTE_RESPONSE;
            case VoteRequest _ -> VOTE_REQUEST;
            case VoteResponse _ -> VOTE_RESPONSE;
            case AppendEntries _ -> APPEND_ENTRIES;
            case AppendResponse _ -> APPEND_RESPONSE;
            case Heartbeat _ -> HEARTBEAT;
            case HeartbeatResponse _ -> HEARTBEAT_RESPONSE;
            case InstallSnapshot _ -> INSTALL_SNAPSHOT;
            case InstallSnapshotResponse _ -> INSTALL_SNAPSHOT_RESPONSE;
            case ReadIndexRequest _ -> READ_INDEX_REQUEST;
            case ReadIndexResponse _ -> READ_INDEX_RESPONSE;
            case TimeoutNow _ -> TIMEOUT_NOW;
        };
    }
}

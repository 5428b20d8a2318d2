package dev.vaylix.raft.sim;

import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.RaftEvent;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.AppendEntries;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.raft.message.Heartbeat;
import dev.vaylix.raft.message.InstallSnapshot;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a simulation run as a trace of the TLA+ specification's actions (spec/TRACE_FORMAT.md), so
 * that TLC can check that the run is a behaviour of {@code spec/VaylixRaft.tla}.
 *
 * <p>The simulation brackets every call into a node ({@code tick}, {@code step}, {@code advance}
 * through a sync, proposals, reads, transfers) with {@link #beginOp} and one of the {@code end*}
 * methods; the emitter compares the node's {@link Status} before and after, looks at the
 * {@link RaftEvent}s raised in between, and writes the spec steps the call amounts to, in the order
 * the spec takes them (the main step first, then the steps the code performs inside the same call:
 * campaign, election, commit, step-down, the leader's own appends), the last one carrying the node's
 * state for TLC to compare ({@code post}). Every message a node sends is an event too: an explicit
 * spec action for AppendEntries, heartbeats, snapshot chunks and TimeoutNow, else a check that the
 * spec's handler produced exactly that message.
 *
 * <p>Runs that leave what the spec models end the trace early with a {@code truncated} line and the
 * reason (a crash losing a follower's unsynced write; a ReadIndex request duplicated into a leader);
 * {@code -Dsim.trace.maxEvents=N} ends it after N events. Lines are buffered and written at
 * {@link #close}, after the {@code init} line that lists every server the run created.
 *
 * <p>Disabled emitters ({@link #DISABLED}) do nothing and cost nothing. Not thread-safe (the
 * simulation is single-threaded).
 */
final class TraceEmitter implements AutoCloseable {

    static final TraceEmitter DISABLED = new TraceEmitter(null, 0);

    /** The kind of node call an operation is. */
    private enum Op { TICK, RECEIVE, SYNC, CALL }

    private final Path file;
    private final long maxEvents;
    private final List<String> lines = new ArrayList<>();
    private final TreeSet<String> servers = new TreeSet<>();
    private final TreeSet<String> initialVoters = new TreeSet<>();
    private String header = "";
    private long events;
    private String stopped;
    private long tick;

    private RaftNode opNode;
    private Status before;
    private final List<RaftEvent> raised = new ArrayList<>();

    /** Latest ReadIndex round each node's heartbeats carried (reset by a restart). */
    private final Map<String, Long> lastRound = new HashMap<>();
    /** Reads the spec knows of and whose client has not seen an outcome, by id, with their node. */
    private final Map<String, String> pendingReads = new HashMap<>();
    /** Refusals of forwarded reads that a node's handler sent ("to>from:id"), as opposed to a leader's rejections. */
    private final Set<String> handlerRefusals = new HashSet<>();
    /** Every read id introduced to the spec. */
    private final Set<String> knownReads = new HashSet<>();
    /** Read ids a leader took from a forwarded request (a duplicate delivery would be a second instance). */
    private final Set<String> heldReads = new HashSet<>();
    /** The committed log, as applied by the nodes (index -> entry); snapshot chunks are mapped through it. */
    private SortedMap<Long, LogEntry> committedLog = new TreeMap<>();

    private TraceEmitter(Path file, long maxEvents) {
        this.file = file;
        this.maxEvents = maxEvents;
    }

    /** An emitter writing to {@code file}; {@code -Dsim.trace.maxEvents=N} bounds its length. */
    static TraceEmitter toFile(Path file) {
        return new TraceEmitter(file, Long.getLong("sim.trace.maxEvents", 0L));
    }

    /** Where committed entries can be looked up (the simulation's record of applied entries). */
    void useCommittedLog(SortedMap<Long, LogEntry> appliedLog) {
        this.committedLog = appliedLog;
    }

    void server(String id, boolean initialVoter) {
        if (file == null) {
            return;
        }
        servers.add(id);
        if (initialVoter) {
            initialVoters.add(id);
        }
    }

    void describeRun(String settings) {
        header = settings;
    }

    /** Free text for readers (partitions, pauses, crashes); the checker skips it. */
    void note(long atTick, String text) {
        if (file == null || stopped != null) {
            return;
        }
        lines.add(new SpecShapes.Json().field("action", "note").field("x_tick", atTick).field("x_text", text).toString());
    }

    // ---- operations ----

    void beginOp(long atTick, RaftNode node) {
        if (file == null) {
            return;
        }
        if (opNode != null) {
            throw new IllegalStateException("operation on " + opNode.id() + " still open");
        }
        tick = atTick;
        opNode = node;
        before = node.status();
        raised.clear();
    }

    void raftEvent(RaftEvent event) {
        if (file == null) {
            return;
        }
        if (opNode == null || !opNode.id().equals(event.node())) {
            throw new IllegalStateException("raft event outside an operation on its node: " + event);
        }
        raised.add(event);
    }

    void endTick() {
        if (file == null) {
            return;
        }
        String id = opNode.id();
        Status after = opNode.status();
        List<SpecShapes.Json> out = new ArrayList<>();
        for (RaftEvent event : raised) {
            if (event instanceof RaftEvent.RoleChanged e) {
                switch (e.role()) {
                    case PRE_CANDIDATE -> {
                        out.add(event("contact_expired", id));
                        out.add(event("timeout", id));
                    }
                    // A single voter wins its pre-vote and election inside the tick.
                    case CANDIDATE -> out.add(event("become_candidate", id));
                    case LEADER -> out.add(event("become_leader", id));
                    case FOLLOWER -> {
                        if (before.role() == Role.LEADER) {
                            out.add(event("check_quorum_step_down", id));
                        }
                    }
                }
            }
        }
        derived(out, after, Op.TICK, null);
        finishOp(out, after);
    }

    void endReceive(Message message) {
        if (file == null || opNode == null) {
            return;
        }
        String id = opNode.id();
        Status after = opNode.status();
        List<SpecShapes.Json> out = new ArrayList<>();
        switch (message) {
            case PreVoteRequest _ -> {
                if (raisedVote(true)) {
                    out.add(event("contact_expired", id));
                }
            }
            case VoteRequest r -> {
                if (r.term() > before.term() && !r.leadershipTransfer() && after.term() == r.term()) {
                    out.add(event("contact_expired", id));
                }
            }
            case ReadIndexRequest r -> {
                String read = r.context().utf8String();
                boolean held = after.role() == Role.LEADER && after.term() == r.term();
                if (held && !heldReads.add(read)) {
                    stop("ReadIndex request " + read + " delivered twice to a leader (a second pending instance)");
                    closeOp();
                    return;
                }
                if (!held) {
                    handlerRefusals.add(r.to() + ">" + r.from() + ":" + read);
                }
            }
            default -> { }
        }
        out.add(receiveEvent(message, id));
        derived(out, after, Op.RECEIVE, message);
        finishOp(out, after);
    }

    void endSync() {
        if (file == null) {
            return;
        }
        Status after = opNode.status();
        List<SpecShapes.Json> out = new ArrayList<>();
        if (after.persistedIndex() > before.persistedIndex()) {
            out.add(event("persist", opNode.id()).field("index", after.persistedIndex()));
        }
        derived(out, after, Op.SYNC, null);
        finishOp(out, after);
    }

    /** A call from the outside (client proposal, membership change, transfer). */
    void endCall() {
        if (file == null) {
            return;
        }
        Status after = opNode.status();
        List<SpecShapes.Json> out = new ArrayList<>();
        derived(out, after, Op.CALL, null);
        finishOp(out, after);
    }

    /** A client read asked of the node; {@code read} is its id (the ReadIndex context). */
    void endRead(String read) {
        if (file == null) {
            return;
        }
        Status after = opNode.status();
        List<SpecShapes.Json> out = new ArrayList<>();
        if (before.role() == Role.LEADER) {
            out.add(event("read_begin", opNode.id()).field("id", read));
        } else if (before.role() == Role.FOLLOWER && !before.leaderId().isEmpty()) {
            out.add(event("read_forward", opNode.id()).field("id", read).field("to", before.leaderId()));
        }
        if (!out.isEmpty()) {
            knownReads.add(read);
            pendingReads.put(read, opNode.id());
        }
        finishOp(out, after);
    }

    /** The steps the code takes inside the call after its main step (see the class comment). */
    private void derived(List<SpecShapes.Json> out, Status after, Op op, Message message) {
        String id = opNode.id();
        boolean sameTerm = after.term() == before.term();
        for (RaftEvent event : op == Op.TICK ? List.<RaftEvent>of() : raised) {
            if (event instanceof RaftEvent.RoleChanged e) {
                if (e.role() == Role.CANDIDATE && message instanceof PreVoteResponse) {
                    out.add(event("become_candidate", id));
                } else if (e.role() == Role.LEADER) {
                    out.add(event("become_leader", id));
                }
            }
        }
        if ((message instanceof PreVoteResponse || message instanceof VoteResponse) && sameTerm
                && (before.role() == Role.PRE_CANDIDATE || before.role() == Role.CANDIDATE)
                && after.role() == Role.FOLLOWER) {
            out.add(event("abandon_campaign", id));
        }
        boolean ledThroughout = before.role() == Role.LEADER && sameTerm;
        if (ledThroughout && after.commitIndex() > before.commitIndex()) {
            out.add(event("advance_commit", id).field("commit", after.commitIndex()));
        }
        if (ledThroughout && after.role() != Role.LEADER && op != Op.TICK) {
            out.add(event("step_down_removed", id));
        }
        if (ledThroughout) {
            Configuration current = before.configuration();
            for (long index = before.lastIndex() + 1; index <= after.lastIndex(); index++) {
                LogEntry entry = opNode.entry(index).orElseThrow(
                        () -> new IllegalStateException("leader entry missing from the log"));
                switch (entry.kind()) {
                    case COMMAND -> out.add(event("client_write", id));
                    case CONFIG -> {
                        Configuration next = ConfigurationCodec.decode(entry.payload());
                        out.add(configChange(id, current, next));
                        current = next;
                    }
                    case NOOP -> throw new IllegalStateException("a leader appended a no-op outside its election");
                }
            }
        }
        for (RaftEvent event : raised) {
            switch (event) {
                case RaftEvent.TransferAborted _ -> out.add(event("transfer_abort", id));
                case RaftEvent.TransferStarted e -> out.add(event("transfer_start", id).field("target", e.target()));
                default -> { }
            }
        }
    }

    private SpecShapes.Json configChange(String id, Configuration from, Configuration to) {
        for (String s : to.learners()) {
            if (!from.isMember(s)) {
                return event("propose_config", id).field("change", "add_learner").field("server", s);
            }
        }
        for (String s : to.voters()) {
            if (!from.isVoter(s)) {
                return event("propose_config", id).field("change", "promote").field("server", s);
            }
        }
        for (String s : from.members()) {
            if (!to.isMember(s)) {
                return event("propose_config", id).field("change", "remove").field("server", s);
            }
        }
        throw new IllegalStateException("configuration entry changes nothing: " + from + " -> " + to);
    }

    private boolean raisedVote(boolean granted) {
        for (RaftEvent event : raised) {
            if (event instanceof RaftEvent.VoteCast v && v.preVote() && v.granted() == granted) {
                return true;
            }
        }
        return false;
    }

    private SpecShapes.Json receiveEvent(Message message, String id) {
        if (message instanceof InstallSnapshot chunk) {
            if (chunk.term() >= before.term() && chunk.snapshotIndex() <= before.commitIndex()) {
                return event("receive_compacted", id).raw("msg", SpecShapes.emptyAppend(chunk));
            }
            boolean installed = raised.stream().anyMatch(e -> e instanceof RaftEvent.SnapshotInstalled);
            return event("receive", id).raw("msg", installed ? SpecShapes.snapshotAppend(chunk, committedLog) : SpecShapes.emptyAppend(chunk));
        }
        if (message instanceof AppendEntries append && append.term() >= before.term()
                && append.prevLogIndex() < before.snapshotIndex()
                && append.prevLogIndex() + append.entries().size() <= before.snapshotIndex()) {
            return event("receive_compacted", id).raw("msg", SpecShapes.message(message));
        }
        return event("receive", id).raw("msg", SpecShapes.message(message));
    }

    private void finishOp(List<SpecShapes.Json> out, Status after) {
        if (!out.isEmpty()) {
            out.getLast().raw("post", SpecShapes.post(after));
        }
        for (SpecShapes.Json json : out) {
            write(json);
        }
        closeOp();
    }

    private void closeOp() {
        opNode = null;
        before = null;
        raised.clear();
    }

    // ---- messages, crashes, restarts, read outcomes ----

    /** A message leaves {@code sender}'s process. */
    void sent(Message message) {
        if (file == null) {
            return;
        }
        String from = message.from();
        switch (message) {
            case AppendEntries _ -> write(event("send_append", from).raw("msg", SpecShapes.message(message)));
            case Heartbeat h -> {
                if (h.readRound() > lastRound.getOrDefault(from, 0L)) {
                    lastRound.put(from, h.readRound());
                    write(event("read_round", from));
                }
                write(event("send_heartbeat", from).raw("msg", SpecShapes.message(message)));
            }
            case InstallSnapshot chunk -> {
                write(event("send_append", from).raw("msg", SpecShapes.emptyAppend(chunk)));
                if (chunk.offsetBytes() + chunk.chunk().length() == chunk.totalBytes()) {
                    write(event("send_append", from).raw("msg", SpecShapes.snapshotAppend(chunk, committedLog)));
                }
            }
            case TimeoutNow _ -> write(event("send_timeout_now", from).raw("msg", SpecShapes.message(message)));
            case ReadIndexResponse r when !r.success()
                    && !handlerRefusals.remove(r.from() + ">" + r.to() + ":" + r.context().utf8String()) -> {
                String read = r.context().utf8String();
                write(event("read_reject", from).field("id", read));
                write(event("sent", from).raw("msg", SpecShapes.message(message)));
            }
            default -> write(event("sent", from).raw("msg", SpecShapes.message(message)));
        }
    }

    /**
     * A node crashed and lost {@code lostWrites} unsynced disk writes. The spec lets only a leader lose
     * writes (its own appends); a follower's handler is persisted with its step, so a crash that
     * loses a follower's write ends the trace.
     */
    void crash(long atTick, String node, Role role, int lostWrites) {
        if (file == null) {
            return;
        }
        note(atTick, "crash " + node + " (" + role + "): " + lostWrites + " unsynced writes lost");
        if (lostWrites > 0 && role != Role.LEADER) {
            stop("crash of " + node + " (" + role + ") lost " + lostWrites
                    + " unsynced writes: a follower's write is atomic with its step in the spec");
        }
    }

    void restart(long atTick, RaftNode node) {
        if (file == null) {
            return;
        }
        tick = atTick;
        String id = node.id();
        for (String read : new TreeSet<>(pendingReads.keySet())) {
            if (pendingReads.get(read).equals(id)) {
                pendingReads.remove(read);
                write(event("read_fail", id).field("id", read));
            }
        }
        lastRound.remove(id);
        Status s = node.status();
        write(event("restart", id).field("logLen", s.lastIndex()).field("commit", s.commitIndex())
                .raw("post", SpecShapes.post(s)));
    }

    void readReady(String node, String read) {
        if (file == null || !knownReads.contains(read)) {
            return;
        }
        pendingReads.remove(read);
        write(event("read_ready", node).field("id", read));
    }

    void readFailed(String node, String read) {
        if (file == null || !knownReads.contains(read) || !pendingReads.containsKey(read)) {
            return;
        }
        pendingReads.remove(read);
        write(event("read_fail", node).field("id", read));
    }

    private SpecShapes.Json event(String action, String node) {
        return new SpecShapes.Json().field("action", action).field("node", node);
    }

    private void write(SpecShapes.Json json) {
        if (stopped != null) {
            return;
        }
        if (maxEvents > 0 && events >= maxEvents) {
            stop("event limit " + maxEvents + " (-Dsim.trace.maxEvents)");
            return;
        }
        events++;
        lines.add(json.field("x_tick", tick).toString());
    }

    private void stop(String reason) {
        if (stopped == null) {
            stopped = reason;
            lines.add(new SpecShapes.Json().field("action", "truncated").field("reason", reason).field("x_tick", tick).toString());
        }
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(new SpecShapes.Json().field("action", "init").raw("servers", SpecShapes.array(servers))
                        .raw("voters", SpecShapes.array(initialVoters)).field("x_run", header).toString());
                out.write('\n');
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

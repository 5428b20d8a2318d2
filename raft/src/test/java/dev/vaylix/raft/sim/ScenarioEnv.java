package dev.vaylix.raft.sim;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.PersistentState;
import dev.vaylix.raft.ProposeResult;
import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEvent;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.ReadFailure;
import dev.vaylix.raft.ReadState;
import dev.vaylix.raft.Ready;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.Message;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The world of a scenario file: nodes that persist every Ready at once, a message queue delivered only
 * on command, partitions, crashes. Each command returns the text it printed (compared with the file).
 */
final class ScenarioEnv implements SimNode.Host {

    enum Level { NONE, INFO, DEBUG }

    private final TreeMap<String, SimNode> nodes = new TreeMap<>();
    private final List<Message> queue = new ArrayList<>();
    private final List<TreeSet<String>> partition = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private Level level = Level.INFO;
    private int electionTicks = 10;
    private int heartbeatTicks = 1;
    private int chunkBytes = 1 << 20;
    private int maxMessageBytes = 1 << 20;
    private int maxInflight = 256;
    private long nextTimeMs = 1_000;

    String run(Command command) {
        out.setLength(0);
        switch (command.name()) {
            case "add-nodes" -> addNodes(command);
            case "campaign" -> node(command.arg(0)).raft().campaign();
            case "tick" -> tick(command.arg(0), command.intArg(1, 1));
            case "tick-election" -> tick(command.arg(0), electionTicks);
            case "tick-heartbeat" -> tick(command.arg(0), heartbeatTicks);
            case "process-ready" -> {
                for (String id : targets(command)) {
                    handleReady(node(id));
                }
            }
            case "deliver-msgs" -> deliver(command);
            case "stabilize" -> stabilize(command);
            case "propose" -> propose(command);
            case "propose-conf-change" -> proposeConfChange(command);
            case "read-index" -> node(command.arg(0)).raft().readIndex(Bytes.utf8(command.arg(1)));
            case "transfer-leadership" ->
                    line("transfer: " + node(command.option("from")).raft().transferLeadership(command.option("to")));
            case "crash" -> crash(command.arg(0));
            case "restart" -> restart(command.arg(0));
            case "partition" -> partition(command);
            case "heal" -> partition.clear();
            case "compact" -> compact(command.arg(0));
            case "status" -> {
                for (String id : targets(command)) {
                    status(node(id));
                }
            }
            case "raft-log" -> raftLog(node(command.arg(0)));
            case "kv" -> line(node(command.arg(0)).stateMachine().contents().toString());
            case "log-level" -> level = Level.valueOf(command.arg(0).toUpperCase(java.util.Locale.ROOT));
            default -> throw new IllegalArgumentException("unknown scenario command: " + command.name());
        }
        String text = out.toString();
        return text.isEmpty() ? "ok\n" : text;
    }

    // ---- commands ----

    private void addNodes(Command command) {
        int count = Integer.parseInt(command.arg(0));
        electionTicks = command.intOption("election", electionTicks);
        heartbeatTicks = command.intOption("heartbeat", heartbeatTicks);
        chunkBytes = command.intOption("chunk", chunkBytes);
        int snapshotEvery = command.intOption("snapshot-every", 0);
        maxMessageBytes = command.intOption("max-msg-bytes", maxMessageBytes);
        maxInflight = command.intOption("inflight", maxInflight);
        List<String> ids = new ArrayList<>();
        int next = nodes.size() + 1;
        for (int i = 0; i < count; i++) {
            ids.add(Integer.toString(next + i));
        }
        Configuration bootstrap;
        if (command.hasOption("join")) {
            bootstrap = Configuration.EMPTY;
        } else if (command.hasOption("voters")) {
            bootstrap = new Configuration(new TreeSet<>(command.listOption("voters")),
                    new TreeSet<>(command.listOption("learners")));
        } else {
            bootstrap = new Configuration(new TreeSet<>(ids), new TreeSet<>());
        }
        for (String id : ids) {
            RaftConfig config = RaftConfig.defaults("scenario", id).withTimeouts(electionTicks, heartbeatTicks)
                    .withSnapshotChunkBytes(chunkBytes)
                    .withFlowControl(maxMessageBytes, maxInflight, (long) maxMessageBytes * maxInflight);
            // Randomised timeouts are pinned to their maximum (2T - 1 ticks): after tick-election (T ticks) a
            // node has forgotten its leader (its lease ran out) but has not campaigned; campaigns are explicit.
            SimNode node = new SimNode(config, PersistentState.bootstrap(bootstrap), bound -> bound - 1, this::event,
                    this, snapshotEvery);
            nodes.put(id, node);
            line("INFO " + id + " starts with " + bootstrap);
        }
    }

    private void tick(String id, int ticks) {
        for (int i = 0; i < ticks; i++) {
            node(id).raft().tick();
        }
    }

    private void propose(Command command) {
        SimNode node = node(command.arg(0));
        ProposeResult result = node.raft().propose(Bytes.utf8(command.arg(1)), nextTimeMs++);
        line("propose: " + describe(result));
    }

    private void proposeConfChange(Command command) {
        SimNode node = node(command.arg(0));
        ConfChange change;
        if (command.hasOption("add-learner")) {
            change = new ConfChange.AddLearner(command.option("add-learner"));
        } else if (command.hasOption("promote")) {
            change = new ConfChange.PromoteLearner(command.option("promote"));
        } else {
            change = new ConfChange.RemoveServer(command.option("remove"));
        }
        line("propose-conf-change: " + describe(node.raft().proposeConfChange(change, nextTimeMs++)));
    }

    private static String describe(ProposeResult result) {
        return switch (result) {
            case ProposeResult.Accepted accepted -> "accepted at " + accepted.index() + "/" + accepted.term();
            case ProposeResult.Rejected rejected -> "rejected " + rejected.reason()
                    + (rejected.leaderHint().isEmpty() ? "" : " leader=" + rejected.leaderHint())
                    + " (" + rejected.detail() + ")";
        };
    }

    private void crash(String id) {
        int lost = node(id).crash(new SplittableRandom(0));
        // A scenario simplification: what the node had queued, and what was queued to it, is gone.
        int discarded = 0;
        for (Iterator<Message> it = queue.iterator(); it.hasNext(); ) {
            Message message = it.next();
            if (message.from().equals(id) || message.to().equals(id)) {
                it.remove();
                discarded++;
            }
        }
        line("INFO " + id + " crashed (" + lost + " unsynced writes lost, " + discarded + " queued messages discarded)");
    }

    private void restart(String id) {
        SimNode node = node(id);
        node.restart();
        Status status = node.raft().status();
        line("INFO " + id + " restarted at term " + status.term() + " with log " + status.snapshotIndex() + ".."
                + status.lastIndex() + " commit " + status.commitIndex());
    }

    private void partition(Command command) {
        partition.clear();
        for (String group : command.args()) {
            partition.add(new TreeSet<>(Command.parseList(group)));
        }
    }

    private void compact(String id) {
        SimNode node = node(id);
        KvStateMachine sm = node.stateMachine();
        Snapshot snapshot = node.raft().snapshotAt(sm.appliedIndex(), sm.snapshot());
        node.disk().saveSnapshotAndCompact(snapshot);
        node.disk().sync();
        node.raft().compact(snapshot);
        line("INFO " + id + " compacted its log up to " + snapshot.index() + "/" + snapshot.term());
    }

    private void status(SimNode node) {
        if (node.crashed()) {
            line(node.id() + ": crashed");
            return;
        }
        Status s = node.raft().status();
        line(s.id() + ": " + s.role() + " term=" + s.term() + " leader=" + (s.leaderId().isEmpty() ? "none" : s.leaderId())
                + " commit=" + s.commitIndex() + " last=" + s.lastIndex() + "/" + s.lastTerm() + " " + s.configuration());
        for (Map.Entry<String, Status.Replication> entry : s.progress().entrySet()) {
            line("  " + entry.getKey() + ": " + entry.getValue().description());
        }
    }

    private void raftLog(SimNode node) {
        RaftNode raft = node.raft();
        Status s = raft.status();
        line("snapshot " + s.snapshotIndex() + "/" + s.snapshotTerm());
        for (long index = s.snapshotIndex() + 1; index <= s.lastIndex(); index++) {
            line(Describe.entry(raft.entry(index).orElseThrow()));
        }
    }

    // ---- readiness and delivery ----

    /** Handles and persists every Ready of {@code node}; returns true if there was one. */
    private boolean handleReady(SimNode node) {
        boolean any = false;
        for (int round = 0; round < 16 && !node.crashed() && (node.raft().hasReady() || node.hasUnsynced()); round++) {
            any = true;
            node.processReady();
            node.sync();
        }
        return any;
    }

    private void deliver(Command command) {
        List<String> drop = command.listOption("drop");
        List<String> to = command.args();
        Iterator<Message> it = queue.iterator();
        List<Message> selected = new ArrayList<>();
        while (it.hasNext()) {
            Message message = it.next();
            if (drop.contains(message.to())) {
                it.remove();
                traffic("  dropped: " + Describe.message(message));
            } else if (!command.hasOption("drop") && (to.isEmpty() || to.contains(message.to()))) {
                it.remove();
                selected.add(message);
            }
        }
        for (Message message : selected) {
            step(message);
        }
    }

    private void step(Message message) {
        SimNode target = nodes.get(message.to());
        if (target == null || target.crashed()) {
            traffic("  dropped (down): " + Describe.message(message));
            return;
        }
        if (blocked(message.from(), message.to())) {
            traffic("  dropped (partition): " + Describe.message(message));
            return;
        }
        traffic("  " + Describe.message(message));
        target.raft().step(message);
    }

    private boolean blocked(String from, String to) {
        if (partition.isEmpty()) {
            return false;
        }
        for (TreeSet<String> group : partition) {
            if (group.contains(from)) {
                return !group.contains(to);
            }
        }
        return true;
    }

    private void stabilize(Command command) {
        List<String> only = targets(command);
        for (int round = 0; round < 1000; round++) {
            boolean progress = false;
            for (String id : only) {
                if (handleReady(node(id))) {
                    progress = true;
                }
            }
            List<Message> batch = new ArrayList<>();
            Iterator<Message> it = queue.iterator();
            while (it.hasNext()) {
                Message message = it.next();
                if (only.contains(message.to())) {
                    batch.add(message);
                    it.remove();
                }
            }
            TreeMap<String, List<Message>> byTarget = new TreeMap<>();
            for (Message message : batch) {
                byTarget.computeIfAbsent(message.to(), _ -> new ArrayList<>()).add(message);
            }
            for (Map.Entry<String, List<Message>> entry : byTarget.entrySet()) {
                traffic("> " + entry.getKey() + " receiving messages");
                for (Message message : entry.getValue()) {
                    step(message);
                }
                progress = true;
            }
            if (!progress) {
                return;
            }
        }
        throw new IllegalStateException("the cluster did not stabilize in 1000 rounds");
    }

    private List<String> targets(Command command) {
        return command.args().isEmpty() ? new ArrayList<>(nodes.keySet()) : command.args();
    }

    private SimNode node(String id) {
        SimNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return node;
    }

    // ---- SimNode.Host ----

    @Override
    public void send(Message message) {
        SimNode target = nodes.get(message.to());
        if (target != null && !target.crashed()) {
            queue.add(message);
        }
    }

    @Override
    public void ready(String node, Ready ready) {
        List<String> lines = new ArrayList<>();
        ready.softState().ifPresent(s -> lines.add("  soft: " + s.role() + " term=" + s.term() + " leader="
                + (s.leaderId().isEmpty() ? "none" : s.leaderId())));
        ready.hardState().ifPresent(h -> lines.add("  hard: term=" + h.term() + " vote="
                + (h.votedFor().isEmpty() ? "none" : h.votedFor()) + " commit=" + h.commitIndex()));
        ready.snapshot().ifPresent(s -> lines.add("  snapshot: " + s.index() + "/" + s.term() + " "
                + s.metadata().configuration()));
        if (!ready.entries().isEmpty()) {
            lines.add("  entries: " + Describe.entries(ready.entries()));
        }
        for (Message message : ready.messages()) {
            lines.add("  send: " + Describe.message(message));
        }
        for (Message message : ready.messagesAfterPersist()) {
            lines.add("  send after persist: " + Describe.message(message));
        }
        if (!ready.committedEntries().isEmpty()) {
            lines.add("  apply: " + Describe.entries(ready.committedEntries()));
        }
        for (ReadState state : ready.readStates()) {
            lines.add("  read-state: ctx=" + Describe.text(state.context()) + " index=" + state.index());
        }
        for (ReadFailure failure : ready.readFailures()) {
            lines.add("  read-failure: ctx=" + Describe.text(failure.context()) + " " + failure.reason());
        }
        if (level == Level.DEBUG) {
            ready.watermarks().ifPresent(w -> lines.add("  watermarks: term=" + w.term() + " commit="
                    + w.committedIndex() + " all=" + w.allVotersDurableIndex() + " local=" + w.localDurableIndex()));
        }
        if (!lines.isEmpty() && level != Level.NONE) {
            line("> " + node + " handling Ready");
            lines.forEach(this::line);
        }
    }

    @Override
    public void applied(String node, LogEntry entry, String result) {
    }

    @Override
    public void snapshotRestored(String node, Snapshot snapshot) {
    }

    @Override
    public void readState(String node, ReadState state) {
    }

    @Override
    public void readFailure(String node, ReadFailure failure) {
    }

    @Override
    public void softState(String node, SoftState state) {
    }

    private void event(RaftEvent event) {
        if (level == Level.NONE) {
            return;
        }
        String text = switch (event) {
            case RaftEvent.RoleChanged e -> e.node() + " is " + e.role() + " at term " + e.term()
                    + (e.leaderId().isEmpty() ? "" : ", leader " + e.leaderId()) + " (" + e.reason() + ")";
            case RaftEvent.VoteCast e -> e.node() + (e.granted() ? " granted " : " rejected ")
                    + (e.preVote() ? "pre-vote" : "vote") + " for " + e.candidate() + " at term " + e.term()
                    + " (" + e.reason() + ")";
            case RaftEvent.CommitAdvanced e -> e.node() + " committed up to " + e.commitIndex();
            case RaftEvent.ConfigurationChanged e -> e.node() + " uses " + e.configuration() + " from index " + e.index();
            case RaftEvent.LogTruncated e -> e.node() + " truncated its log from index " + e.fromIndex();
            case RaftEvent.SnapshotInstalled e -> e.node() + " installed snapshot " + e.metadata().index() + "/"
                    + e.metadata().term() + (e.keptLogSuffix() ? " keeping its log suffix" : " replacing its log");
            case RaftEvent.TransferStarted e -> e.node() + " transfers leadership to " + e.target();
            case RaftEvent.TransferAborted e -> e.node() + " aborted the transfer to " + e.target() + " (" + e.reason() + ")";
            case RaftEvent.MessageDropped e -> level == Level.DEBUG
                    ? e.node() + " ignored " + Describe.message(e.message()) + " (" + e.reason() + ")" : null;
        };
        if (text != null) {
            line((event instanceof RaftEvent.MessageDropped ? "  DEBUG " : "  INFO ") + text);
        }
    }

    /** Output about messages and Readys, silenced by {@code log-level none}. */
    private void traffic(String text) {
        if (level != Level.NONE) {
            line(text);
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}

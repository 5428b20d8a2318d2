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
import dev.vaylix.raft.Role;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.TransferResult;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One deterministic simulation run: a whole cluster in one thread, driven by a seed. A fault phase
 * (message loss, duplication, reordering, partitions of several shapes, crashes that lose unsynced
 * writes, slow disks, membership changes, leadership transfers) under a client workload, then a
 * liveness phase with every fault healed. {@link Invariants} are checked after every step; the client
 * history is checked against the committed log ({@link LogOrderCheck}) and handed to the bound
 * {@link LinearizabilityChecker}.
 */
final class Simulation implements SimNode.Host {

    /** The outcome of a run. {@code failure} is null on success. */
    record Result(SimSettings settings, String failure, long ticks, long committed, int operations, int leaders,
                  String linearizability) {
        boolean ok() {
            return failure == null;
        }
    }

    private final SimSettings settings;
    private final SplittableRandom random;
    private final TreeMap<String, SimNode> nodes = new TreeMap<>();
    private final TreeMap<String, Long> restartAtTick = new TreeMap<>();
    /** Paused nodes (a stopped process: no ticks, no messages, no fsync) and when they resume. */
    private final TreeMap<String, Long> pausedUntilTick = new TreeMap<>();
    /** Messages that arrived for a paused node, delivered after it resumes. */
    private final List<Message> heldForPaused = new ArrayList<>();
    /** Leaders scheduled to crash soon after their election (LEADER_CHURN). */
    private final TreeMap<String, Long> crashNewLeaderAtTick = new TreeMap<>();
    private boolean faultsActive = true;
    private final SimNetwork network;
    private final Invariants invariants = new Invariants();
    private final Workload workload;
    private final TraceEmitter trace;
    private final RaftConfig template;
    private long tick;
    private long healAtTick = -1;
    private int nextNodeNumber;
    private double syncProbability;

    Simulation(SimSettings settings, Path traceDirectory) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.network = new SimNetwork(random.split());
        this.trace = traceDirectory == null ? TraceEmitter.DISABLED
                : TraceEmitter.toFile(traceDirectory.resolve("sim-" + settings.seed() + ".jsonl"));
        this.workload = new Workload(random.split(), settings.clients(), 0.3, 60, trace);
        trace.useCommittedLog(invariants.appliedLog());
        trace.describeRun(settings.toString());
        this.template = RaftConfig.defaults("sim", "n1")
                .withTimeouts(settings.electionTimeoutTicks(), settings.heartbeatTicks())
                .withFlowControl(settings.maxMessageBytes(), settings.maxInflight(), settings.maxMessageBytes() * 4L)
                .withSnapshotChunkBytes(settings.chunkBytes());
        this.syncProbability = settings.syncProbability();
    }

    Result run() {
        try (trace) {
            String failure = null;
            String linearizability = "not checked";
            try {
                setUp();
                for (tick = 1; tick <= settings.faultTicks(); tick++) {
                    nemesis();
                    step(true);
                }
                healEverything();
                checkLiveness();
                for (int i = 0; i < 3 * settings.electionTimeoutTicks(); i++) {
                    tick++;
                    step(false);
                }
                workload.expire(tick, true);
                invariants.checkDurability(nodes.values());
                List<String> violations = LogOrderCheck.check(workload.history(), invariants.appliedLog());
                if (!violations.isEmpty()) {
                    throw new Invariants.Violation("history inconsistent with the committed log: "
                            + String.join("; ", violations.subList(0, Math.min(5, violations.size()))));
                }
                LinearizabilityChecker.Result checked = LinearizabilityChecker.bound()
                        .check(workload.history(), Duration.ofSeconds(10));
                linearizability = checked.verdict() + " (" + checked.explanation() + ")";
                if (checked.verdict() == LinearizabilityChecker.Verdict.NOT_LINEARIZABLE) {
                    throw new Invariants.Violation("history not linearizable: " + checked.explanation());
                }
                // The bound checker's budget counts explored states, not time, so UNKNOWN is a property of
                // the seed, not of the machine: an undecided history is a failure to investigate, never a pass.
                if (checked.verdict() == LinearizabilityChecker.Verdict.UNKNOWN) {
                    throw new Invariants.Violation("linearizability undecided: " + checked.explanation());
                }
            } catch (RuntimeException | AssertionError e) {
                failure = "at tick " + tick + ": " + e;
                if (!(e instanceof Invariants.Violation)) {
                    java.io.StringWriter stack = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(stack));
                    failure += "\n" + stack;
                }
            }
            return new Result(settings, failure, tick, invariants.committedCount(), workload.history().size(),
                    invariants.leadersElected(), linearizability);
        }
    }

    private void setUp() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < settings.clusterSize(); i++) {
            ids.add("n" + (++nextNodeNumber));
        }
        Configuration initial = new Configuration(new java.util.TreeSet<>(ids), new java.util.TreeSet<>());
        for (String id : ids) {
            addNode(id, initial);
        }
        network.configure(settings.dropRate(), settings.duplicateRate(), settings.maxDelayTicks(), settings.lateRate());
    }

    private SimNode addNode(String id, Configuration bootstrap) {
        long nodeSeed = random.nextLong();
        SplittableRandom nodeRandom = new SplittableRandom(nodeSeed);
        SimNode node = new SimNode(template.withNodeId(id), PersistentState.bootstrap(bootstrap), nodeRandom::nextInt,
                this::onRaftEvent, this, settings.snapshotEveryEntries());
        nodes.put(id, node);
        trace.server(id, bootstrap.isVoter(id));
        return node;
    }

    // ---- one tick ----

    private void step(boolean withClients) {
        for (SimNode node : liveNodes()) {
            trace.beginOp(tick, node.raft());
            node.raft().tick();
            trace.endTick();
            process(node);
        }
        for (Message message : network.due(tick)) {
            SimNode target = nodes.get(message.to());
            if (target == null || target.crashed()) {
                continue;
            }
            if (pausedUntilTick.containsKey(target.id())) {
                heldForPaused.add(message);
                continue;
            }
            trace.beginOp(tick, target.raft());
            target.raft().step(message);
            trace.endReceive(message);
            process(target);
        }
        for (SimNode node : liveNodes()) {
            if (node.hasUnsynced() && random.nextDouble() < syncProbability) {
                trace.beginOp(tick, node.raft());
                node.sync();
                trace.endSync();
                process(node);
            }
        }
        if (withClients) {
            SimNode leader = leader();
            List<String> candidates = new ArrayList<>();
            for (SimNode node : liveNodes()) {
                candidates.add(node.id());
            }
            for (String id : workload.invoke(tick, candidates, leader == null ? null : leader.id(), nodes::get)) {
                process(nodes.get(id));
            }
        }
        workload.expire(tick, false);
    }

    private void process(SimNode node) {
        node.processReady();
        invariants.checkNode(node);
    }

    /** Nodes that are up and running (not crashed, not paused). */
    private List<SimNode> liveNodes() {
        List<SimNode> live = new ArrayList<>();
        for (SimNode node : nodes.values()) {
            if (!node.crashed() && !pausedUntilTick.containsKey(node.id())) {
                live.add(node);
            }
        }
        return live;
    }

    /** The live node that leads the highest term, if any. */
    private SimNode leader() {
        SimNode best = null;
        long bestTerm = -1;
        for (SimNode node : liveNodes()) {
            if (node.raft().role() == Role.LEADER && node.raft().term() > bestTerm) {
                best = node;
                bestTerm = node.raft().term();
            }
        }
        return best;
    }

    // ---- faults ----

    private void nemesis() {
        restartDueNodes();
        resumeDueNodes();
        if (random.nextDouble() < settings.pauseRate()) {
            SimNode leader = leader();
            List<SimNode> live = liveNodes();
            SimNode victim = leader != null && random.nextInt(4) != 0 ? leader
                    : live.isEmpty() ? null : live.get(random.nextInt(live.size()));
            if (victim != null) {
                long until = tick + 20 + random.nextInt(180);
                pausedUntilTick.put(victim.id(), until);
                trace.note(tick, "pause " + victim.id() + " until tick " + until);
            }
        }
        if (healAtTick >= 0 && tick >= healAtTick) {
            network.heal();
            healAtTick = -1;
            trace.note(tick, "network healed");
        }
        if (random.nextDouble() < settings.crashRate()) {
            List<SimNode> live = liveNodes();
            if (!live.isEmpty()) {
                crash(live.get(random.nextInt(live.size())));
            }
        }
        SimNode leader = leader();
        if (leader != null && (random.nextDouble() < settings.leaderCrashRate()
                || (crashNewLeaderAtTick.containsKey(leader.id()) && crashNewLeaderAtTick.get(leader.id()) <= tick))) {
            crash(leader);
        }
        crashNewLeaderAtTick.entrySet().removeIf(e -> e.getValue() <= tick);
        if (healAtTick < 0 && random.nextDouble() < settings.partitionRate()) {
            partition();
        }
        if (random.nextDouble() < settings.membershipRate()) {
            changeMembership();
        }
        if (random.nextDouble() < settings.transferRate()) {
            transferLeadership();
        }
        if (settings.profile() == SimSettings.FaultProfile.CHAOS && random.nextDouble() < 0.005) {
            network.configure(random.nextDouble() * 0.1, random.nextDouble() * 0.05, 1 + random.nextInt(4),
                    random.nextDouble() * 0.02);
        }
    }

    /** A paused process continues: clients reach it at once, the messages it missed arrive over the next ticks. */
    private void resumeDueNodes() {
        due(pausedUntilTick).forEach(this::resume);
    }

    private void resume(String id) {
        pausedUntilTick.remove(id);
        for (java.util.Iterator<Message> it = heldForPaused.iterator(); it.hasNext(); ) {
            Message message = it.next();
            if (message.to().equals(id)) {
                network.redeliver(message, tick);
                it.remove();
            }
        }
        trace.note(tick, "resume " + id);
    }

    private void crash(SimNode node) {
        pausedUntilTick.remove(node.id());
        heldForPaused.removeIf(message -> message.to().equals(node.id()));
        Role role = node.raft().role();
        int lost = node.crash(random);
        workload.crashed(tick, node.id());
        restartAtTick.put(node.id(), tick + 1 + random.nextInt(6 * settings.electionTimeoutTicks()));
        trace.crash(tick, node.id(), role, lost);
    }

    private void restartDueNodes() {
        due(restartAtTick).forEach(this::restart);
    }

    /** The ids whose scheduled tick has come, in id order. */
    private List<String> due(TreeMap<String, Long> schedule) {
        List<String> due = new ArrayList<>();
        schedule.forEach((id, at) -> {
            if (at <= tick) {
                due.add(id);
            }
        });
        return due;
    }

    private void restart(String id) {
        restartAtTick.remove(id);
        SimNode node = nodes.get(id);
        node.restart();
        invariants.restarted(id);
        Status s = node.raft().status();
        invariants.snapshotRestored(id, new Snapshot(new dev.vaylix.raft.SnapshotMetadata(s.snapshotIndex(),
                s.snapshotTerm(), s.configuration()), node.stateMachine().snapshot()));
        trace.restart(tick, node.raft());
        process(node);
    }

    /** Halves, an isolated leader, a majorities ring, a bridge, or one-way links. */
    private void partition() {
        List<String> ids = new ArrayList<>(nodes.keySet());
        for (int i = ids.size() - 1; i > 0; i--) {
            java.util.Collections.swap(ids, i, random.nextInt(i + 1));
        }
        int shape = random.nextInt(5);
        String name;
        switch (shape) {
            case 0 -> {
                name = "halves";
                int cut = 1 + random.nextInt(ids.size() - 1);
                network.separate(ids.subList(0, cut), ids.subList(cut, ids.size()));
            }
            case 1 -> {
                SimNode leader = leader();
                String isolated = leader == null ? ids.getFirst() : leader.id();
                name = "isolated " + isolated;
                List<String> others = new ArrayList<>(ids);
                others.remove(isolated);
                network.separate(List.of(isolated), others);
            }
            case 2 -> {
                // Each node reaches its ring neighbours only: everyone sees a majority (for 5), no two the same.
                name = "majorities ring";
                int n = ids.size();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int distance = Math.min(Math.abs(i - j), n - Math.abs(i - j));
                        if (i != j && distance > 1) {
                            network.block(ids.get(i), ids.get(j));
                        }
                    }
                }
                if (n <= 4) {
                    network.separate(List.of(ids.get(0)), List.of(ids.get(1)));
                }
            }
            case 3 -> {
                name = "bridge " + ids.getFirst();
                List<String> rest = ids.subList(1, ids.size());
                int cut = rest.size() / 2;
                network.separate(rest.subList(0, Math.max(1, cut)), rest.subList(Math.max(1, cut), rest.size()));
            }
            default -> {
                name = "one-way";
                String from = ids.get(0);
                for (String to : ids.subList(1, ids.size())) {
                    if (random.nextBoolean()) {
                        network.block(from, to);
                    } else {
                        network.block(to, from);
                    }
                }
            }
        }
        healAtTick = tick + 10 + random.nextInt(20 * settings.electionTimeoutTicks());
        trace.note(tick, "partition " + name + ": " + network.describeBlocked());
    }

    private void changeMembership() {
        SimNode leader = leader();
        if (leader == null) {
            return;
        }
        Configuration configuration = leader.raft().status().configuration();
        if (random.nextBoolean() && configuration.members().size() < settings.clusterSize() + 1) {
            String id = "n" + (++nextNodeNumber);
            SimNode joining = addNode(id, Configuration.EMPTY);
            trace.beginOp(tick, leader.raft());
            ProposeResult result = leader.raft().proposeConfChange(new ConfChange.AddLearner(id), tick);
            trace.endCall();
            trace.note(tick, "add learner " + id + " via " + leader.id() + ": " + result);
            if (result instanceof ProposeResult.Rejected) {
                nodes.remove(id);
            } else {
                process(joining);
            }
        } else if (configuration.voters().size() > Math.max(2, settings.clusterSize() - 1)) {
            List<String> voters = new ArrayList<>(configuration.voters());
            String victim = voters.get(random.nextInt(voters.size()));
            trace.beginOp(tick, leader.raft());
            ProposeResult result = leader.raft().proposeConfChange(new ConfChange.RemoveServer(victim), tick);
            trace.endCall();
            trace.note(tick, "remove " + victim + " via " + leader.id() + ": " + result);
        }
        process(leader);
    }

    private void transferLeadership() {
        SimNode leader = leader();
        if (leader == null) {
            return;
        }
        List<String> voters = new ArrayList<>(leader.raft().status().configuration().voters());
        voters.remove(leader.id());
        if (voters.isEmpty()) {
            return;
        }
        String target = voters.get(random.nextInt(voters.size()));
        trace.beginOp(tick, leader.raft());
        TransferResult result = leader.raft().transferLeadership(target);
        trace.endCall();
        trace.note(tick, "transfer " + leader.id() + " -> " + target + ": " + result);
        process(leader);
    }

    // ---- liveness ----

    private void healEverything() {
        faultsActive = false;
        for (String id : new ArrayList<>(pausedUntilTick.keySet())) {
            resume(id);
        }
        crashNewLeaderAtTick.clear();
        for (String id : new ArrayList<>(restartAtTick.keySet())) {
            restart(id);
        }
        network.heal();
        healAtTick = -1;
        network.configure(0, 0, settings.maxDelayTicks(), 0);
        syncProbability = 1.0;
        trace.note(tick, "faults stopped");
    }

    /** After healing, some leader must commit a fresh entry within the bound. */
    private void checkLiveness() {
        long deadline = tick + settings.livenessTicks();
        String proposer = null;
        long index = 0;
        long term = 0;
        while (tick < deadline) {
            tick++;
            step(true);
            SimNode leader = leader();
            if (leader == null) {
                continue;
            }
            RaftNode raft = leader.raft();
            if (!leader.id().equals(proposer) || raft.term() != term) {
                trace.beginOp(tick, raft);
                ProposeResult result = raft.propose(Bytes.utf8("liveness:" + tick), tick);
                trace.endCall();
                process(leader);
                if (result instanceof ProposeResult.Accepted accepted) {
                    proposer = leader.id();
                    index = accepted.index();
                    term = accepted.term();
                }
                continue;
            }
            // Same leader, same term: its log still holds the marker at index (leaders never truncate).
            if (raft.commitIndex() >= index) {
                return;
            }
        }
        StringBuilder states = new StringBuilder();
        for (SimNode node : nodes.values()) {
            Status s = node.raft().status();
            states.append("\n  ").append(s.id()).append(' ').append(s.role()).append(" term=").append(s.term())
                    .append(" leader=").append(s.leaderId()).append(" commit=").append(s.commitIndex())
                    .append(" last=").append(s.lastIndex()).append('/').append(s.lastTerm()).append(' ')
                    .append(s.configuration());
            for (var progress : s.progress().entrySet()) {
                states.append("\n    ").append(progress.getKey()).append(": ").append(progress.getValue().description());
            }
        }
        throw new Invariants.Violation("liveness: no leader committed a new entry within " + settings.livenessTicks()
                + " ticks after every fault healed" + states);
    }

    // ---- SimNode.Host and event plumbing ----

    @Override
    public void send(Message message) {
        invariants.sent(message);
        network.send(message, tick);
        trace.sent(message);
    }

    @Override
    public void applied(String node, LogEntry entry, String result) {
        invariants.applied(node, entry);
        workload.applied(tick, node, entry, result, nodes.get(node).stateMachine());
    }

    @Override
    public void snapshotRestored(String node, Snapshot snapshot) {
        invariants.snapshotInstalled(node, snapshot.index());
        invariants.snapshotRestored(node, snapshot);
        workload.serveReads(tick, node, nodes.get(node).stateMachine());
    }

    @Override
    public void readState(String node, ReadState state) {
        trace.readReady(node, state.context().utf8String());
        workload.readState(tick, node, state, nodes.get(node).stateMachine());
    }

    @Override
    public void readFailure(String node, ReadFailure failure) {
        trace.readFailed(node, failure.context().utf8String());
        workload.readFailure(tick, node, failure);
    }

    @Override
    public void softState(String node, SoftState state) {
        workload.softState(tick, node, state);
    }

    private void onRaftEvent(RaftEvent event) {
        switch (event) {
            case RaftEvent.RoleChanged e when e.role() == Role.LEADER -> {
                invariants.becameLeader(e.node(), e.term());
                if (faultsActive && random.nextDouble() < settings.newLeaderCrashChance()) {
                    crashNewLeaderAtTick.put(e.node(), tick + 1 + random.nextInt(4));
                }
            }
            case RaftEvent.LogTruncated e -> invariants.truncated(e.node(), e.fromIndex());
            default -> { }
        }
        trace.raftEvent(event);
    }
}

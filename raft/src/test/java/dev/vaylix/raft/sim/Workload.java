package dev.vaylix.raft.sim;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.ProposeResult;
import dev.vaylix.raft.ReadFailure;
import dev.vaylix.raft.ReadState;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.SoftState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Clients issuing reads (ReadIndex), writes and compare-and-sets on a few registers, one operation
 * outstanding per client, and the history they observe. Outcomes follow the driver's rules: a write
 * whose node loses leadership (or crashes) before it is applied ends UNKNOWN, never FAIL; a write
 * whose index ends up holding another entry definitely failed.
 */
final class Workload {

    static final String[] KEYS = {"a", "b", "c"};

    /** An operation in progress. */
    private static final class Pending {
        final int client;
        final String node;
        final ClientOperation.Type type;
        final String key;
        final String value;
        final String expected;
        final long invokeTick;
        final long deadlineTick;
        final Bytes context;
        long index;
        long term;
        long readIndex = -1;

        Pending(int client, String node, ClientOperation.Type type, String key, String value, String expected,
                long invokeTick, long deadlineTick, Bytes context) {
            this.client = client;
            this.node = node;
            this.type = type;
            this.key = key;
            this.value = value;
            this.expected = expected;
            this.invokeTick = invokeTick;
            this.deadlineTick = deadlineTick;
            this.context = context;
        }
    }

    private final SplittableRandom random;
    private final int clients;
    private final double invokeProbability;
    private final int timeoutTicks;
    private final Pending[] pending;
    /** The node each client currently sends to; forgotten when that node disappoints it. */
    private final String[] believedLeader;
    private final List<String> lastSeen = new ArrayList<>();
    private final List<ClientOperation> history = new ArrayList<>();
    private final TraceEmitter trace;
    private long nextOpId;

    Workload(SplittableRandom random, int clients, double invokeProbability, int timeoutTicks, TraceEmitter trace) {
        this.random = random;
        this.clients = clients;
        this.invokeProbability = invokeProbability;
        this.timeoutTicks = timeoutTicks;
        this.pending = new Pending[clients];
        this.believedLeader = new String[clients];
        this.trace = trace;
    }

    List<ClientOperation> history() {
        return history;
    }

    /**
     * Lets idle clients start an operation on a node: the leader most of the time, any node otherwise.
     *
     * @param nodes  live nodes to choose from, by id (sorted)
     * @param leader the node a client believes leads, or null
     * @param lookup finds a node by id
     * @return the nodes that were asked something (their Readys need processing)
     */
    List<String> invoke(long tick, List<String> nodes, String leader, Function<String, SimNode> lookup) {
        List<String> touched = new ArrayList<>();
        if (nodes.isEmpty()) {
            return touched;
        }
        for (int client = 0; client < clients; client++) {
            if (pending[client] != null || random.nextDouble() >= invokeProbability) {
                continue;
            }
            // Clients stick to the node they believe leads (as real clients do) until it disappoints them, so
            // a deposed leader that has not noticed yet keeps receiving requests; some go anywhere.
            String believed = believedLeader[client];
            String nodeId;
            if (believed != null && nodes.contains(believed) && random.nextInt(8) != 0) {
                nodeId = believed;
            } else if (leader != null && random.nextInt(4) != 0) {
                nodeId = leader;
            } else {
                nodeId = nodes.get(random.nextInt(nodes.size()));
            }
            believedLeader[client] = nodeId;
            SimNode node = lookup.apply(nodeId);
            String key = KEYS[random.nextInt(KEYS.length)];
            long opId = ++nextOpId;
            int kind = random.nextInt(10);
            if (kind < 4) {
                Bytes context = Bytes.utf8("r" + opId);
                Pending read = new Pending(client, nodeId, ClientOperation.Type.READ, key, null, null, tick,
                        tick + timeoutTicks, context);
                pending[client] = read;
                trace.beginOp(tick, node.raft());
                node.raft().readIndex(context);
                trace.endRead(context.utf8String());
            } else {
                boolean cas = kind >= 8;
                String value = "v" + opId;
                String expected = cas ? guessCurrent() : null;
                KvStateMachine.Command command = new KvStateMachine.Command(key, cas, expected, value);
                Pending write = new Pending(client, nodeId, cas ? ClientOperation.Type.CAS : ClientOperation.Type.WRITE,
                        key, value, expected, tick, tick + timeoutTicks, null);
                pending[client] = write;
                trace.beginOp(tick, node.raft());
                ProposeResult proposed = node.raft().propose(command.encode(), tick);
                trace.endCall();
                switch (proposed) {
                    case ProposeResult.Accepted accepted -> {
                        write.index = accepted.index();
                        write.term = accepted.term();
                    }
                    case ProposeResult.Rejected rejected -> {
                        complete(write, tick, ClientOperation.Outcome.FAIL, null, 0);
                        believedLeader[client] = rejected.leaderHint().isEmpty() ? null : rejected.leaderHint();
                    }
                }
            }
            touched.add(nodeId);
        }
        return touched;
    }

    private String guessCurrent() {
        if (lastSeen.isEmpty() || random.nextInt(5) == 0) {
            return null;
        }
        return lastSeen.get(random.nextInt(lastSeen.size()));
    }

    /** {@code node} applied {@code entry}: proposals at that index learn their fate; reads may be served. */
    void applied(long tick, String node, LogEntry entry, String result, KvStateMachine stateMachine) {
        for (Pending op : pending) {
            if (op == null || !op.node.equals(node)) {
                continue;
            }
            if (op.type != ClientOperation.Type.READ && op.index == entry.index()) {
                if (entry.term() == op.term) {
                    complete(op, tick, ClientOperation.Outcome.OK, result, op.index);
                    remember(op.value);
                } else {
                    // Another entry committed at our index: ours can never commit (Log Matching).
                    complete(op, tick, ClientOperation.Outcome.FAIL, null, 0);
                }
            }
        }
        serveReads(tick, node, stateMachine);
    }

    /** Serves the reads on {@code node} whose read index it has now applied. */
    void serveReads(long tick, String node, KvStateMachine stateMachine) {
        for (Pending op : pending) {
            if (op != null && op.node.equals(node) && op.type == ClientOperation.Type.READ && op.readIndex >= 0
                    && stateMachine.appliedIndex() >= op.readIndex) {
                String value = stateMachine.read(op.key);
                complete(op, tick, ClientOperation.Outcome.OK, value, stateMachine.appliedIndex());
                if (value != null) {
                    remember(value);
                }
            }
        }
    }

    void readState(long tick, String node, ReadState state, KvStateMachine stateMachine) {
        for (Pending op : pending) {
            if (op != null && op.node.equals(node) && op.context != null && op.context.equals(state.context())) {
                op.readIndex = state.index();
            }
        }
        serveReads(tick, node, stateMachine);
    }

    void readFailure(long tick, String node, ReadFailure failure) {
        for (Pending op : pending) {
            if (op != null && op.node.equals(node) && op.context != null && op.context.equals(failure.context())) {
                complete(op, tick, ClientOperation.Outcome.FAIL, null, 0);
            }
        }
    }

    /** A node that stops leading (or changes term) cannot tell its proposals' fate: UNKNOWN (DESIGN.md §4). */
    void softState(long tick, String node, SoftState state) {
        for (Pending op : pending) {
            if (op != null && op.node.equals(node) && op.type != ClientOperation.Type.READ
                    && (state.role() != Role.LEADER || state.term() != op.term)) {
                complete(op, tick, ClientOperation.Outcome.UNKNOWN, null, 0);
            }
        }
    }

    /** The node crashed: writes in flight are UNKNOWN, reads FAIL (they changed nothing). */
    void crashed(long tick, String node) {
        for (Pending op : pending) {
            if (op != null && op.node.equals(node)) {
                complete(op, tick, op.type == ClientOperation.Type.READ ? ClientOperation.Outcome.FAIL
                        : ClientOperation.Outcome.UNKNOWN, null, 0);
            }
        }
    }

    /** Gives up on operations past their deadline (or all of them, at the end of a run). */
    void expire(long tick, boolean all) {
        for (Pending op : pending) {
            if (op != null && (all || tick >= op.deadlineTick)) {
                complete(op, tick, op.type == ClientOperation.Type.READ ? ClientOperation.Outcome.FAIL
                        : ClientOperation.Outcome.UNKNOWN, null, 0);
            }
        }
    }

    private void complete(Pending op, long tick, ClientOperation.Outcome outcome, String result, long servedIndex) {
        if (outcome != ClientOperation.Outcome.OK) {
            believedLeader[op.client] = null;
        }
        long index = op.type == ClientOperation.Type.READ ? servedIndex : op.index;
        ClientOperation done = new ClientOperation(op.client, op.key, op.type, op.value, op.expected, op.invokeTick,
                tick, outcome, outcome == ClientOperation.Outcome.OK ? result : null, index, op.term);
        history.add(done);
        pending[op.client] = null;

    }

    private void remember(String value) {
        if (lastSeen.size() >= 16) {
            lastSeen.remove(0);
        }
        lastSeen.add(value);
    }
}

package dev.vaylix.raft.sim;

import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.PersistentState;
import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.RandomSource;
import dev.vaylix.raft.ReadFailure;
import dev.vaylix.raft.ReadState;
import dev.vaylix.raft.Ready;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.message.Message;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * One simulated server: a {@link RaftNode}, its {@link SimDisk} and its {@link KvStateMachine}, wired
 * the way the real driver wires them, but in one thread. Readys are written to the disk at once and
 * become durable at {@link #sync()}, which may come later: until then the node keeps working
 * (pipelining) and its {@code messagesAfterPersist} wait.
 */
public final class SimNode {

    /** Where a node's outputs go. */
    public interface Host {
        void send(Message message);

        void applied(String node, LogEntry entry, String result);

        void snapshotRestored(String node, Snapshot snapshot);

        void readState(String node, ReadState state);

        void readFailure(String node, ReadFailure failure);

        void softState(String node, SoftState state);

        /** Called with each Ready before it is handled (scenario output prints it). */
        default void ready(String node, Ready ready) {
        }
    }

    private final RaftConfig config;
    private final Host host;
    private final SimDisk disk;
    private final RandomSource random;
    private final RaftEventListener listener;
    private RaftNode node;
    private KvStateMachine stateMachine;
    private final ArrayDeque<Ready> awaitingSync = new ArrayDeque<>();
    private boolean crashed;
    /** Take a snapshot after this many applied entries (0: never). */
    private final int snapshotEveryEntries;

    SimNode(RaftConfig config, PersistentState initial, RandomSource random, RaftEventListener listener, Host host,
            int snapshotEveryEntries) {
        this.config = config;
        this.host = host;
        this.disk = new SimDisk(initial);
        this.random = random;
        this.listener = listener;
        this.snapshotEveryEntries = snapshotEveryEntries;
        boot();
    }

    private void boot() {
        PersistentState recovered = disk.recover();
        stateMachine = new KvStateMachine();
        stateMachine.restore(recovered.snapshot().data(), recovered.snapshot().index());
        node = RaftNode.start(config, recovered, random, listener);
        crashed = false;
    }

    public String id() {
        return config.nodeId();
    }

    public RaftNode raft() {
        return node;
    }

    KvStateMachine stateMachine() {
        return stateMachine;
    }

    SimDisk disk() {
        return disk;
    }

    public boolean crashed() {
        return crashed;
    }

    /** Handles every Ready until there is nothing left to do (bounded: a node quiesces in a few rounds). */
    public void processReady() {
        for (int round = 0; round < 64 && !crashed && node.hasReady(); round++) {
            handle(node.ready());
        }
    }

    private void handle(Ready ready) {
        host.ready(id(), ready);
        ready.softState().ifPresent(state -> host.softState(id(), state));
        // 1. Messages that may leave before persistence (a leader's appends run parallel to its disk write).
        for (Message message : ready.messages()) {
            host.send(message);
        }
        // 2. Persistence, buffered until sync().
        ready.snapshot().ifPresent(snapshot -> {
            disk.installSnapshot(snapshot);
            stateMachine.restore(snapshot.data(), snapshot.index());
            host.snapshotRestored(id(), snapshot);
        });
        disk.append(ready.entries(), ready.hardState().orElse(null));
        awaitingSync.add(ready);
        // 3. Apply: committed entries are already locally durable.
        for (LogEntry entry : ready.committedEntries()) {
            host.applied(id(), entry, stateMachine.apply(entry));
        }
        for (ReadState state : ready.readStates()) {
            host.readState(id(), state);
        }
        for (ReadFailure failure : ready.readFailures()) {
            host.readFailure(id(), failure);
        }
    }

    public boolean hasUnsynced() {
        return !awaitingSync.isEmpty();
    }

    /** fsync: the buffered Readys become durable; their held-back messages leave; the node is told. */
    public void sync() {
        if (crashed || awaitingSync.isEmpty()) {
            return;
        }
        disk.sync();
        while (!awaitingSync.isEmpty()) {
            Ready ready = awaitingSync.poll();
            for (Message message : ready.messagesAfterPersist()) {
                host.send(message);
            }
            node.advance(ready);
        }
        maybeCompact();
    }

    /** Takes a snapshot of the state machine and compacts the log once enough entries were applied. */
    private void maybeCompact() {
        long applied = stateMachine.appliedIndex();
        if (snapshotEveryEntries <= 0 || applied - node.snapshotIndex() < snapshotEveryEntries) {
            return;
        }
        Snapshot snapshot = node.snapshotAt(applied, stateMachine.snapshot());
        disk.saveSnapshotAndCompact(snapshot);
        disk.sync();
        node.compact(snapshot);
    }

    /** Power loss: volatile state is gone, unsynced writes are partly lost; returns how many writes were lost. */
    int crash(SplittableRandom random) {
        crashed = true;
        awaitingSync.clear();
        return disk.crash(random);
    }

    /** Starts again from whatever the disk holds. */
    void restart() {
        boot();
    }
}

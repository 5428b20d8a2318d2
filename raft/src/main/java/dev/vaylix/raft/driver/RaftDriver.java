package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Clock;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.raft.PersistentState;
import dev.vaylix.raft.ProposeResult;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.RandomSource;
import dev.vaylix.raft.ReadFailure;
import dev.vaylix.raft.ReadState;
import dev.vaylix.raft.Ready;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.SnapshotMetadata;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.TransferResult;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.raft.message.Message;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one {@link RaftNode} with real threads: the one place in this module that owns threads
 * (DESIGN.md §2). Three threads, each with one job:
 *
 * <ul>
 *   <li><b>raft loop</b>: owns the node; ticks it from the injected {@link Clock}, steps incoming
 *       messages, takes Readys, sends the messages that may leave at once (a leader replicates while its
 *       own disk write is in progress), and hands work to the two others;</li>
 *   <li><b>persistence</b> ({@link PersistLoop}): group commit into the {@link LogStore}, then the
 *       held-back messages;</li>
 *   <li><b>apply</b> ({@link ApplyLoop}): committed entries into the {@link StateMachine} in order,
 *       proposal results, read completion, periodic snapshots.</li>
 * </ul>
 *
 * <p>A single-voter group (standalone mode) runs exactly the same way.
 *
 * <p>Thread-safety: every public method may be called from any thread; none blocks on I/O.
 *
 * @param <R> the state machine's result type
 */
public final class RaftDriver<R> implements AutoCloseable {

    private final DriverConfig config;
    private final RaftNode node;
    private final Clock clock;
    private final PeerTransport transport;
    private final PersistLoop persistLoop;
    private final ApplyLoop<R> applyLoop;
    private final ProposalTracker<R> proposals = new ProposalTracker<>();
    private final LinkedBlockingQueue<LoopEvent> inbox = new LinkedBlockingQueue<>();
    private final AtomicInteger externalQueued = new AtomicInteger();
    private final LinkedHashMap<Bytes, PendingRead> reads = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile SoftState softState;
    private volatile Throwable failure;
    private volatile boolean stopped;
    private long nextReadId;

    private record PendingRead(CompletableFuture<ReadOutcome> future, long deadlineNanos) {
    }

    private RaftDriver(DriverConfig config, RaftNode node, Clock clock, PeerTransport transport, LogStore log,
                       SnapshotStore snapshots, StateMachine<R> stateMachine) {
        this.config = config;
        this.node = node;
        this.clock = clock;
        this.transport = transport;
        this.softState = new SoftState(node.term(), node.role(), node.leaderId());
        this.persistLoop = new PersistLoop(config.pipelineCapacity(), config.groupCommitMaxReadys(), log, snapshots,
                transport, clock, this::post);
        this.applyLoop = new ApplyLoop<>(config.pipelineCapacity(), stateMachine, proposals,
                config.snapshotIntervalEntries(), node.snapshotIndex(), this::post);
    }

    /**
     * Recovers the node from {@code log} and {@code snapshots} and starts its threads.
     *
     * @param bootstrap    the initial voters if this node has no snapshot yet (every founding member gets
     *                     the same one; a node joining an existing cluster passes {@link Configuration#EMPTY})
     * @param stateMachine restored from the latest snapshot unless it already holds that index or later
     * @param random       election-timeout randomness
     * @param listener     receives the core's events on the Raft loop thread
     */
    public static <R> RaftDriver<R> start(DriverConfig config, Configuration bootstrap, LogStore log,
                                          SnapshotStore snapshots, StateMachine<R> stateMachine,
                                          PeerTransport transport, Clock clock, RandomSource random,
                                          RaftEventListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bootstrap, "bootstrap");
        PersistentState state = recover(bootstrap, log, snapshots, stateMachine);
        RaftNode node = RaftNode.start(config.raft(), state, random, listener);
        RaftDriver<R> driver = new RaftDriver<>(config, node, clock, transport, log, snapshots, stateMachine);
        String id = config.raft().nodeId();
        driver.threads.add(Thread.ofPlatform().name("raft-loop-" + id).daemon().start(driver::runLoop));
        driver.threads.add(Thread.ofPlatform().name("raft-persist-" + id).daemon().start(driver.persistLoop));
        driver.threads.add(Thread.ofPlatform().name("raft-apply-" + id).daemon().start(driver.applyLoop));
        return driver;
    }

    /**
     * What the node restarts from: the latest snapshot (or the bootstrap configuration), the log after it
     * — completing a snapshot install a crash interrupted, by the rule of thesis §5.3 — and the state
     * machine restored to the snapshot unless it is already further.
     */
    static PersistentState recover(Configuration bootstrap, LogStore log, SnapshotStore snapshots,
                                   StateMachine<?> stateMachine) {
        Optional<SnapshotMeta> latest = snapshots.latest();
        Snapshot snapshot = latest.map(meta -> new Snapshot(new SnapshotMetadata(meta.index(), meta.term(),
                        ConfigurationCodec.decode(meta.membership())), snapshots.read(meta)))
                .orElse(new Snapshot(new SnapshotMetadata(0, 0, bootstrap), Bytes.EMPTY));
        long index = snapshot.index();
        if (index > 0) {
            boolean agrees = index >= log.firstIndex() - 1 && index <= log.lastIndex() && log.term(index) == snapshot.term();
            if (!agrees && log.firstIndex() <= log.lastIndex()) {
                log.truncateSuffix(log.firstIndex());
            }
            if (log.firstIndex() - 1 < index) {
                log.compact(index, snapshot.term());
            }
        }
        if (log.firstIndex() - 1 != index) {
            throw new IllegalStateException("log starts after " + (log.firstIndex() - 1) + " but the snapshot is at "
                    + index + ": the log was compacted past its snapshot");
        }
        List<LogEntry> entries = new ArrayList<>();
        long next = index + 1;
        while (next <= log.lastIndex()) {
            List<LogEntry> page = log.entries(next, log.lastIndex() + 1, 64L << 20);
            entries.addAll(page);
            next += page.size();
        }
        if (stateMachine.appliedIndex() < index || stateMachine.appliedIndex() > index + entries.size()) {
            stateMachine.restore(index, snapshot.data());
        }
        long applied = Math.min(stateMachine.appliedIndex(), Math.max(index, log.hardState().commitIndex()));
        return new PersistentState(log.hardState(), snapshot, entries, Math.max(applied, index));
    }

    // ---- API ----

    /** The node's id. */
    public String id() {
        return config.raft().nodeId();
    }

    /** Role, term and leader as of the last Ready (racy by nature; for routing and monitoring). */
    public SoftState softState() {
        return softState;
    }

    /** A consistent status, computed on the Raft loop. */
    public CompletableFuture<Status> status() {
        CompletableFuture<Status> future = new CompletableFuture<>();
        if (!offer(new LoopEvent.Inspect(future))) {
            future.completeExceptionally(new IllegalStateException("driver overloaded or stopped"));
        }
        return future;
    }

    /**
     * Proposes {@code payload} (if this node leads). The future completes per {@code mode}: with the state
     * machine's result, with {@link ProposalOutcome.Unknown} if leadership is lost before the outcome is
     * known, or {@link ProposalOutcome.Rejected} if the entry was definitely not (and will never be) applied.
     */
    public CompletableFuture<ProposalOutcome<R>> propose(Bytes payload, WriteAckMode mode) {
        CompletableFuture<ProposalOutcome<R>> future = new CompletableFuture<>();
        if (!offer(new LoopEvent.Propose<>(payload, mode, future))) {
            future.complete(refused());
        }
        return future;
    }

    /** Proposes a membership change; completes like a {@link WriteAckMode#MAJORITY} proposal. */
    public CompletableFuture<ProposalOutcome<R>> proposeConfChange(ConfChange change) {
        CompletableFuture<ProposalOutcome<R>> future = new CompletableFuture<>();
        if (!offer(new LoopEvent.ProposeConfChange<>(change, future))) {
            future.complete(refused());
        }
        return future;
    }

    /**
     * Requests a linearizable read (ReadIndex, thesis §6.4). When the future completes with
     * {@link ReadOutcome.Ready}, the state machine has applied the read index: reading it then is
     * linearizable. Works on followers too (they ask the leader).
     */
    public CompletableFuture<ReadOutcome> read() {
        CompletableFuture<ReadOutcome> future = new CompletableFuture<>();
        if (!offer(new LoopEvent.Read(future))) {
            future.complete(new ReadOutcome.Failed(ReadFailure.Reason.TOO_MANY_PENDING, "driver overloaded or stopped"));
        }
        return future;
    }

    public CompletableFuture<TransferResult> transferLeadership(String target) {
        CompletableFuture<TransferResult> future = new CompletableFuture<>();
        if (!offer(new LoopEvent.Transfer(target, future))) {
            future.complete(TransferResult.NOT_LEADER);
        }
        return future;
    }

    /**
     * Takes a snapshot of the state machine as applied now, stores it durably and compacts the log up to it
     * (the server's SAVE, periodic and shutdown snapshots; the driver also snapshots on its own every
     * {@link DriverConfig#snapshotIntervalEntries()}). The future completes with the index of the durable
     * snapshot that covers everything applied when the request reached the apply thread: a new one, or the
     * existing one if nothing was applied since (0 when nothing was ever applied). It completes exceptionally
     * if the driver is overloaded or stops first.
     */
    public CompletableFuture<Long> snapshotNow() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!offer(new LoopEvent.SnapshotNow(done))) {
            done.completeExceptionally(new IllegalStateException("driver overloaded or stopped"));
        }
        return done;
    }

    /** A message from a peer (the transport calls this from its threads); dropped if the inbox is full. */
    public void receive(Message message) {
        offer(new LoopEvent.Incoming(message));
    }

    /** Durable appends made so far (one fsync each): with group commit, fewer than Readys. */
    public long durableAppends() {
        return persistLoop.appends();
    }

    /** The error that stopped the driver, if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        post(new LoopEvent.Stop());
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ProposalOutcome<R> refused() {
        return new ProposalOutcome.Rejected<>(stopped ? ProposalOutcome.Reason.CLOSED : ProposalOutcome.Reason.OVERLOADED,
                "", stopped ? "driver stopped" : "inbox full");
    }

    private boolean offer(LoopEvent event) {
        if (stopped) {
            return false;
        }
        if (externalQueued.incrementAndGet() > config.inboxCapacity()) {
            externalQueued.decrementAndGet();
            return false;
        }
        inbox.add(event);
        return true;
    }

    /** Internal events are never dropped: they are bounded by the pipeline queues that produce them. */
    private void post(LoopEvent event) {
        inbox.add(event);
    }

    // ---- the Raft loop ----

    private void runLoop() {
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(config.tickIntervalMs());
        long nextTick = clock.monotonicNanos() + tickNanos;
        try {
            while (true) {
                long now = clock.monotonicNanos();
                // Catch up on missed ticks, but at most a few: a stalled process must not fire many timeouts at once.
                for (int i = 0; i < 4 && now - nextTick >= 0; i++) {
                    node.tick();
                    nextTick += tickNanos;
                }
                if (now - nextTick >= 0) {
                    nextTick = now + tickNanos;
                }
                LoopEvent event = inbox.poll(Math.max(0, nextTick - now), TimeUnit.NANOSECONDS);
                // Handle a bounded batch of events, then one round of Readys: fewer, larger Readys.
                for (int handled = 0; event != null && handled < 1024; handled++) {
                    if (!handle(event)) {
                        shutDown("driver stopped");
                        return;
                    }
                    event = inbox.poll();
                }
                if (event != null && !handle(event)) {
                    shutDown("driver stopped");
                    return;
                }
                expireReads();
                drainReady();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDown("interrupted");
        } catch (RuntimeException | Error e) {
            failure = e;
            shutDown("raft loop failed: " + e);
        }
    }

    /** Returns false when the loop must stop. */
    private boolean handle(LoopEvent event) throws InterruptedException {
        if (event.external()) {
            externalQueued.decrementAndGet();
        }
        switch (event) {
            case LoopEvent.Incoming incoming -> node.step(incoming.message());
            case LoopEvent.Propose<?> propose -> propose(propose);
            case LoopEvent.ProposeConfChange<?> change -> proposeConfChange(change);
            case LoopEvent.Read read -> {
                Bytes context = Bytes.wrapUnsafe(ByteBuffer.allocate(8).putLong(++nextReadId).array());
                reads.put(context, new PendingRead(read.future(),
                        clock.monotonicNanos() + TimeUnit.MILLISECONDS.toNanos(config.readTimeoutMs())));
                node.readIndex(context);
            }
            case LoopEvent.Transfer transfer -> transfer.future().complete(node.transferLeadership(transfer.target()));
            case LoopEvent.Inspect inspect -> inspect.future().complete(node.status());
            case LoopEvent.Persisted persisted -> node.advance(persisted.ready());
            case LoopEvent.SnapshotNow now -> applyLoop.submit(new ApplyLoop.Job.TakeSnapshot(now.done()));
            case LoopEvent.SnapshotTaken taken -> {
                if (taken.index() > node.snapshotIndex()) {
                    submitPersist(new PersistLoop.Job.SaveSnapshot(node.snapshotAt(taken.index(), taken.data()), taken.done()));
                } else {
                    taken.done().complete(node.snapshotIndex()); // a durable snapshot already covers it
                }
            }
            case LoopEvent.Compacted compacted -> node.compact(compacted.snapshot());
            case LoopEvent.Fatal fatal -> {
                failure = fatal.error();
                return false;
            }
            case LoopEvent.Stop _ -> {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void propose(LoopEvent.Propose<?> event) {
        CompletableFuture<ProposalOutcome<R>> future = (CompletableFuture<ProposalOutcome<R>>) (Object) event.future();
        ProposeResult result = node.propose(event.payload(), clock.wallTimeMs());
        track(result, event.mode(), future);
    }

    @SuppressWarnings("unchecked")
    private void proposeConfChange(LoopEvent.ProposeConfChange<?> event) {
        CompletableFuture<ProposalOutcome<R>> future = (CompletableFuture<ProposalOutcome<R>>) (Object) event.future();
        track(node.proposeConfChange(event.change(), clock.wallTimeMs()), WriteAckMode.MAJORITY, future);
    }

    private void track(ProposeResult result, WriteAckMode mode, CompletableFuture<ProposalOutcome<R>> future) {
        switch (result) {
            case ProposeResult.Accepted accepted -> proposals.register(accepted.index(), accepted.term(), mode, future);
            case ProposeResult.Rejected rejected -> future.complete(new ProposalOutcome.Rejected<>(
                    reason(rejected.reason()), rejected.leaderHint(), rejected.detail()));
        }
    }

    private static ProposalOutcome.Reason reason(ProposeResult.Reason reason) {
        return switch (reason) {
            case NOT_LEADER -> ProposalOutcome.Reason.NOT_LEADER;
            case TRANSFER_IN_PROGRESS -> ProposalOutcome.Reason.TRANSFER_IN_PROGRESS;
            case TOO_LARGE -> ProposalOutcome.Reason.TOO_LARGE;
            case UNCOMMITTED_LIMIT -> ProposalOutcome.Reason.UNCOMMITTED_LIMIT;
            case CONF_CHANGE_PENDING -> ProposalOutcome.Reason.CONF_CHANGE_PENDING;
            case NO_COMMIT_IN_TERM -> ProposalOutcome.Reason.NO_COMMIT_IN_TERM;
            case INVALID_CONF_CHANGE -> ProposalOutcome.Reason.INVALID_CONF_CHANGE;
        };
    }

    /** Takes every Ready and dispatches it (bounded: the node quiesces after a few rounds). */
    private void drainReady() throws InterruptedException {
        for (int round = 0; round < 64 && node.hasReady(); round++) {
            Ready ready = node.ready();
            ready.softState().ifPresent(this::onSoftState);
            ready.watermarks().ifPresent(proposals::watermarks);
            for (Message message : ready.messages()) {
                transport.send(message);
            }
            if (ready.snapshot().isPresent()) {
                applyLoop.submit(new ApplyLoop.Job.Restore(ready.snapshot().get()));
            }
            if (!ready.committedEntries().isEmpty()) {
                applyLoop.submit(new ApplyLoop.Job.Apply(ready.committedEntries()));
            }
            for (ReadState state : ready.readStates()) {
                PendingRead read = reads.remove(state.context());
                if (read != null) {
                    applyLoop.submit(new ApplyLoop.Job.AwaitRead(state.index(), read.future()));
                }
            }
            for (ReadFailure failed : ready.readFailures()) {
                PendingRead read = reads.remove(failed.context());
                if (read != null) {
                    read.future().complete(new ReadOutcome.Failed(failed.reason(), failed.reason().name()));
                }
            }
            submitPersist(new PersistLoop.Job.Persist(ready));
        }
    }

    private void onSoftState(SoftState state) {
        SoftState previous = softState;
        softState = state;
        if (state.role() != Role.LEADER) {
            proposals.leadershipLost(state.term(), false, "leadership lost (now " + state.role() + " in term "
                    + state.term() + ")");
        } else if (previous.term() != state.term()) {
            proposals.leadershipLost(state.term(), true, "term changed to " + state.term());
        }
    }

    private void submitPersist(PersistLoop.Job job) throws InterruptedException {
        persistLoop.submit(job);
    }

    private void expireReads() {
        long now = clock.monotonicNanos();
        for (Iterator<Map.Entry<Bytes, PendingRead>> it = reads.entrySet().iterator(); it.hasNext(); ) {
            PendingRead read = it.next().getValue();
            if (now - read.deadlineNanos() < 0) {
                break; // insertion order is deadline order
            }
            it.remove();
            read.future().complete(new ReadOutcome.Failed(null, "read not confirmed within "
                    + config.readTimeoutMs() + " ms"));
        }
    }

    private void shutDown(String reason) {
        stopped = true;
        proposals.leadershipLost(Long.MIN_VALUE, false, reason);
        for (PendingRead read : reads.values()) {
            read.future().complete(new ReadOutcome.Failed(null, reason));
        }
        reads.clear();
        try {
            persistLoop.submit(new PersistLoop.Job.Stop());
            applyLoop.submit(new ApplyLoop.Job.Stop());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Anything still queued from outside gets a definite answer.
        for (LoopEvent event : inbox) {
            switch (event) {
                case LoopEvent.Propose<?> propose -> propose.future().complete(new ProposalOutcome.Rejected<>(
                        ProposalOutcome.Reason.CLOSED, "", reason));
                case LoopEvent.ProposeConfChange<?> change -> change.future().complete(new ProposalOutcome.Rejected<>(
                        ProposalOutcome.Reason.CLOSED, "", reason));
                case LoopEvent.Read read -> read.future().complete(new ReadOutcome.Failed(null, reason));
                case LoopEvent.Transfer transfer -> transfer.future().complete(TransferResult.NOT_LEADER);
                case LoopEvent.Inspect inspect -> inspect.future().completeExceptionally(new IllegalStateException(reason));
                case LoopEvent.SnapshotNow now -> now.done().completeExceptionally(new IllegalStateException(reason));
                case LoopEvent.SnapshotTaken taken -> taken.done().completeExceptionally(new IllegalStateException(reason));
                default -> {
                }
            }
        }
        inbox.clear();
    }
}

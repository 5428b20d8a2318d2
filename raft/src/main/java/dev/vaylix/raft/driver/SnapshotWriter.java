package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Clock;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.SnapshotMetadata;
import dev.vaylix.raft.message.ConfigurationCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The snapshot thread: encodes the state-machine snapshots this node takes (captured on the apply thread,
 * {@link StateMachine#captureSnapshot()}) and stores them, then tells the Raft loop
 * ({@link LoopEvent.SnapshotStored}), which has the persistence thread compact the log to it
 * ({@link PersistLoop.Job.Compact}): the persistence thread alone changes the log.
 *
 * <p>Why a thread of its own: a snapshot is the whole state (tens of megabytes at a hundred thousand keys),
 * encoded, encrypted, written and fsynced. Encoded on the apply thread and stored on the persistence thread,
 * it held up applying and then every log append, and so every write, for hundreds of milliseconds each,
 * every time the driver snapshotted on its own.
 *
 * <p>Requests never wait: the Raft loop hands over a snapshot and goes on. Requests coalesce: while one
 * snapshot is being written, only the newest of the snapshots handed over meanwhile is kept, and the
 * requests it covers complete with its index. A snapshot not newer than the one in the store (a snapshot a
 * follower installed meanwhile) is not written; its requests complete with the stored index.
 *
 * <p>{@code storeLock} serialises writes to the store with the persistence thread's installs (the store
 * takes one writer at a time). Thread-safe: {@link #submit} and {@link #stop} from any thread.
 */
final class SnapshotWriter implements Runnable {

    private final SnapshotStore snapshots;
    private final Object storeLock;
    private final Clock clock;
    private final Consumer<LoopEvent> loop;
    /** The newest snapshot handed over and not yet being written (its data not encoded yet); null if none. */
    private SnapshotMetadata pending;
    private Supplier<Bytes> pendingData;
    /** Requests that {@link #pending} answers. Guarded by this. */
    private List<CompletableFuture<Long>> pendingRequests = new ArrayList<>();
    /** Index of the snapshot being written now (0 when idle) and the requests it answers. Guarded by this. */
    private long writingIndex;
    private List<CompletableFuture<Long>> writingRequests = new ArrayList<>();
    private boolean stopped;

    /** @param loop receives {@link LoopEvent.SnapshotStored} and {@link LoopEvent.Fatal} */
    SnapshotWriter(SnapshotStore snapshots, Object storeLock, Clock clock, Consumer<LoopEvent> loop) {
        this.snapshots = snapshots;
        this.storeLock = storeLock;
        this.clock = clock;
        this.loop = loop;
    }

    /**
     * Stores {@code snapshot} (or a newer one) durably and compacts the log to it; {@code done} then completes
     * with the index of the durable snapshot, or exceptionally if the driver stops first. Never blocks.
     */
    synchronized void submit(SnapshotMetadata metadata, Supplier<Bytes> data, CompletableFuture<Long> done) {
        if (stopped) {
            done.completeExceptionally(new IllegalStateException("driver stopped"));
            return;
        }
        if (metadata.index() <= writingIndex) {
            writingRequests.add(done); // the snapshot being written covers it
            return;
        }
        if (pending == null || metadata.index() > pending.index()) {
            pending = metadata;
            pendingData = data;
        }
        pendingRequests.add(done);
        notifyAll();
    }

    /** Fails every request not written yet and ends the thread after the write in progress, if any. */
    void stop() {
        List<CompletableFuture<Long>> failed;
        synchronized (this) {
            stopped = true;
            failed = pendingRequests;
            pendingRequests = new ArrayList<>();
            pending = null;
            pendingData = null;
            notifyAll();
        }
        failed.forEach(request -> request.completeExceptionally(new IllegalStateException("driver stopped")));
    }

    @Override
    public void run() {
        try {
            while (true) {
                SnapshotMetadata metadata;
                Supplier<Bytes> data;
                synchronized (this) {
                    while (pending == null && !stopped) {
                        wait();
                    }
                    if (stopped) {
                        return;
                    }
                    metadata = pending;
                    data = pendingData;
                    pending = null;
                    pendingData = null;
                    writingIndex = metadata.index();
                    writingRequests = pendingRequests;
                    pendingRequests = new ArrayList<>();
                }
                Snapshot snapshot = new Snapshot(metadata, data.get());
                long durableIndex = write(snapshot);
                List<CompletableFuture<Long>> requests;
                synchronized (this) {
                    requests = writingRequests;
                    writingRequests = new ArrayList<>();
                    writingIndex = 0;
                }
                Optional<Snapshot> stored = durableIndex == snapshot.index() ? Optional.of(snapshot) : Optional.empty();
                loop.accept(new LoopEvent.SnapshotStored(stored, durableIndex, requests));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // A snapshot that cannot be stored (an I/O or fsync error) is fatal, like a failed append.
            List<CompletableFuture<Long>> failed;
            synchronized (this) {
                stopped = true;
                failed = new ArrayList<>(writingRequests);
                failed.addAll(pendingRequests);
                writingRequests = new ArrayList<>();
                pendingRequests = new ArrayList<>();
                pending = null;
                pendingData = null;
            }
            failed.forEach(request -> request.completeExceptionally(e));
            loop.accept(new LoopEvent.Fatal("snapshot", e));
        }
    }

    /**
     * Writes {@code snapshot} unless the store already has it or a newer one; returns the index of the snapshot
     * now durable in the store.
     */
    private long write(Snapshot snapshot) {
        synchronized (storeLock) {
            Optional<SnapshotMeta> latest = snapshots.latest();
            if (latest.isPresent() && latest.get().index() >= snapshot.index()) {
                return latest.get().index();
            }
            snapshots.write(snapshot.index(), snapshot.term(), ConfigurationCodec.encode(snapshot.metadata().configuration()),
                    clock.wallTimeMs(), snapshot.data());
            return snapshot.index();
        }
    }
}

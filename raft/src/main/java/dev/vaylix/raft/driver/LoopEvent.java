package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.Ready;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.TransferResult;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.message.Message;
import java.util.concurrent.CompletableFuture;

/** What the Raft loop thread handles, one at a time. External events are bounded; internal ones are not. */
sealed interface LoopEvent {

    /** True for events that come from outside the driver and count against the inbox bound. */
    default boolean external() {
        return switch (this) {
            case Incoming _, Propose _, ProposeConfChange _, Read _, Transfer _, Inspect _, SnapshotNow _ -> true;
            case Persisted _, SnapshotTaken _, Compacted _, Fatal _, Stop _ -> false;
        };
    }

    record Incoming(Message message) implements LoopEvent {
    }

    record Propose<R>(Bytes payload, WriteAckMode mode, CompletableFuture<ProposalOutcome<R>> future) implements LoopEvent {
    }

    record ProposeConfChange<R>(ConfChange change, CompletableFuture<ProposalOutcome<R>> future) implements LoopEvent {
    }

    record Read(CompletableFuture<ReadOutcome> future) implements LoopEvent {
    }

    record Transfer(String target, CompletableFuture<TransferResult> future) implements LoopEvent {
    }

    record Inspect(CompletableFuture<Status> future) implements LoopEvent {
    }

    /** The application asks for a snapshot now; {@code done} completes with its index once it is durable. */
    record SnapshotNow(CompletableFuture<Long> done) implements LoopEvent {
    }

    /** The persistence thread made {@code ready} durable and sent its held-back messages. */
    record Persisted(Ready ready) implements LoopEvent {
    }

    /**
     * The apply thread took a state-machine snapshot at {@code index}; {@code done} completes with the index
     * of the durable snapshot covering it (nobody waits on it for the periodic snapshots).
     */
    record SnapshotTaken(long index, Bytes data, CompletableFuture<Long> done) implements LoopEvent {
    }

    /** The persistence thread stored {@code snapshot} durably and compacted the log store. */
    record Compacted(Snapshot snapshot) implements LoopEvent {
    }

    /** A driver thread hit an unrecoverable error (an fsync failure, a state-machine fault). */
    record Fatal(String thread, Throwable error) implements LoopEvent {
    }

    record Stop() implements LoopEvent {
    }
}

package dev.vaylix.raft;

import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.message.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the application must do for the node, taken with {@link RaftNode#ready()} and
 * acknowledged with {@link RaftNode#advance(Ready)} once its persistence is complete.
 *
 * <p>The ordering rules (thesis §3.8, §10.2.1; RAFT-VARIANT.md "State"):
 * <ol>
 *   <li>{@link #messages()} may be sent at once, before or while persisting: a leader's disk write
 *       runs in parallel with its replication.</li>
 *   <li>Persist, in this order and durably: {@link #snapshot()} (if present), then {@link #entries()}
 *       together with {@link #hardState()}. Persist Readys in the order they were taken.</li>
 *   <li>Only then send {@link #messagesAfterPersist()}: answers to votes and appends, and a
 *       candidate's vote requests, which promise durable state.</li>
 *   <li>Apply {@link #committedEntries()} in order (they are already durable locally); after a
 *       {@link #snapshot()}, restore the state machine from it first.</li>
 *   <li>Call {@link RaftNode#advance(Ready)} once step 2 is complete.</li>
 * </ol>
 *
 * <p>Installing {@link #snapshot()}: the durable log keeps its entries after the snapshot index if its
 * entry at that index has the snapshot's term, and is emptied otherwise (thesis §5.3); then
 * {@link #entries()} are appended. {@link #entries()} may start at or below the last persisted index:
 * the persisted suffix from their first index is replaced (a Raft conflict the core already decided).
 *
 * @param number             sequence number; Readys are advanced in this order
 * @param softState          present when leader, term or role changed
 * @param hardState          present when term, vote or commit index changed; persist with the entries
 * @param snapshot           a snapshot received from the leader, to install before the entries
 * @param entries            log entries to persist, contiguous
 * @param messages           messages that may leave immediately
 * @param messagesAfterPersist messages that may leave only once this Ready is persisted
 * @param committedEntries   entries to apply, in order, contiguous with what was handed out before
 * @param readStates         confirmed reads: serve each once the state machine has applied its index
 * @param readFailures       reads that will not be served
 * @param watermarks         present on a leader when one of its acknowledgement watermarks moved
 */
public record Ready(long number, Optional<SoftState> softState, Optional<HardState> hardState,
                    Optional<Snapshot> snapshot, List<LogEntry> entries, List<Message> messages,
                    List<Message> messagesAfterPersist, List<LogEntry> committedEntries, List<ReadState> readStates,
                    List<ReadFailure> readFailures, Optional<AckWatermarks> watermarks) {

    public Ready {
        Objects.requireNonNull(softState, "softState");
        Objects.requireNonNull(hardState, "hardState");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(watermarks, "watermarks");
        entries = List.copyOf(entries);
        messages = List.copyOf(messages);
        messagesAfterPersist = List.copyOf(messagesAfterPersist);
        committedEntries = List.copyOf(committedEntries);
        readStates = List.copyOf(readStates);
        readFailures = List.copyOf(readFailures);
    }

    /** True if anything must be made durable before {@link #messagesAfterPersist()} may leave. */
    public boolean mustPersist() {
        return hardState.isPresent() || snapshot.isPresent() || !entries.isEmpty();
    }
}

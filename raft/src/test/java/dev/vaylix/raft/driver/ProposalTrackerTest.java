package dev.vaylix.raft.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.AckWatermarks;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** When each kind of proposal is answered: by its application, by durability watermarks, or by both. */
class ProposalTrackerTest {

    private final ProposalTracker<String> tracker = new ProposalTracker<>();

    private CompletableFuture<ProposalOutcome<String>> register(long index, WriteAckMode mode) {
        CompletableFuture<ProposalOutcome<String>> future = new CompletableFuture<>();
        tracker.register(index, 2, mode, future);
        return future;
    }

    private void apply(long index, long term) {
        tracker.applied(new LogEntry(index, term, EntryKind.COMMAND, 0, Bytes.EMPTY), "r" + index);
    }

    /** Term 2; committed, durable on every voter, durable locally. */
    private void watermarks(long committed, long allVoters, long local) {
        tracker.watermarks(new AckWatermarks(2, committed, allVoters, local));
    }

    @Test
    void a_majority_proposal_is_answered_by_its_application_and_never_by_watermarks() {
        CompletableFuture<ProposalOutcome<String>> majority = register(5, WriteAckMode.MAJORITY);
        watermarks(5, 5, 5);
        assertFalse(majority.isDone(), "durable and committed is not applied");
        apply(5, 2);
        assertEquals(new ProposalOutcome.Applied<>(5L, 2L, "r5"), majority.join());
        assertEquals(0, tracker.size());
    }

    @Test
    void an_all_proposal_needs_both_its_application_and_every_voter_in_either_order() {
        CompletableFuture<ProposalOutcome<String>> appliedFirst = register(5, WriteAckMode.ALL);
        CompletableFuture<ProposalOutcome<String>> durableFirst = register(6, WriteAckMode.ALL);
        apply(5, 2);
        watermarks(6, 4, 6);
        assertFalse(appliedFirst.isDone(), "applied, but not on every voter yet");
        watermarks(6, 6, 6);
        assertEquals(new ProposalOutcome.Applied<>(5L, 2L, "r5"), appliedFirst.join());
        assertFalse(durableFirst.isDone(), "on every voter, but not applied yet");
        apply(6, 2);
        assertEquals(new ProposalOutcome.Applied<>(6L, 2L, "r6"), durableFirst.join());
        assertEquals(0, tracker.size());
    }

    @Test
    void a_local_proposal_is_answered_once_durable_here_before_it_is_applied() {
        CompletableFuture<ProposalOutcome<String>> local = register(7, WriteAckMode.LOCAL);
        watermarks(0, 0, 6);
        assertFalse(local.isDone());
        watermarks(0, 0, 7);
        assertEquals(new ProposalOutcome.LocallyDurable<>(7L, 2L), local.join());
        apply(7, 2); // later: nothing left to answer
        assertEquals(0, tracker.size());
    }

    @Test
    void watermarks_of_another_term_answer_nothing() {
        CompletableFuture<ProposalOutcome<String>> local = register(3, WriteAckMode.LOCAL);
        tracker.watermarks(new AckWatermarks(3, 3, 3, 3));
        assertFalse(local.isDone());
    }

    @Test
    void an_index_taken_by_another_term_is_superseded_and_open_proposals_end_unknown_when_leadership_is_lost() {
        CompletableFuture<ProposalOutcome<String>> superseded = register(4, WriteAckMode.ALL);
        CompletableFuture<ProposalOutcome<String>> open = register(5, WriteAckMode.LOCAL);
        CompletableFuture<ProposalOutcome<String>> openMajority = register(6, WriteAckMode.MAJORITY);
        apply(4, 3);
        ProposalOutcome.Rejected<String> rejected = assertInstanceOf(ProposalOutcome.Rejected.class, superseded.join());
        assertEquals(ProposalOutcome.Reason.SUPERSEDED, rejected.reason());
        tracker.leadershipLost(3, false, "stepped down");
        assertInstanceOf(ProposalOutcome.Unknown.class, open.join());
        assertInstanceOf(ProposalOutcome.Unknown.class, openMajority.join());
        assertEquals(0, tracker.size());
        watermarks(9, 9, 9); // nothing left that watermarks could answer
    }
}

package dev.vaylix.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.HardState;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.Header;
import dev.vaylix.raft.message.VoteRequest;
import dev.vaylix.raft.message.VoteResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of one node through its public API, each test named after the rule it checks. */
class RaftNodeTest {

    private static RaftNode single(String id, Configuration configuration) {
        return RaftNode.start(RaftConfig.defaults("c", id), PersistentState.bootstrap(configuration), bound -> 0,
                RaftEventListener.NONE);
    }

    @Test
    void aVoteIsDurableBeforeItsAnswerLeaves() {
        RaftNode voter = single("b", Configuration.ofVoters("a", "b", "c"));
        voter.step(new VoteRequest(new Header("c", "a", "b", 1), 0, 0, false));
        Ready ready = voter.ready();
        assertEquals(new HardState(1, "a", 0), ready.hardState().orElseThrow());
        assertTrue(ready.messages().isEmpty(), "nothing may leave before the vote is durable");
        VoteResponse answer = assertInstanceOf(VoteResponse.class, ready.messagesAfterPersist().getFirst());
        assertTrue(answer.granted());
    }

    @Test
    void messagesOfAnotherClusterAreDroppedAndCounted() {
        RaftNode node = single("b", Configuration.ofVoters("a", "b", "c"));
        node.step(new VoteRequest(new Header("other-cluster", "a", "b", 7), 0, 0, false));
        assertEquals(1, node.droppedForeignClusterMessages());
        assertEquals(0, node.term());
        assertTrue(!node.hasReady() || node.ready().messagesAfterPersist().isEmpty());
    }

    @Test
    void aLeaderCountsItselfOnlyForEntriesOnItsOwnDisk() {
        RaftNode node = single("a", Configuration.ofVoters("a"));
        node.campaign();
        assertEquals(Role.LEADER, node.role());
        Ready first = node.ready();
        assertEquals(1, first.entries().size(), "the no-op of the new term");
        assertEquals(0, node.commitIndex(), "not durable yet, so not counted");
        node.advance(first);
        assertEquals(1, node.commitIndex());
        ProposeResult result = node.propose(Bytes.utf8("x"), 1);
        assertEquals(new ProposeResult.Accepted(2, 1), result);
        Ready second = node.ready();
        assertEquals(1, node.commitIndex());
        node.advance(second);
        assertEquals(2, node.commitIndex());
        AckWatermarks watermarks = node.ready().watermarks().orElseThrow();
        assertEquals(new AckWatermarks(1, 2, 2, 2), watermarks);
    }

    @Test
    void aNodeSendsNothingUnderATermItCouldStillForget() {
        // A single voter wins without asking anyone; its appends to a learner must wait until its new term
        // is durable, or a crash could let it lead the same term twice with different entries.
        Configuration withLearner = new Configuration(new java.util.TreeSet<>(List.of("a")),
                new java.util.TreeSet<>(List.of("l")));
        RaftNode node = single("a", withLearner);
        node.campaign();
        Ready ready = node.ready();
        assertTrue(ready.hardState().isPresent());
        assertTrue(ready.messages().isEmpty());
        assertTrue(ready.messagesAfterPersist().stream().anyMatch(m -> m.to().equals("l")));
    }

    @Test
    void followersRefuseProposalsAndNameTheLeader() {
        InMemoryCluster net = new InMemoryCluster(Configuration.ofVoters("a", "b", "c"), "a", "b", "c");
        net.node("a").campaign();
        net.stabilize();
        ProposeResult result = net.node("b").propose(Bytes.utf8("x"), 1);
        ProposeResult.Rejected rejected = assertInstanceOf(ProposeResult.Rejected.class, result);
        assertEquals(ProposeResult.Reason.NOT_LEADER, rejected.reason());
        assertEquals("a", rejected.leaderHint());
    }

    @Test
    void aReadWaitsForTheLeadersFirstCommitThenOneHeartbeatRound() {
        InMemoryCluster net = new InMemoryCluster(Configuration.ofVoters("a", "b", "c"), "a", "b", "c");
        RaftNode a = net.node("a");
        a.campaign();
        // Deliver everything until the election is won, but not what would commit the no-op.
        for (int i = 0; i < 20 && a.role() != Role.LEADER; i++) {
            net.round();
        }
        assertEquals(Role.LEADER, a.role());
        a.readIndex(Bytes.utf8("r"));
        Ready ready = a.ready();
        assertTrue(ready.readStates().isEmpty(), "no entry of the new term is committed yet");
        net.queue.addAll(ready.messages());
        net.queue.addAll(ready.messagesAfterPersist());
        a.advance(ready);
        net.stabilize();
        assertEquals(1, net.readStates.size());
        assertEquals(a.commitIndex(), net.readStates.getFirst().index());
    }

    @Test
    void oneMembershipChangeAtATimeAndOnlyAfterACommitInTheTerm() {
        RaftNode node = single("a", Configuration.ofVoters("a"));
        node.campaign();
        ProposeResult early = node.proposeConfChange(new ConfChange.AddLearner("b"), 1);
        assertEquals(ProposeResult.Reason.NO_COMMIT_IN_TERM, ((ProposeResult.Rejected) early).reason());
        node.advance(node.ready());
        assertInstanceOf(ProposeResult.Accepted.class, node.proposeConfChange(new ConfChange.AddLearner("b"), 1));
        ProposeResult second = node.proposeConfChange(new ConfChange.AddLearner("c"), 1);
        assertEquals(ProposeResult.Reason.CONF_CHANGE_PENDING, ((ProposeResult.Rejected) second).reason());
        assertTrue(node.status().configuration().isLearner("b"), "a change takes effect when appended");
    }

    @Test
    void readiesMustBeAdvancedInOrder() {
        RaftNode node = single("a", Configuration.ofVoters("a"));
        node.campaign();
        Ready first = node.ready();
        node.propose(Bytes.utf8("x"), 1);
        Ready second = node.ready();
        assertThrows(IllegalStateException.class, () -> node.advance(second));
        node.advance(first);
        node.advance(second);
        assertEquals(2, node.commitIndex());
    }
}

package dev.vaylix.raft.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.confchange.ConfChange;
import dev.vaylix.raft.confchange.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The driver with real threads: a 3-node cluster over an in-memory network, and a single-voter group. */
class RaftDriverTest {

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    /** Proposes until the leader accepts (leadership may move under a busy machine); returns the outcome. */
    private static ProposalOutcome<String> proposeOnLeader(TestCluster cluster, String payload, WriteAckMode mode) {
        for (int attempt = 0; attempt < 20; attempt++) {
            RaftDriver<String> leader = cluster.awaitLeader();
            ProposalOutcome<String> outcome = get(leader.propose(Bytes.utf8(payload), mode));
            if (!(outcome instanceof ProposalOutcome.Rejected<String> rejected)
                    || rejected.reason() != ProposalOutcome.Reason.NOT_LEADER) {
                return outcome;
            }
        }
        throw new AssertionError("no leader accepted " + payload);
    }

    @Test
    void threeNodesElectALeaderAndApplyEveryProposalInTheSameOrder() {
        try (TestCluster cluster = TestCluster.of(3)) {
            RaftDriver<String> leader = cluster.awaitLeader();
            List<CompletableFuture<ProposalOutcome<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(leader.propose(Bytes.utf8("k" + (i % 7) + "=" + i), WriteAckMode.MAJORITY));
            }
            int applied = 0;
            for (CompletableFuture<ProposalOutcome<String>> future : futures) {
                ProposalOutcome<String> outcome = get(future);
                // Never a definite failure for an accepted proposal; Unknown only if leadership moved.
                assertTrue(outcome instanceof ProposalOutcome.Applied<String>
                        || outcome instanceof ProposalOutcome.Unknown<String>, outcome.toString());
                if (outcome instanceof ProposalOutcome.Applied<String>) {
                    applied++;
                }
            }
            assertTrue(applied > 0, "nothing applied");
            long target = cluster.machines.get(leader.id()).appliedIndex();
            TestCluster.await("every node applied up to " + target,
                    () -> cluster.machines.values().stream().allMatch(m -> m.appliedIndex() >= target));
            for (int k = 0; k < 7; k++) {
                String key = "k" + k;
                String expected = cluster.machines.get(leader.id()).get(key);
                for (RegisterMachine machine : cluster.machines.values()) {
                    assertEquals(expected, machine.get(key), "register " + key);
                }
            }
        }
    }

    @Test
    void groupCommitMakesFewerDurableAppendsThanProposals() {
        try (TestCluster cluster = TestCluster.of(3)) {
            RaftDriver<String> leader = cluster.awaitLeader();
            long before = leader.durableAppends();
            List<CompletableFuture<ProposalOutcome<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                futures.add(leader.propose(Bytes.utf8("g=" + i), WriteAckMode.MAJORITY));
            }
            futures.forEach(RaftDriverTest::get);
            long appends = leader.durableAppends() - before;
            assertTrue(appends < 500, "500 proposals took " + appends + " durable appends on the leader");
        }
    }

    @Test
    void linearizableReadsOnLeaderAndFollowerSeeACompletedWrite() {
        try (TestCluster cluster = TestCluster.of(3)) {
            ProposalOutcome<String> write = proposeOnLeader(cluster, "x=42", WriteAckMode.MAJORITY);
            assertInstanceOf(ProposalOutcome.Applied.class, write);
            long writeIndex = ((ProposalOutcome.Applied<String>) write).index();
            RaftDriver<String> leader = cluster.awaitLeader();
            for (RaftDriver<String> node : cluster.drivers.values()) {
                ReadOutcome read = get(node.read());
                assertInstanceOf(ReadOutcome.Ready.class, read, node.id() + " (" + node.softState() + ")");
                assertTrue(((ReadOutcome.Ready) read).readIndex() >= writeIndex, "read index before the write");
                assertEquals("42", cluster.machines.get(node.id()).get("x"), "read on " + node.id()
                        + (node == leader ? " (leader)" : " (follower)"));
            }
        }
    }

    @Test
    void proposalsOfACutOffLeaderEndUnknownNotFailed() {
        try (TestCluster cluster = TestCluster.of(3)) {
            RaftDriver<String> leader = cluster.awaitLeader();
            get(leader.propose(Bytes.utf8("warm=up"), WriteAckMode.MAJORITY));
            cluster.network.isolate(leader.id());
            List<CompletableFuture<ProposalOutcome<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(leader.propose(Bytes.utf8("lost=" + i), WriteAckMode.MAJORITY));
            }
            // Check-quorum deposes the isolated leader; it cannot know whether its entries will commit.
            for (CompletableFuture<ProposalOutcome<String>> future : futures) {
                ProposalOutcome<String> outcome = get(future);
                assertTrue(outcome instanceof ProposalOutcome.Unknown<String>
                        || (outcome instanceof ProposalOutcome.Rejected<String> r
                            && r.reason() == ProposalOutcome.Reason.NOT_LEADER), outcome.toString());
            }
            assertTrue(futures.stream().map(RaftDriverTest::get).anyMatch(o -> o instanceof ProposalOutcome.Unknown<String>),
                    "proposals accepted before the step-down must end Unknown");
            ReadOutcome read = get(leader.read());
            assertInstanceOf(ReadOutcome.Failed.class, read, "a deposed leader must not serve a read");
            cluster.network.heal();
            assertInstanceOf(ProposalOutcome.Applied.class, proposeOnLeader(cluster, "after=heal", WriteAckMode.MAJORITY));
        }
    }

    @Test
    void aSingleVoterGroupRunsTheSameCodePathInEveryAckMode() {
        try (TestCluster cluster = TestCluster.of(1)) {
            RaftDriver<String> node = cluster.awaitLeader();
            assertEquals(Role.LEADER, node.softState().role());
            ProposalOutcome<String> majority = get(node.propose(Bytes.utf8("a=1"), WriteAckMode.MAJORITY));
            assertEquals("", ((ProposalOutcome.Applied<String>) majority).result());
            ProposalOutcome<String> all = get(node.propose(Bytes.utf8("a=2"), WriteAckMode.ALL));
            assertEquals("1", ((ProposalOutcome.Applied<String>) all).result());
            ProposalOutcome<String> local = get(node.propose(Bytes.utf8("a=3"), WriteAckMode.LOCAL));
            assertInstanceOf(ProposalOutcome.LocallyDurable.class, local);
            assertInstanceOf(ReadOutcome.Ready.class, get(node.read()));
            assertEquals("3", cluster.machines.get(node.id()).get("a"));
        }
    }

    @Test
    void snapshotNowStoresTheAppliedStateDurablyAndCompactsTheLog() {
        try (TestCluster cluster = TestCluster.of(1)) {
            RaftDriver<String> node = cluster.awaitLeader();
            for (int i = 0; i < 5; i++) {
                assertInstanceOf(ProposalOutcome.Applied.class, get(node.propose(Bytes.utf8("s=" + i), WriteAckMode.MAJORITY)));
            }
            long applied = cluster.machines.get(node.id()).appliedIndex();
            long index = get(node.snapshotNow());
            assertEquals(applied, index, "the snapshot covers everything applied when it was asked for");
            TestCluster.Storage storage = cluster.storage.get(node.id());
            assertEquals(index, storage.snapshots().latest().orElseThrow().index());
            TestCluster.await("the log compacted to the snapshot", () -> storage.log().firstIndex() == index + 1);
            assertEquals(index, get(node.snapshotNow()), "nothing applied since: the same snapshot answers");
        }
    }

    @Test
    void aRestartedNodeRecoversItsLogAndSnapshotAndRejoins() {
        Configuration voters = Configuration.ofVoters("n1", "n2", "n3");
        try (TestCluster cluster = TestCluster.of(3, 20)) {
            for (int i = 0; i < 60; i++) {
                assertInstanceOf(ProposalOutcome.Applied.class, proposeOnLeader(cluster, "r=" + i, WriteAckMode.ALL));
            }
            String victim = cluster.drivers.firstKey();
            cluster.stop(victim);
            assertTrue(cluster.storage.get(victim).snapshots().latest().isPresent(), "snapshots were taken");
            RaftDriver<String> restarted = cluster.start(victim, voters);
            RegisterMachine machine = cluster.machines.get(victim);
            TestCluster.await("the restarted node applied every write", () -> "59".equals(machine.get("r")));
            assertTrue(machine.restores() >= 1, "the restarted state machine starts from the snapshot");
            assertTrue(restarted.failure().isEmpty());
        }
    }

    @Test
    void aNewServerJoinsAsALearnerThroughASnapshotAndIsPromoted() {
        try (TestCluster cluster = TestCluster.of(3, 10)) {
            for (int i = 0; i < 40; i++) {
                proposeOnLeader(cluster, "j=" + i, WriteAckMode.MAJORITY);
            }
            RaftDriver<String> leader = cluster.awaitLeader();
            cluster.start("n4", Configuration.EMPTY);
            ProposalOutcome<String> added = get(leader.proposeConfChange(new ConfChange.AddLearner("n4")));
            assertInstanceOf(ProposalOutcome.Applied.class, added);
            RegisterMachine joined = cluster.machines.get("n4");
            TestCluster.await("n4 caught up", () -> "39".equals(joined.get("j")));
            assertTrue(joined.restores() >= 1, "n4 started from the leader's snapshot");
            TestCluster.await("n4 promoted to voter", () -> {
                var status = cluster.awaitLeader().status().join();
                return status.configuration().isVoter("n4");
            });
        }
    }

    @Test
    void aStateMachineFaultStopsTheDriverAndLeavesNoProposalHanging() {
        InMemoryLogStore log = new InMemoryLogStore();
        RegisterMachine registers = new RegisterMachine();
        StateMachine<String> faulty = new StateMachine<>() {
            @Override
            public long appliedIndex() {
                return registers.appliedIndex();
            }

            @Override
            public String apply(dev.vaylix.api.log.LogEntry entry) {
                if (entry.payload().equals(Bytes.utf8("boom=1"))) {
                    throw new IllegalStateException("disk on fire");
                }
                return registers.apply(entry);
            }

            @Override
            public Bytes snapshot() {
                return registers.snapshot();
            }

            @Override
            public void restore(long index, Bytes data) {
                registers.restore(index, data);
            }
        };
        DriverConfig config = DriverConfig.defaults(dev.vaylix.raft.RaftConfig.defaults("t", "solo").withTimeouts(10, 1))
                .withTickIntervalMs(10);
        try (RaftDriver<String> driver = RaftDriver.start(config, Configuration.ofVoters("solo"), log,
                new InMemorySnapshotStore(), faulty, _ -> { }, TestCluster.SYSTEM_CLOCK, new java.util.SplittableRandom(1)::nextInt,
                dev.vaylix.raft.RaftEventListener.NONE)) {
            TestCluster.await("leader", () -> driver.softState().role() == Role.LEADER);
            assertInstanceOf(ProposalOutcome.Applied.class, get(driver.propose(Bytes.utf8("ok=1"), WriteAckMode.MAJORITY)));
            ProposalOutcome<String> boom = get(driver.propose(Bytes.utf8("boom=1"), WriteAckMode.MAJORITY));
            assertInstanceOf(ProposalOutcome.Unknown.class, boom, "the fault stops the driver before any result");
            TestCluster.await("the driver reports its failure", () -> driver.failure().isPresent());
            ProposalOutcome<String> after = get(driver.propose(Bytes.utf8("late=1"), WriteAckMode.MAJORITY));
            assertEquals(ProposalOutcome.Reason.CLOSED, ((ProposalOutcome.Rejected<String>) after).reason());
        }
    }
}

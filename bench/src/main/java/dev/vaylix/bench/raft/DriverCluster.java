package dev.vaylix.bench.raft;

import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.driver.DriverConfig;
import dev.vaylix.raft.driver.RaftDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Threaded {@link RaftDriver}s in one JVM, for {@link DriverCommitBenchmark}: each node with its own
 * {@link NodeStorage}, all joined by a {@link LoopbackNetwork}, applying to a {@link CountingMachine}.
 *
 * <p>Timing: 10 ms ticks, elections after 30–60 ticks (0.3–0.6 s), heartbeats every 3 ticks: the
 * ratios of the production defaults (RaftConfig.defaults) on a shorter tick, so that a trial's setup
 * elects a leader quickly.
 */
final class DriverCluster implements AutoCloseable {

    private static final long TICK_MS = 10;
    private static final int ELECTION_TIMEOUT_TICKS = 30;
    private static final int HEARTBEAT_INTERVAL_TICKS = 3;

    private final LoopbackNetwork network = new LoopbackNetwork();
    private final TreeMap<String, RaftDriver<Long>> drivers = new TreeMap<>();
    private final TreeMap<String, NodeStorage> storage = new TreeMap<>();

    /**
     * Starts {@code voters} founding members n1..nN, each on {@code NodeStorage.open(kind, base, id)}.
     * On a failure, whatever was started is closed again.
     */
    static DriverCluster start(int voters, String kind, String base) {
        DriverCluster cluster = new DriverCluster();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= voters; i++) {
                ids.add("n" + i);
            }
            Configuration bootstrap = Configuration.ofVoters(ids.toArray(String[]::new));
            SplittableRandom seeds = new SplittableRandom(42);
            for (String id : ids) {
                NodeStorage node = NodeStorage.open(kind, base, id);
                cluster.storage.put(id, node);
                RaftConfig raft = RaftConfig.defaults("bench", id).withTimeouts(ELECTION_TIMEOUT_TICKS, HEARTBEAT_INTERVAL_TICKS);
                RaftDriver<Long> driver = RaftDriver.start(DriverConfig.defaults(raft).withTickIntervalMs(TICK_MS), bootstrap,
                        node.log(), node.snapshots(), new CountingMachine(), cluster.network, SystemClock.INSTANCE,
                        seeds.split()::nextInt, RaftEventListener.NONE);
                cluster.drivers.put(id, driver);
                cluster.network.register(driver);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Waits until exactly one node leads and every node follows it; returns the leader.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}, or a driver failed
     */
    RaftDriver<Long> awaitLeader(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            RaftDriver<Long> leader = agreedLeader();
            if (leader != null) {
                return leader;
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        throw new IllegalStateException("no leader agreed on by every node within " + timeout);
    }

    private RaftDriver<Long> agreedLeader() {
        RaftDriver<Long> leader = null;
        String leaderId = null;
        for (RaftDriver<Long> driver : drivers.values()) {
            if (driver.failure().isPresent()) {
                throw new IllegalStateException("driver " + driver.id() + " failed", driver.failure().get());
            }
            SoftState state = driver.softState();
            if (leaderId == null) {
                leaderId = state.leaderId();
            } else if (!leaderId.equals(state.leaderId())) {
                return null;
            }
            if (state.role() == Role.LEADER) {
                leader = driver;
            }
        }
        return leader;
    }

    /** fsyncs of every node's storage so far. */
    long syncs() {
        long total = 0;
        for (NodeStorage node : storage.values()) {
            total += node.syncs();
        }
        return total;
    }

    /** Stops every driver, then closes and deletes its storage. */
    @Override
    public void close() {
        for (RaftDriver<Long> driver : drivers.values()) {
            driver.close();
        }
        drivers.clear();
        for (NodeStorage node : storage.values()) {
            node.close();
        }
        storage.clear();
    }
}

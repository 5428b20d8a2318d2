package dev.vaylix.raft.driver;

import dev.vaylix.api.Clock;
import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.SoftState;
import dev.vaylix.raft.confchange.Configuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Real drivers on real threads in one JVM: in-memory log and snapshot stores (which survive a driver
 * restart), an in-memory network through the binary codec, the system clock.
 */
final class TestCluster implements AutoCloseable {

    static final Clock SYSTEM_CLOCK = new Clock() {
        @Override
        public long wallTimeMs() {
            return System.currentTimeMillis();
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }
    };

    /** What survives a node's restart. */
    record Storage(InMemoryLogStore log, InMemorySnapshotStore snapshots) {
    }

    final InMemoryNetwork network = new InMemoryNetwork();
    final TreeMap<String, RaftDriver<String>> drivers = new TreeMap<>();
    final TreeMap<String, RegisterMachine> machines = new TreeMap<>();
    final TreeMap<String, Storage> storage = new TreeMap<>();
    private final long snapshotIntervalEntries;
    private final SplittableRandom seeds = new SplittableRandom(42);

    TestCluster(long snapshotIntervalEntries) {
        this.snapshotIntervalEntries = snapshotIntervalEntries;
    }

    static TestCluster of(int voters) {
        return of(voters, 10_000);
    }

    /** {@code voters} founding members n1..nN, snapshotting every {@code snapshotIntervalEntries}. */
    static TestCluster of(int voters, long snapshotIntervalEntries) {
        TestCluster cluster = new TestCluster(snapshotIntervalEntries);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= voters; i++) {
            ids.add("n" + i);
        }
        Configuration bootstrap = new Configuration(new java.util.TreeSet<>(ids), new java.util.TreeSet<>());
        for (String id : ids) {
            cluster.start(id, bootstrap);
        }
        return cluster;
    }

    /** Starts (or restarts, on the same storage) node {@code id}. */
    RaftDriver<String> start(String id, Configuration bootstrap) {
        Storage store = storage.computeIfAbsent(id, _ -> new Storage(new InMemoryLogStore(), new InMemorySnapshotStore()));
        store.log().reopen();
        RaftConfig raft = RaftConfig.defaults("test-cluster", id).withTimeouts(10, 1);
        DriverConfig config = DriverConfig.defaults(raft).withTickIntervalMs(20)
                .withSnapshotIntervalEntries(snapshotIntervalEntries);
        RegisterMachine machine = new RegisterMachine();
        RaftDriver<String> driver = RaftDriver.start(config, bootstrap, store.log(), store.snapshots(), machine,
                network.transport(), SYSTEM_CLOCK, seeds.split()::nextInt, RaftEventListener.NONE);
        network.register(driver);
        drivers.put(id, driver);
        machines.put(id, machine);
        return driver;
    }

    /** Stops node {@code id} (its storage is kept). */
    void stop(String id) {
        network.unregister(id);
        drivers.remove(id).close();
        storage.get(id).log().close();
    }

    /** Waits until exactly one live node leads and the others follow it; returns it. */
    RaftDriver<String> awaitLeader() {
        RaftDriver<String>[] found = new RaftDriver[1];
        await("a leader followed by every node", () -> {
            found[0] = null;
            String leader = null;
            for (Map.Entry<String, RaftDriver<String>> entry : drivers.entrySet()) {
                SoftState state = entry.getValue().softState();
                if (state.role() == Role.LEADER) {
                    if (found[0] != null) {
                        return false;
                    }
                    found[0] = entry.getValue();
                }
                if (leader == null) {
                    leader = state.leaderId();
                } else if (!leader.equals(state.leaderId())) {
                    return false;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits for {@code condition} for up to 30 s (generous: the build machine is shared and busy). */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    @Override
    public void close() {
        for (RaftDriver<String> driver : drivers.values()) {
            driver.close();
        }
        drivers.clear();
    }
}

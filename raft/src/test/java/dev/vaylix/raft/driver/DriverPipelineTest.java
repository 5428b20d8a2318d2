package dev.vaylix.raft.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.raft.RaftConfig;
import dev.vaylix.raft.RaftEventListener;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.confchange.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A single-voter driver's pipeline: what must not wait for what. Group commit without fsyncs for a commit index
 * alone, snapshots stored and encoded without holding up appends or applies.
 */
class DriverPipelineTest {

    /** 10 ms ticks: a single voter leads within 100–200 ms. */
    private static final DriverConfig CONFIG = DriverConfig.defaults(RaftConfig.defaults("t", "solo").withTimeouts(10, 1))
            .withTickIntervalMs(10);
    /**
     * 50 ms ticks, for counting fsyncs: an idle persistence thread writes a deferred commit index after one tick, and
     * a busy machine may stall the test for longer than 10 ms between two writes.
     */
    private static final DriverConfig SLOW_TICKS = DriverConfig.defaults(RaftConfig.defaults("t", "solo").withTimeouts(4, 1))
            .withTickIntervalMs(50);

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    private static RaftDriver<String> start(InMemoryLogStore log, SnapshotStore snapshots, StateMachine<String> machine) {
        return start(CONFIG, log, snapshots, machine);
    }

    private static RaftDriver<String> start(DriverConfig config, InMemoryLogStore log, SnapshotStore snapshots,
                                            StateMachine<String> machine) {
        RaftDriver<String> driver = RaftDriver.start(config, Configuration.ofVoters("solo"), log, snapshots, machine, _ -> { },
                TestCluster.SYSTEM_CLOCK, new SplittableRandom(1)::nextInt, RaftEventListener.NONE);
        TestCluster.await("leader", () -> driver.softState().role() == Role.LEADER);
        return driver;
    }

    private static long write(RaftDriver<String> driver, String payload) {
        ProposalOutcome<String> outcome = get(driver.propose(Bytes.utf8(payload), WriteAckMode.MAJORITY));
        return assertInstanceOf(ProposalOutcome.Applied.class, outcome).index();
    }

    @Test
    void a_commit_index_that_moved_alone_rides_with_the_next_append_and_reaches_the_disk_once_idle() {
        InMemoryLogStore log = new InMemoryLogStore();
        try (RaftDriver<String> driver = start(SLOW_TICKS, log, new InMemorySnapshotStore(), new RegisterMachine())) {
            write(driver, "warm=up");
            int writes = 40;
            long before = driver.durableAppends();
            long last = 0;
            for (int i = 0; i < writes; i++) {
                last = write(driver, "seq=" + i); // one at a time: each commit index change comes alone
            }
            long appends = driver.durableAppends() - before;
            // Each write needs its entry durable: one append each. Its commit index change used to take a second
            // fsync of its own; now it goes with the next write's append (the slack allows idle flushes when the
            // machine stalls between two writes for more than a tick).
            assertTrue(appends <= writes + writes / 4, writes + " sequential writes took " + appends + " durable appends");
            long lastIndex = last;
            TestCluster.await("the commit index of the last write reaches the disk once the node is idle",
                    () -> log.hardState().commitIndex() == lastIndex);
        }
    }

    @Test
    void a_restart_from_a_log_whose_commit_index_trails_it_applies_every_durable_write() {
        // What a crash can leave now that a commit index moving alone is not fsynced: the entries durable, the
        // recorded commit index behind them.
        InMemoryLogStore log = new InMemoryLogStore();
        List<LogEntry> entries = new ArrayList<>();
        entries.add(new LogEntry(1, 1, EntryKind.NOOP, 0, Bytes.EMPTY));
        for (int i = 2; i <= 6; i++) {
            entries.add(new LogEntry(i, 1, EntryKind.COMMAND, 0, Bytes.utf8("k=" + i)));
        }
        log.append(entries, new HardState(1, "solo", 2));
        RegisterMachine machine = new RegisterMachine();
        try (RaftDriver<String> driver = start(log, new InMemorySnapshotStore(), machine)) {
            TestCluster.await("every durable write applied", () -> "6".equals(machine.get("k")));
            assertTrue(driver.failure().isEmpty());
        }
    }

    @Test
    void writes_go_on_while_a_snapshot_is_being_stored() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        SnapshotStore blocking = new BlockingSnapshotStore(new InMemorySnapshotStore(), writing, release);
        InMemoryLogStore log = new InMemoryLogStore();
        try (RaftDriver<String> driver = start(log, blocking, new RegisterMachine())) {
            long snapshotIndex = write(driver, "before=1");
            CompletableFuture<Long> snapshot = driver.snapshotNow();
            await(writing);
            for (int i = 0; i < 20; i++) {
                write(driver, "during=" + i); // each applied while the store write is stuck
            }
            assertFalse(snapshot.isDone(), "the snapshot is still being stored");
            release.countDown();
            assertEquals(snapshotIndex, get(snapshot));
            TestCluster.await("the log compacted to the snapshot", () -> log.firstIndex() == snapshotIndex + 1);
            assertEquals(snapshotIndex + 20, get(driver.snapshotNow()), "a new snapshot covers the later writes");
        }
    }

    @Test
    void a_snapshot_is_encoded_off_the_apply_thread_with_the_state_it_was_captured_at() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch encoding = new CountDownLatch(1);
        RegisterMachine registers = new RegisterMachine();
        StateMachine<String> slowEncoder = new StateMachine<>() {
            @Override
            public long appliedIndex() {
                return registers.appliedIndex();
            }

            @Override
            public String apply(LogEntry entry) {
                return registers.apply(entry);
            }

            @Override
            public Bytes snapshot() {
                return registers.snapshot();
            }

            @Override
            public Supplier<Bytes> captureSnapshot() {
                Bytes captured = registers.snapshot(); // the state as of now
                return () -> {
                    encoding.countDown();
                    await(release); // a large state takes long to encode
                    return captured;
                };
            }

            @Override
            public void restore(long index, Bytes data) {
                registers.restore(index, data);
            }
        };
        InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
        try (RaftDriver<String> driver = start(new InMemoryLogStore(), snapshots, slowEncoder)) {
            long capturedIndex = write(driver, "k=captured");
            CompletableFuture<Long> snapshot = driver.snapshotNow();
            await(encoding);
            for (int i = 0; i < 20; i++) {
                write(driver, "k=later" + i); // applied while the snapshot is being encoded
            }
            release.countDown();
            assertEquals(capturedIndex, get(snapshot));
            SnapshotMeta stored = snapshots.latest().orElseThrow();
            assertEquals(capturedIndex, stored.index());
            RegisterMachine restored = new RegisterMachine();
            restored.restore(stored.index(), snapshots.read(stored));
            assertEquals("captured", restored.get("k"), "the snapshot holds the state at its own index");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "latch not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Blocks the first write until released. */
    private record BlockingSnapshotStore(SnapshotStore delegate, CountDownLatch writing, CountDownLatch release)
            implements SnapshotStore {

        @Override
        public Optional<SnapshotMeta> latest() {
            return delegate.latest();
        }

        @Override
        public Bytes read(SnapshotMeta meta) {
            return delegate.read(meta);
        }

        @Override
        public SnapshotMeta write(long index, long term, Bytes membership, long createdAtMs, Bytes data) {
            writing.countDown();
            await(release);
            return delegate.write(index, term, membership, createdAtMs, data);
        }
    }
}

package dev.vaylix.bench.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.bench.BenchDirs;
import dev.vaylix.raft.driver.ProposalOutcome;
import dev.vaylix.raft.driver.RaftDriver;
import dev.vaylix.raft.driver.WriteAckMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Committed and applied entries per second through the threaded Raft driver: a group of {@code voters}
 * nodes in one JVM ({@link DriverCluster}) whose messages go through the binary codec over an in-memory
 * network. A client keeps {@link #BATCH} proposals ({@code majority} acknowledgement) in flight and waits
 * for all of them; one operation is one applied entry. The driver's persistence thread takes whatever
 * has queued up since its last write as one append (group commit), so with {@code sync} the figure is
 * bounded by fsyncs/s × entries per group commit.
 *
 * <p>{@code voters}: {@code 1} is the standalone server's group (DESIGN.md §3: a one-voter Raft group;
 * an entry commits once the leader's own append is durable, no network); {@code 3} adds replication,
 * each follower persisting to its own storage in parallel with the leader.
 *
 * <p>{@code log} picks the nodes' storage:
 * <ul>
 *   <li>{@code memory}: in-memory log and snapshot stores, no fsync (issue 4's "no fsync" figure: the
 *       protocol and the driver's threads alone);</li>
 *   <li>{@code sync}: the real storage of {@code storage} (StorageRecovery: keyring, encrypted snapshots,
 *       the FileChannel write-ahead log) with {@code --wal-sync sync}, one data directory per node under
 *       {@code dir}, which must be on a real disk for the figure to mean anything;</li>
 *   <li>{@code buffered}, {@code flush}: the same storage with those policies ({@code -p log=flush}).</li>
 * </ul>
 *
 * <p>A proposal that ends without being applied (a leadership change mid-run) is proposed again to the
 * new leader and counted in {@code retries}; a run with retries is suspect (an election in the middle
 * of a measurement) and says so in its results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DriverCommitBenchmark {

    /** Proposals in flight per invocation. */
    static final int BATCH = 1_000;
    /** Rounds of re-proposing after leadership changes before the invocation gives up. */
    private static final int ROUNDS_MAX = 5;
    private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROPOSAL_TIMEOUT_SECONDS = 30;

    @Param({"1", "3"})
    public int voters;

    @Param({"memory", "sync"})
    public String log;

    @Param({"64"})
    public int payloadBytes;

    /** Where the nodes' data directories go (relative to the working directory); unused by {@code memory}. */
    @Param({BenchDirs.DEFAULT})
    public String dir;

    private DriverCluster cluster;
    private RaftDriver<Long> leader;
    private Bytes payload;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] bytes = new byte[payloadBytes];
        new SplittableRandom(42).nextBytes(bytes);
        payload = Bytes.wrapUnsafe(bytes);
        cluster = DriverCluster.start(voters, log, dir);
        leader = cluster.awaitLeader(LEADER_TIMEOUT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long proposeBatchAndWait(DriverCounters counters) throws InterruptedException, ExecutionException, TimeoutException {
        long appendsBefore = leader.durableAppends();
        long syncsBefore = cluster.syncs();
        RaftDriver<Long> proposer = leader;
        int pending = BATCH;
        long lastIndex = 0;
        for (int round = 0; pending > 0; round++) {
            if (round == ROUNDS_MAX) {
                throw new IllegalStateException(pending + " proposals still not applied after " + ROUNDS_MAX + " rounds");
            }
            List<CompletableFuture<ProposalOutcome<Long>>> futures = new ArrayList<>(pending);
            for (int i = 0; i < pending; i++) {
                futures.add(leader.propose(payload, WriteAckMode.MAJORITY));
            }
            int applied = 0;
            for (CompletableFuture<ProposalOutcome<Long>> future : futures) {
                if (future.get(PROPOSAL_TIMEOUT_SECONDS, TimeUnit.SECONDS) instanceof ProposalOutcome.Applied<Long> done) {
                    applied++;
                    lastIndex = Math.max(lastIndex, done.index());
                }
            }
            pending -= applied;
            if (pending > 0) {
                counters.retries += pending;
                leader = cluster.awaitLeader(LEADER_TIMEOUT);
            }
        }
        counters.leaderAppends += proposer.durableAppends() - appendsBefore;
        counters.fsyncs += cluster.syncs() - syncsBefore;
        return lastIndex;
    }
}

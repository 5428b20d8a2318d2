package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Committed (and applied) entries per second through the threaded driver: a 3-node cluster in one JVM
 * with in-memory log stores (no fsync) and an in-memory network through the binary codec. A client
 * keeps {@code outstanding} proposals in flight and waits for all of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DriverCommitBenchmark {

    static final int BATCH = 1_000;

    @Param({"64"})
    int payloadBytes;

    private TestCluster cluster;
    private RaftDriver<String> leader;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = TestCluster.of(3);
        leader = cluster.awaitLeader();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int proposeBatchAndWait() throws Exception {
        List<CompletableFuture<ProposalOutcome<String>>> futures = new ArrayList<>(BATCH);
        String pad = "x".repeat(Math.max(0, payloadBytes - 16));
        for (int i = 0; i < BATCH; i++) {
            futures.add(leader.propose(Bytes.utf8("k" + (counter++ % 1024) + "=" + pad), WriteAckMode.MAJORITY));
        }
        int applied = 0;
        for (CompletableFuture<ProposalOutcome<String>> future : futures) {
            if (future.get(30, TimeUnit.SECONDS) instanceof ProposalOutcome.Applied<String>) {
                applied++;
            }
        }
        if (applied == 0) {
            leader = cluster.awaitLeader();
        }
        return applied;
    }
}

package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.confchange.Configuration;
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

/**
 * Committed entries per second of the pure core: a 3-node cluster in one thread, every Ready
 * "persisted" at once (no fsync, no network), messages passed in memory. Measures the protocol's CPU
 * cost per entry, nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoreCommitBenchmark {

    static final int BATCH = 100;

    @Param({"16", "256"})
    int payloadBytes;

    private InMemoryCluster cluster;
    private RaftNode leader;
    private Bytes payload;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = new InMemoryCluster(Configuration.ofVoters("a", "b", "c"), "a", "b", "c");
        leader = cluster.node("a");
        leader.campaign();
        cluster.stabilize();
        if (leader.role() != Role.LEADER) {
            throw new IllegalStateException("no leader");
        }
        payload = Bytes.wrapUnsafe(new byte[payloadBytes]);
    }

    /** Proposes a batch and runs the cluster until it is committed everywhere. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long proposeAndCommitBatch() {
        long target = 0;
        for (int i = 0; i < BATCH; i++) {
            target = ((ProposeResult.Accepted) leader.propose(payload, i)).index();
        }
        cluster.stabilize();
        if (leader.commitIndex() < target) {
            throw new IllegalStateException("not committed: " + leader.commitIndex() + " < " + target);
        }
        // Keep memory flat: compact what every node has applied.
        if (target % 10_000 < BATCH) {
            for (RaftNode node : cluster.nodes.values()) {
                node.compact(node.snapshotAt(node.status().applyingIndex(), Bytes.EMPTY));
            }
        }
        return leader.commitIndex();
    }
}

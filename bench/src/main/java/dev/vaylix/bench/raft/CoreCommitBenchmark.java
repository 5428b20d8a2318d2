package dev.vaylix.bench.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.ProposeResult;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.Role;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Committed entries per second of the pure Raft core: a 3-node cluster in one thread
 * ({@link CoreCluster}), every Ready "persisted" at once (no fsync, no codec, no network). Measures the
 * protocol's CPU cost per entry and nothing else; one operation is one committed entry.
 *
 * <p>Run on a quiet machine: {@code bench/run-benchmarks.sh raft} (bench/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreCommitBenchmark {

    /** Proposals per invocation, all committed before it returns. */
    static final int BATCH = 100;
    /** Compact every node's log this often, so memory stays flat over a long run. */
    private static final long COMPACT_EVERY_ENTRIES = 10_000;
    private static final int SETTLE_PASSES_MAX = 10_000;

    @Param({"16", "256"})
    public int payloadBytes;

    private CoreCluster cluster;
    private RaftNode leader;
    private Bytes payload;
    private long compactedUpTo;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = new CoreCluster("bench", "a", "b", "c");
        leader = cluster.node("a");
        leader.campaign();
        cluster.settle(SETTLE_PASSES_MAX);
        if (leader.role() != Role.LEADER) {
            throw new IllegalStateException("node a did not become leader: " + leader.role());
        }
        payload = Bytes.wrapUnsafe(new byte[payloadBytes]);
    }

    /** Proposes {@link #BATCH} entries and runs the cluster until they are committed. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long proposeAndCommitBatch() {
        long last = 0;
        for (int i = 0; i < BATCH; i++) {
            if (!(leader.propose(payload, i) instanceof ProposeResult.Accepted accepted)) {
                throw new IllegalStateException("the leader refused a proposal");
            }
            last = accepted.index();
        }
        cluster.settle(SETTLE_PASSES_MAX);
        if (leader.commitIndex() < last) {
            throw new IllegalStateException("not committed: " + leader.commitIndex() + " < " + last);
        }
        if (last - compactedUpTo >= COMPACT_EVERY_ENTRIES) {
            for (RaftNode node : cluster.nodes()) {
                node.compact(node.snapshotAt(node.status().applyingIndex(), Bytes.EMPTY));
            }
            compactedUpTo = last;
        }
        return leader.commitIndex();
    }
}

package dev.vaylix.bench.raft;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results of {@link DriverCommitBenchmark}, per second of measured time:
 * {@code leaderAppends} = the leader's durable appends (group commits; with {@code sync}, one fsync
 * each), {@code fsyncs} = fsyncs of every node's storage together (0 for {@code memory}),
 * {@code retries} = proposals proposed again after a leadership change.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class DriverCounters {
    public long leaderAppends;
    public long fsyncs;
    public long retries;

    @Setup(Level.Iteration)
    public void reset() {
        leaderAppends = 0;
        fsyncs = 0;
        retries = 0;
    }
}

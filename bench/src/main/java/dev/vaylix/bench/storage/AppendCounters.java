package dev.vaylix.bench.storage;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The secondary results of the storage benchmarks. The primary score of both is operations per second
 * where one operation is one batch (one {@code append}, one {@code write + force}); these counters turn
 * it into comparable units. JMH divides each by the measured time, so in the results they read:
 * {@code entries} = entries/s, {@code payloadBytes} = payload bytes/s (MB/s = value / 10⁶), {@code fsyncs}
 * = fsyncs/s (counted at the file-system seam, not assumed).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class AppendCounters {
    public long entries;
    public long payloadBytes;
    public long fsyncs;

    @Setup(Level.Iteration)
    public void reset() {
        entries = 0;
        payloadBytes = 0;
        fsyncs = 0;
    }

    void count(int batchSize, int payloadBytesEach, long syncs) {
        entries += batchSize;
        payloadBytes += (long) batchSize * payloadBytesEach;
        fsyncs += syncs;
    }
}

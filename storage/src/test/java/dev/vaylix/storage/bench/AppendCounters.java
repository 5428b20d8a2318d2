package dev.vaylix.storage.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results reported next to the operations per second: entries/s, payload bytes/s (MB/s =
 * bytes / 1e6) and fsyncs/s. JMH divides each counter by the measured time.
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
}

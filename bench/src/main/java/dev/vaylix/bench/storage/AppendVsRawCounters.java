package dev.vaylix.bench.storage;

import java.util.Locale;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What {@link AppendVsRawBenchmark} accumulates per iteration. {@code EVENTS} counters, not rates: JMH
 * reports each as it stands at the end of an iteration, and its result for the whole run is the
 * <em>sum</em> over the measurement iterations (of every fork), with no error bar (see the benchmark's
 * class comment for how to read them).
 *
 * <ul>
 *   <li>{@code pairs}: operations (one {@code sync} append and one raw write + force each);
 *   <li>{@code appendNanos}, {@code rawNanos}: time spent in the append halves and in the raw halves;
 *   <li>{@code appendFirst}: pairs in which the append ran before the raw write (half of them, by design);
 *   <li>{@code rawBytes}: bytes the raw halves wrote, as the channel reported them;
 *   <li>{@code appendFsyncs}: file and directory syncs the log made, counted at the {@code FileIO} seam.
 * </ul>
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class AppendVsRawCounters {
    public long pairs;
    public long appendNanos;
    public long rawNanos;
    public long appendFirst;
    public long rawBytes;
    public long appendFsyncs;

    @Setup(Level.Iteration)
    public void reset() {
        pairs = 0;
        appendNanos = 0;
        rawNanos = 0;
        appendFirst = 0;
        rawBytes = 0;
        appendFsyncs = 0;
    }

    /**
     * Prints this iteration's ratio and both rates, so the console log shows the ratio's spread over the
     * iterations (here rather than in the benchmark: JMH refuses the same counters state injected into
     * both the benchmark method and a fixture of the benchmark's own state).
     */
    @TearDown(Level.Iteration)
    public void report(BenchmarkParams benchmark, IterationParams iteration) {
        System.out.println(String.format(Locale.ROOT,
                "%n  [%s backend=%s batchSize=%s] append/raw = %.3f (append %.1f batches/s, raw %.1f batches/s, %d pairs)",
                iteration.getType() == IterationType.WARMUP ? "warm-up" : "measured",
                benchmark.getParam("backend"), benchmark.getParam("batchSize"), appendOverRaw(),
                batchesPerSecond(appendNanos), batchesPerSecond(rawNanos), pairs));
    }

    /** Records one pair: the time of each half, which ran first, and what each wrote or synced. */
    void count(long appendNanosOfPair, long rawNanosOfPair, boolean appendRanFirst, int rawBytesOfPair, long appendSyncs) {
        pairs++;
        appendNanos += appendNanosOfPair;
        rawNanos += rawNanosOfPair;
        if (appendRanFirst) {
            appendFirst++;
        }
        rawBytes += rawBytesOfPair;
        appendFsyncs += appendSyncs;
    }

    /** Append batches/s over raw batches/s in what has been counted: {@code rawNanos / appendNanos}; NaN before any pair. */
    double appendOverRaw() {
        return appendNanos == 0 ? Double.NaN : (double) rawNanos / appendNanos;
    }

    /** Batches/s of a half that took {@code nanos} for all {@link #pairs}; NaN if it took no time. */
    double batchesPerSecond(long nanos) {
        return nanos == 0 ? Double.NaN : pairs * 1e9 / nanos;
    }
}

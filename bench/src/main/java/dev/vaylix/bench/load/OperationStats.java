package dev.vaylix.bench.load;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The measured result of one operation kind.
 *
 * @param kind               the operation kind
 * @param count              operations answered successfully in the measured window
 * @param errors             operations that got an error reply (or a malformed transaction answer)
 * @param operationsPerSecond count / measured seconds
 * @param latency            batch latencies in microseconds (see {@link Worker}); empty if nothing ran
 */
record OperationStats(OperationKind kind, long count, long errors, double operationsPerSecond, Histogram latency) {

    OperationStats {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(latency, "latency");
    }

    long percentileMicros(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }

    long maxMicros() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMaxValue();
    }

    double meanMicros() {
        return latency.getTotalCount() == 0 ? 0 : latency.getMean();
    }
}

package dev.vaylix.server.runtime;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Clock;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot store as the driver sees it, observed: every durable snapshot (the driver's own, SAVE,
 * periodic, shutdown) counts in {@link Metric#SNAPSHOT_COMPLETED} (COMPATIBILITY.md: the reference
 * counted only periodic ones), and its write time is kept for INFO
 * ({@code persistence.last_snapshot_duration_ms}: the durable write of the image, from encryption to
 * the manifest's rename). Thread-safety: as the wrapped store; the observations are volatile.
 */
final class ObservedSnapshotStore implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedSnapshotStore.class);

    private final SnapshotStore delegate;
    private final Clock clock;
    private final ServerMetrics metrics;
    private volatile long lastDurationMs = -1;

    ObservedSnapshotStore(SnapshotStore delegate, Clock clock, ServerMetrics metrics) {
        this.delegate = delegate;
        this.clock = clock;
        this.metrics = metrics;
    }

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
        long start = clock.monotonicNanos();
        SnapshotMeta meta = delegate.write(index, term, membership, createdAtMs, data);
        long durationMs = (clock.monotonicNanos() - start) / 1_000_000;
        lastDurationMs = durationMs;
        metrics.increment(Metric.SNAPSHOT_COMPLETED);
        LOG.info("event=snapshot_written index={} term={} size_bytes={} duration_ms={}", index, term, data.length(), durationMs);
        return meta;
    }

    /** Duration of the last snapshot written by this process; empty before the first. */
    OptionalLong lastDurationMs() {
        long value = lastDurationMs;
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }
}

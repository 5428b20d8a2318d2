package dev.vaylix.bench.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import java.util.Optional;

/**
 * The snapshot store of {@link DriverCommitBenchmark}'s {@code memory} variant: the latest snapshot
 * held by reference. No checksum is computed ({@code sha256} is empty) because the bytes never leave
 * this object; {@link #read} hands back exactly what {@link #write} was given. Thread-safe.
 */
final class MemorySnapshotStore implements SnapshotStore {

    private SnapshotMeta meta;
    private Bytes data;

    @Override
    public synchronized Optional<SnapshotMeta> latest() {
        return Optional.ofNullable(meta);
    }

    @Override
    public synchronized Bytes read(SnapshotMeta wanted) {
        if (meta == null || !meta.equals(wanted)) {
            throw ErrorCode.ENG_007.exception("not the current snapshot: " + wanted);
        }
        return data;
    }

    @Override
    public synchronized SnapshotMeta write(long index, long term, Bytes membership, long createdAtMs, Bytes snapshot) {
        meta = new SnapshotMeta(index, term, membership, createdAtMs, snapshot.length(), Bytes.EMPTY, "memory");
        data = snapshot;
        return meta;
    }
}

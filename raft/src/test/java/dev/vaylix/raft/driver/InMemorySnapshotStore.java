package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** A {@link SnapshotStore} in memory, for the driver's tests. Thread-safe. */
final class InMemorySnapshotStore implements SnapshotStore {

    private SnapshotMeta meta;
    private Bytes data;

    @Override
    public synchronized Optional<SnapshotMeta> latest() {
        return Optional.ofNullable(meta);
    }

    @Override
    public synchronized Bytes read(SnapshotMeta wanted) {
        if (meta == null || !meta.equals(wanted)) {
            throw ErrorCode.ENG_004.exception("no such snapshot");
        }
        if (!sha256(data).equals(meta.sha256())) {
            throw ErrorCode.ENG_007.exception("snapshot");
        }
        return data;
    }

    @Override
    public synchronized SnapshotMeta write(long index, long term, Bytes membership, long createdAtMs, Bytes snapshot) {
        meta = new SnapshotMeta(index, term, membership, createdAtMs, snapshot.length(), sha256(snapshot), "test");
        data = snapshot;
        return meta;
    }

    private static Bytes sha256(Bytes bytes) {
        try {
            return Bytes.wrapUnsafe(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

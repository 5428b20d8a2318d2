package dev.vaylix.storage;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.snapshot.SnapshotMeta;
import java.util.Objects;

/**
 * The snapshot recovery found, verified against its SHA-256.
 *
 * @param data the plaintext, in the engine's own encoding; owned by the holder
 */
public record RecoveredSnapshot(SnapshotMeta meta, Bytes data) {
    public RecoveredSnapshot {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(data, "data");
    }
}

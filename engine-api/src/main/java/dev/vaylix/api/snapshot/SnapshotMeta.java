package dev.vaylix.api.snapshot;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * What the manifest records about the current snapshot. First draft; the storage issue refines it.
 *
 * @param index       last log index the snapshot includes
 * @param term        term of that entry
 * @param membership  the Raft configuration as of {@code index}, opaque to storage
 * @param createdAtMs wall-clock time the snapshot was taken
 * @param sizeBytes   length of the plaintext snapshot
 * @param sha256      SHA-256 of the plaintext snapshot
 * @param keyId       id of the keyring key that encrypted it
 */
public record SnapshotMeta(long index, long term, Bytes membership, long createdAtMs, long sizeBytes,
                           Bytes sha256, String keyId) {
    public SnapshotMeta {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(keyId, "keyId");
    }
}

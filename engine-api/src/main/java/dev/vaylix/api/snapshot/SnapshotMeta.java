package dev.vaylix.api.snapshot;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * What the manifest records about the current snapshot (docs/STORAGE.md describes the files).
 *
 * @param index       last log index the snapshot includes
 * @param term        term of that entry
 * @param membership  the Raft configuration as of {@code index}, opaque to storage
 * @param createdAtMs the time the snapshot's state reflects; point-in-time restore by timestamp uses it
 *                    as the baseline, so callers should pass the {@code leaderTimeMs} of the entry at
 *                    {@code index} (exact even under clock skew) rather than their own wall clock
 * @param sizeBytes   length of the plaintext snapshot
 * @param sha256      SHA-256 of the plaintext snapshot
 * @param keyId       id of the keyring key that encrypted it
 */
public record SnapshotMeta(long index, long term, Bytes membership, long createdAtMs, long sizeBytes,
                           Bytes sha256, String keyId) {
    public SnapshotMeta {
        if (index < 0 || term < 0 || sizeBytes < 0) {
            throw new IllegalArgumentException("snapshot index, term and size are non-negative");
        }
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(keyId, "keyId");
    }
}

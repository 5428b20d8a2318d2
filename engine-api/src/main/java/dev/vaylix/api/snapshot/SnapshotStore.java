package dev.vaylix.api.snapshot;

import dev.vaylix.api.Bytes;
import java.util.Optional;

/**
 * The durable snapshot ({@code snapshot.bin}) and its manifest ({@code manifest.bin}), both encrypted.
 *
 * <p>Writing follows DESIGN.md §3: encrypt, write a temp file, fsync, rename, fsync the directory,
 * then the manifest the same way. The snapshot file describes itself (index, term, membership,
 * SHA-256) and the manifest names the exact snapshot file it describes, so a crash at any point
 * leaves a usable snapshot: the old one, or the new one (when the crash fell between the two
 * renames, the new snapshot is used and the stale manifest is rewritten at the next recovery).
 *
 * <p>Errors are {@link dev.vaylix.api.VaylixException}s: ENG-007 on a checksum mismatch or a
 * snapshot/manifest pair that contradict each other, ENG-008 on a key or authentication failure,
 * ENG-009 on an unknown format version, ENG-002 on I/O failure.
 *
 * <p>Threading: one writer at a time; {@link #latest()} and {@link #read} may run concurrently with it
 * and see the old or the new snapshot.
 */
public interface SnapshotStore {

    /** The metadata of the current snapshot, if one exists, checked against the manifest. */
    Optional<SnapshotMeta> latest();

    /**
     * The plaintext snapshot {@code meta} describes, verified against its size and SHA-256. Owned by
     * the caller.
     *
     * @throws dev.vaylix.api.VaylixException ENG-007 if the current snapshot is not the one {@code meta} describes
     */
    Bytes read(SnapshotMeta meta);

    /**
     * Durably replaces the current snapshot and then the manifest, encrypting with the keyring's
     * active key; returns the metadata written. {@code createdAtMs}: see {@link SnapshotMeta#createdAtMs()}.
     */
    SnapshotMeta write(long index, long term, Bytes membership, long createdAtMs, Bytes data);
}

package dev.vaylix.api.snapshot;

import dev.vaylix.api.Bytes;
import java.util.Optional;

/**
 * The durable snapshot ({@code snapshot.bin}) and its manifest ({@code manifest.bin}). First draft;
 * the storage issue refines it.
 *
 * <p>Writing follows DESIGN.md §3: encrypt, write a temp file, fsync, rename, fsync the directory,
 * then the manifest the same way. A crash at any point leaves either the old pair or the new pair
 * readable, never a mix. Errors are {@link dev.vaylix.api.VaylixException}s: ENG-007 on a checksum
 * mismatch, ENG-008 on an authentication failure, ENG-009 on an unknown format version.
 *
 * <p>Threading: one writer at a time; {@link #latest()} and {@link #read} may run concurrently with it
 * and see the old or the new snapshot.
 */
public interface SnapshotStore {

    /** The manifest of the current snapshot, if one exists. */
    Optional<SnapshotMeta> latest();

    /** The plaintext snapshot {@code meta} describes, verified against its SHA-256. Owned by the caller. */
    Bytes read(SnapshotMeta meta);

    /** Durably replaces the current snapshot; returns the manifest written. */
    SnapshotMeta write(long index, long term, Bytes membership, long createdAtMs, Bytes data);
}

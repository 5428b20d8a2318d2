package dev.vaylix.storage.snapshot;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.storage.crypto.DataKey;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.io.AtomicFile;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SnapshotStore} on {@code <data-dir>/snapshot.bin} and {@code <data-dir>/manifest.bin}.
 *
 * <p>Write order: the snapshot (temp, fsync, rename, directory fsync), then the manifest the same way.
 * Because the snapshot file describes itself and the manifest names the snapshot file by id and
 * SHA-256, every crash point leaves a usable pair:
 * <ul>
 *   <li>before the snapshot rename: the old pair;
 *   <li>between the two renames: the new snapshot and the old manifest ({@link ManifestStatus#STALE}):
 *       the snapshot is newer than what the manifest describes, so it is used and the manifest
 *       rewritten at the next writable recovery (the reference fails every later start, Note 3);
 *   <li>after: the new pair.
 * </ul>
 * A snapshot older than its manifest, a manifest without a snapshot, or any mismatch between the two
 * that no crash can produce is ENG-007: the pair was damaged or tampered with.
 *
 * <p>Thread-safety: one writer at a time; readers may run concurrently and see either snapshot.
 */
public final class FileSnapshotStore implements SnapshotStore {

    public static final String SNAPSHOT_FILE = "snapshot.bin";
    public static final String MANIFEST_FILE = "manifest.bin";
    private static final int MANIFEST_BYTES_MAX = 1 << 20;

    /** How the manifest relates to the snapshot. */
    public enum ManifestStatus {
        /** Neither file exists. */
        NO_SNAPSHOT,
        /** The manifest describes the snapshot exactly. */
        CURRENT,
        /** The snapshot is newer than the manifest (a crash between the two renames). */
        STALE,
        /** A snapshot without a manifest (a crash before the first manifest was made durable). */
        MISSING
    }

    /**
     * The checked state of the pair.
     *
     * @param meta              the current snapshot, if any
     * @param snapshotFileBytes size of {@code snapshot.bin} on disk (0 if absent)
     */
    public record State(Optional<SnapshotMeta> meta, ManifestStatus manifest, long snapshotFileBytes) {
    }

    private final FileIO io;
    private final Path snapshotPath;
    private final Path manifestPath;
    private final KeyProvider keys;

    public FileSnapshotStore(FileIO io, Path dataDir, KeyProvider keys) {
        this.io = Objects.requireNonNull(io, "io");
        this.snapshotPath = dataDir.resolve(SNAPSHOT_FILE);
        this.manifestPath = dataDir.resolve(MANIFEST_FILE);
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Reads both files and checks them against each other, changing nothing. */
    public State check() {
        boolean hasSnapshot = io.exists(snapshotPath);
        boolean hasManifest = io.exists(manifestPath);
        if (!hasSnapshot) {
            if (hasManifest) {
                throw ErrorCode.ENG_007.exception(snapshotPath + " (the manifest describes a snapshot that is missing)");
            }
            return new State(Optional.empty(), ManifestStatus.NO_SNAPSHOT, 0);
        }
        SnapshotFile.Described snapshot = SnapshotFile.describe(io, snapshotPath, keys);
        long fileBytes = sizeOf(snapshotPath);
        if (!hasManifest) {
            return new State(Optional.of(snapshot.meta()), ManifestStatus.MISSING, fileBytes);
        }
        ManifestFile.Manifest manifest = readManifest();
        if (manifest.describes(snapshot)) {
            return new State(Optional.of(snapshot.meta()), ManifestStatus.CURRENT, fileBytes);
        }
        if (snapshot.meta().index() >= manifest.meta().index() && snapshot.meta().term() >= manifest.meta().term()) {
            return new State(Optional.of(snapshot.meta()), ManifestStatus.STALE, fileBytes);
        }
        throw ErrorCode.ENG_007.exception(snapshotPath + " (snapshot at index " + snapshot.meta().index() + " term "
                + snapshot.meta().term() + " is older than the manifest's index " + manifest.meta().index() + " term "
                + manifest.meta().term() + ")");
    }

    /**
     * {@link #check()}, then, if the manifest is stale or missing, rewrites it to describe the
     * snapshot (a writable open only).
     */
    public State recover() {
        State state = check();
        if (state.manifest() == ManifestStatus.STALE || state.manifest() == ManifestStatus.MISSING) {
            writeManifest(SnapshotFile.describe(io, snapshotPath, keys));
        }
        return state;
    }

    @Override
    public Optional<SnapshotMeta> latest() {
        return check().meta();
    }

    @Override
    public Bytes read(SnapshotMeta meta) {
        SnapshotFile.Described current = SnapshotFile.describe(io, snapshotPath, keys);
        if (!current.meta().equals(meta)) {
            throw ErrorCode.ENG_007.exception(snapshotPath + " (it holds index " + current.meta().index()
                    + ", not the snapshot asked for at index " + meta.index() + ")");
        }
        return SnapshotFile.read(io, snapshotPath, keys, current);
    }

    @Override
    public SnapshotMeta write(long index, long term, Bytes membership, long createdAtMs, Bytes data) {
        if (index < 0 || term < 0 || (index > 0 && term < 1) || createdAtMs < 0) {
            throw StorageErrors.invalid("snapshot index " + index + " term " + term + " time " + createdAtMs);
        }
        DataKey key = keys.activeKey();
        Path temp = AtomicFile.tempFor(snapshotPath);
        SnapshotFile.Described written;
        try {
            io.deleteIfExists(temp);
            try (StorageFile file = io.open(temp, FileIO.OpenMode.CREATE_NEW)) {
                written = SnapshotFile.write(file, key, index, term, membership, createdAtMs, data);
                file.force();
            }
            io.rename(temp, snapshotPath);
            io.syncDirectory(snapshotPath.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw StorageErrors.io("write", snapshotPath, e);
        }
        writeManifest(written);
        return written.meta();
    }

    private void writeManifest(SnapshotFile.Described snapshot) {
        try {
            AtomicFile.write(io, manifestPath, ManifestFile.encode(snapshot, keys.activeKey()), false);
        } catch (IOException e) {
            throw StorageErrors.io("write", manifestPath, e);
        }
    }

    private ManifestFile.Manifest readManifest() {
        try {
            return ManifestFile.decode(manifestPath, AtomicFile.readAll(io, manifestPath, MANIFEST_BYTES_MAX), keys);
        } catch (IOException e) {
            throw StorageErrors.io("read", manifestPath, e);
        }
    }

    private long sizeOf(Path path) {
        try {
            return io.size(path);
        } catch (IOException e) {
            throw StorageErrors.io("stat", path, e);
        }
    }
}

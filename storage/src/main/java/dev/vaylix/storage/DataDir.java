package dev.vaylix.storage;

import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.snapshot.FileSnapshotStore;
import dev.vaylix.storage.wal.Wal;
import java.nio.file.Path;

/**
 * The storage files of a data directory (STORAGE.md §1). Other files of the directory (auth store,
 * audit log, cluster state, backups, maintenance sentinel) belong to the server.
 *
 * <pre>
 * keyring.bin    data keys, wrapped by the master key when one is configured (0600)
 * snapshot.bin   the encrypted snapshot
 * manifest.bin   the encrypted manifest naming snapshot.bin
 * wal/           log segments: active-&lt;start&gt;.wal, &lt;start&gt;-&lt;end&gt;.wal
 * wal.log        the reference's legacy monolithic WAL: never written; its presence is ENG-010
 * </pre>
 */
public record DataDir(Path root) {

    public static final String LEGACY_WAL = "wal.log";

    public Path keyring() {
        return KeyringStore.pathIn(root);
    }

    public Path snapshot() {
        return root.resolve(FileSnapshotStore.SNAPSHOT_FILE);
    }

    public Path manifest() {
        return root.resolve(FileSnapshotStore.MANIFEST_FILE);
    }

    public Path wal() {
        return root.resolve(Wal.DIRECTORY);
    }

    public Path legacyWal() {
        return root.resolve(LEGACY_WAL);
    }
}

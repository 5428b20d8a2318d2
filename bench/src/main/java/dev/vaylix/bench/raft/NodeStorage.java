package dev.vaylix.bench.raft;

import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.api.snapshot.SnapshotStore;
import dev.vaylix.bench.BenchDirs;
import dev.vaylix.bench.storage.CountingFileIO;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Path;
import java.util.Optional;

/** Where one benchmark node keeps its log and snapshots. */
sealed interface NodeStorage extends AutoCloseable {

    LogStore log();

    SnapshotStore snapshots();

    /** fsyncs (file and directory) this node's storage has made so far. */
    long syncs();

    /** Closes the log (after the driver stopped) and removes what was written. */
    @Override
    void close();

    /**
     * {@code memory} for {@link InMemory}; otherwise a {@code --wal-sync} policy ({@code buffered},
     * {@code flush}, {@code sync}) for {@link OnDisk} in a new directory under {@code base}.
     */
    static NodeStorage open(String kind, String base, String nodeId) {
        if (kind.equals("memory")) {
            return new InMemory(new MemoryLogStore(), new MemorySnapshotStore());
        }
        return OnDisk.open(SyncPolicy.fromFlag(kind), base, nodeId);
    }

    /** No storage cost at all: the baseline. */
    record InMemory(MemoryLogStore log, MemorySnapshotStore snapshots) implements NodeStorage {
        @Override
        public long syncs() {
            return 0;
        }

        @Override
        public void close() {
            log.close();
        }
    }

    /**
     * The server's storage: a data directory opened by {@link StorageRecovery} (keyring, encrypted
     * snapshot and manifest, the FileChannel write-ahead log with the given sync policy) on real files.
     */
    record OnDisk(Path dataDir, CountingFileIO io, RecoveredStorage storage) implements NodeStorage {

        static OnDisk open(SyncPolicy policy, String base, String nodeId) {
            Path dataDir = BenchDirs.create(base, "vaylix-raft-" + nodeId + "-");
            CountingFileIO io = new CountingFileIO(new ChannelFileIO());
            StorageConfig config = new StorageConfig(dataDir, io, Optional.empty(),
                    WalOptions.DEFAULTS.withBackend(WalOptions.Backend.CHANNEL).withSyncPolicy(policy), SystemClock.INSTANCE);
            return new OnDisk(dataDir, io, StorageRecovery.open(config));
        }

        @Override
        public LogStore log() {
            return storage.log();
        }

        @Override
        public SnapshotStore snapshots() {
            return storage.snapshots();
        }

        @Override
        public long syncs() {
            return io.syncs();
        }

        @Override
        public void close() {
            storage.close();
            BenchDirs.delete(dataDir);
        }
    }
}

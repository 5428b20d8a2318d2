package dev.vaylix.server.config;

import dev.vaylix.api.log.SyncPolicy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Data directory and persistence settings; also what the offline subcommands receive.
 *
 * @param dataDir                        {@code --data-dir}
 * @param backupDir                      {@code --backup-dir}, default {@code <data-dir>/backups}
 * @param walSync                        {@code --wal-sync}; default {@code sync} (durability means fsync)
 * @param walSegmentSizeBytes            {@code --wal-segment-size-bytes}; 0 disables rotation
 * @param walRetainSegments              {@code --wal-retain-segments}
 * @param snapshotIntervalSeconds        {@code --snapshot-interval-seconds}; empty when disabled (absent or 0)
 * @param expirationSweepIntervalSeconds {@code --expiration-sweep-interval-seconds}; empty when disabled
 * @param masterKeyFile                  {@code --master-key-file}: the operator key that wraps the keyring
 */
public record StorageConfig(Path dataDir, Path backupDir, SyncPolicy walSync, long walSegmentSizeBytes, long walRetainSegments,
                            OptionalLong snapshotIntervalSeconds, OptionalLong expirationSweepIntervalSeconds,
                            Optional<Path> masterKeyFile) {

    public StorageConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(backupDir, "backupDir");
        Objects.requireNonNull(walSync, "walSync");
        Objects.requireNonNull(snapshotIntervalSeconds, "snapshotIntervalSeconds");
        Objects.requireNonNull(expirationSweepIntervalSeconds, "expirationSweepIntervalSeconds");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
    }
}

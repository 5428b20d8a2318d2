/**
 * Durable, encrypted storage of a data directory (docs/STORAGE.md): {@link dev.vaylix.storage.StorageRecovery}
 * opens it and returns a {@link dev.vaylix.storage.RecoveredStorage} (keyring, snapshot, log, report).
 *
 * <p>Public API: this package, {@code io} ({@code ChannelFileIO}, {@code ReadOnlyFileIO}),
 * {@code crypto} (keyring and master key), {@code wal} ({@code Wal}, {@code WalOptions},
 * {@code WalReport}), {@code snapshot} ({@code FileSnapshotStore}) and {@code offline} (the offline
 * tools). The {@code format} package is internal: it is public only so the other packages can share it.
 */
package dev.vaylix.storage;

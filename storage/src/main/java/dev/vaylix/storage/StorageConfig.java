package dev.vaylix.storage;

import dev.vaylix.api.Clock;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.storage.crypto.MasterKey;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open the storage of a data directory.
 *
 * @param dataDir    the data directory ({@code --data-dir})
 * @param io         the file system seam ({@link ChannelFileIO} in production)
 * @param masterKey  the operator's master key, if configured ({@link MasterKey#fromEnvironment})
 * @param walOptions sync policy, segment size, retention, backend
 * @param clock      for key creation times (the keyring is the only thing here that reads a clock)
 */
public record StorageConfig(Path dataDir, FileIO io, Optional<MasterKey> masterKey, WalOptions walOptions, Clock clock) {

    public StorageConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(walOptions, "walOptions");
        Objects.requireNonNull(clock, "clock");
    }

    /** Real files, no master key, default WAL options. */
    public static StorageConfig of(Path dataDir, Clock clock) {
        return new StorageConfig(dataDir, new ChannelFileIO(), Optional.empty(), WalOptions.DEFAULTS, clock);
    }

    public StorageConfig withIo(FileIO value) {
        return new StorageConfig(dataDir, value, masterKey, walOptions, clock);
    }

    public StorageConfig withMasterKey(MasterKey value) {
        return new StorageConfig(dataDir, io, Optional.of(value), walOptions, clock);
    }

    public StorageConfig withWalOptions(WalOptions value) {
        return new StorageConfig(dataDir, io, masterKey, value, clock);
    }

    public StorageConfig withDataDir(Path value) {
        return new StorageConfig(value, io, masterKey, walOptions, clock);
    }

    public DataDir layout() {
        return new DataDir(dataDir);
    }
}

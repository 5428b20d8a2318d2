package dev.vaylix.server.runtime;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.server.config.StorageConfig;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.RecoveryReport;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.crypto.MasterKey;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the data directory's storage for the server (docs/STORAGE.md §6): the master key from
 * {@code --master-key-file} / {@code VAYLIX_MASTER_KEY_FILE} or {@code VAYLIX_MASTER_KEY}, the WAL options
 * from the flags, then recovery (fail closed with the storage's precise codes).
 */
final class StorageOpener {

    private static final Logger LOG = LoggerFactory.getLogger(StorageOpener.class);

    private StorageOpener() {
    }

    /**
     * @throws dev.vaylix.api.VaylixException ENG-008 for master key problems (both a file and a hex key, a
     *         malformed key, a wrong or missing key), SRV-030 for WAL options storage refuses, and every
     *         recovery error (ENG-002/007/008/009/010/014)
     */
    static RecoveredStorage open(StorageConfig storage, Map<String, String> environment, Clock clock) {
        FileIO io = new ChannelFileIO();
        Optional<MasterKey> masterKey = masterKey(storage, environment, io);
        WalOptions wal;
        try {
            wal = WalOptions.DEFAULTS.withSyncPolicy(storage.walSync())
                    .withSegmentSizeBytes(storage.walSegmentSizeBytes())
                    .withRetainSegments((int) Math.min(Integer.MAX_VALUE, storage.walRetainSegments()));
        } catch (IllegalArgumentException e) {
            throw ErrorCode.SRV_030.exception(e.getMessage());
        }
        dev.vaylix.storage.StorageConfig config = new dev.vaylix.storage.StorageConfig(storage.dataDir(), io, masterKey, wal, clock);
        RecoveredStorage recovered = StorageRecovery.open(config);
        RecoveryReport report = recovered.report();
        LOG.info("event=storage_recovered data_dir={} keyring={} keyring_wrapped={} manifest={} snapshot_index={} first_index={} "
                        + "last_index={} torn_tail_bytes={} positioning={} wal_sync={}", storage.dataDir(), report.keyring(),
                report.keyringWrapped(), report.manifest(), report.snapshotIndex(), report.firstIndex(), report.lastIndex(),
                report.tornBytesDropped(), report.positioning(), storage.walSync().flagValue());
        if (report.tornBytesDropped() > 0) {
            LOG.warn("event=torn_tail_repaired bytes_dropped={}: a crash interrupted an append that was never acknowledged",
                    report.tornBytesDropped());
        }
        return recovered;
    }

    private static Optional<MasterKey> masterKey(StorageConfig storage, Map<String, String> environment, FileIO io) {
        if (storage.masterKeyFile().isPresent()) {
            String hex = environment.get(MasterKey.ENV_KEY);
            if (hex != null && !hex.isBlank()) {
                throw ErrorCode.ENG_008.exception("master key: both --master-key-file (or " + MasterKey.ENV_KEY_FILE + ") and "
                        + MasterKey.ENV_KEY + " are set; set one");
            }
            return Optional.of(MasterKey.fromFile(io, storage.masterKeyFile().get()));
        }
        return MasterKey.fromEnvironment(environment, io);
    }
}

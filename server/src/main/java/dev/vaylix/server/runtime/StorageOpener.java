package dev.vaylix.server.runtime;

import dev.vaylix.api.Clock;
import dev.vaylix.server.config.StorageConfig;
import dev.vaylix.server.node.StorageSettings;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.RecoveryReport;
import dev.vaylix.storage.StorageRecovery;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the data directory's storage for the server (docs/STORAGE.md §6): the configuration from
 * {@link StorageSettings} (master key, WAL options), then recovery (fail closed with the storage's
 * precise codes), logged.
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
        RecoveredStorage recovered = StorageRecovery.open(StorageSettings.of(storage, environment, clock));
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
}

package dev.vaylix.server.node;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.server.config.StorageConfig;
import dev.vaylix.storage.crypto.MasterKey;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that turns the command line's storage settings and the environment into the
 * storage module's configuration: data directory, real files, master key, WAL options. The server
 * and the offline tools open a data directory exactly the same way. Stateless.
 */
public final class StorageSettings {

    private StorageSettings() {
    }

    /**
     * The storage configuration for {@code config}'s data directory.
     *
     * @param environment the process environment, for {@value MasterKey#ENV_KEY}
     *                    ({@value MasterKey#ENV_KEY_FILE} is already in {@code config} as {@code --master-key-file})
     * @param clock       what storage times with (the creation of a new keyring key)
     * @throws dev.vaylix.api.VaylixException {@code ENG-008} for an unreadable or malformed master key, or both a
     *         key file and a key; {@code SRV-030} for a WAL segment size storage cannot use
     */
    public static dev.vaylix.storage.StorageConfig of(StorageConfig config, Map<String, String> environment, Clock clock) {
        FileIO io = new ChannelFileIO();
        return new dev.vaylix.storage.StorageConfig(config.dataDir(), io, masterKey(config, environment, io), walOptions(config), clock);
    }

    /**
     * {@code --wal-sync}, {@code --wal-segment-size-bytes}, {@code --wal-retain-segments} on the channel backend.
     *
     * @throws dev.vaylix.api.VaylixException {@code SRV-030} for a segment size between 1 and storage's minimum
     */
    public static WalOptions walOptions(StorageConfig config) {
        long segmentSize = config.walSegmentSizeBytes();
        if (segmentSize != 0 && segmentSize < WalOptions.MIN_SEGMENT_SIZE_BYTES) {
            throw ErrorCode.SRV_030.exception("invalid value for --wal-segment-size-bytes: " + segmentSize
                    + " (0 disables rotation, otherwise at least " + WalOptions.MIN_SEGMENT_SIZE_BYTES + ")");
        }
        int retain = (int) Math.min(config.walRetainSegments(), Integer.MAX_VALUE);
        return new WalOptions(config.walSync(), segmentSize, retain, WalOptions.Backend.CHANNEL);
    }

    private static Optional<MasterKey> masterKey(StorageConfig config, Map<String, String> environment, FileIO io) {
        String hex = environment.get(MasterKey.ENV_KEY);
        boolean hasHex = hex != null && !hex.isBlank();
        if (config.masterKeyFile().isPresent()) {
            if (hasHex) {
                throw ErrorCode.ENG_008.exception("master key: both --master-key-file (or " + MasterKey.ENV_KEY_FILE + ") and "
                        + MasterKey.ENV_KEY + " are set; set one");
            }
            return Optional.of(MasterKey.fromFile(io, config.masterKeyFile().get()));
        }
        return hasHex ? Optional.of(MasterKey.fromHex(hex)) : Optional.empty();
    }
}

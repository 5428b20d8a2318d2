package dev.vaylix.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@code vaylix} command line asks for: run the server, run an offline tool, or print help.
 * The offline tools only parse and validate here; their implementations live with storage.
 */
public sealed interface Invocation {

    /** {@code vaylix [flags]}: run the server. */
    record Serve(ServerConfig config) implements Invocation {
        public Serve {
            Objects.requireNonNull(config, "config");
        }
    }

    /** {@code vaylix storage verify --data-dir <dir>}: full recovery, read-only, prints the inspection report. */
    record StorageVerify(StorageConfig storage) implements Invocation {
        public StorageVerify {
            Objects.requireNonNull(storage, "storage");
        }
    }

    /** {@code vaylix storage migrate --data-dir <dir>}: convert a legacy layout. */
    record StorageMigrate(StorageConfig storage) implements Invocation {
        public StorageMigrate {
            Objects.requireNonNull(storage, "storage");
        }
    }

    /** {@code vaylix pitr inspect --data-dir <dir>}: report snapshot and log ranges without replay. */
    record PitrInspect(StorageConfig storage) implements Invocation {
        public PitrInspect {
            Objects.requireNonNull(storage, "storage");
        }
    }

    /**
     * {@code vaylix pitr restore --source-dir <src> --target-dir <dst> (--to-sequence N | --to-timestamp-ms T)}.
     *
     * @param storage global storage options (sync policy, segment size, master key); its data directory is
     *                not used: {@code sourceDir} and {@code targetDir} name the directories
     */
    record PitrRestore(Path sourceDir, Path targetDir, RestoreTarget target, StorageConfig storage) implements Invocation {
        public PitrRestore {
            Objects.requireNonNull(sourceDir, "sourceDir");
            Objects.requireNonNull(targetDir, "targetDir");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(storage, "storage");
        }
    }

    /** {@code vaylix healthcheck …}. */
    record Healthcheck(HealthcheckConfig config) implements Invocation {
        public Healthcheck {
            Objects.requireNonNull(config, "config");
        }
    }

    /** {@code --help} anywhere: print {@code text} and exit 0. */
    record Help(String text) implements Invocation {
        public Help {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code --version}: print the server version and exit 0. */
    record Version() implements Invocation {
    }

    /** The point in history a PITR restore stops at (unsigned values). */
    sealed interface RestoreTarget {
        record ToSequence(long sequence) implements RestoreTarget {
        }

        record ToTimestampMs(long timestampMs) implements RestoreTarget {
        }
    }
}

package dev.vaylix.server.offline;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.config.Invocation;
import dev.vaylix.server.node.DataDirLock;
import dev.vaylix.server.node.NodeIdFile;
import dev.vaylix.server.node.StorageSettings;
import dev.vaylix.server.node.SystemClock;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.offline.InspectionReport;
import dev.vaylix.storage.offline.OfflineStorage;
import dev.vaylix.storage.offline.PointInTimeRestore;
import dev.vaylix.storage.offline.RestorePoint;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The offline subcommands of {@code vaylix} (STORAGE.md §10; docs/TOOLS.md): {@code storage verify},
 * {@code storage migrate}, {@code pitr inspect}, {@code pitr restore}. They never start a server.
 *
 * <p>Each runner prints the storage report (one {@code key=value} per line, docs/STORAGE.md §7) on
 * {@code out} and returns 0, or prints {@code [CODE] Name: message} on {@code err} and returns 1.
 * Verify, migrate and inspect open the data directory read-only: they create, change and delete
 * nothing. Restore reads the source the same way and writes only the new target directory.
 *
 * <p>Verify and restore replay the log into the server's own state machine ({@link ReplayApplier}: engine
 * plus users, roles and grants), so they work on exactly what a server wrote, and a restored directory
 * starts as a server with the state as of the restore point.
 *
 * <p>The server must not be running on the directory: the tools hold a shared lock on its {@code LOCK}
 * file while they run ({@code SRV-004} if a server holds it), so a server cannot start on it meanwhile
 * either.
 */
public final class OfflineTools {

    private final Map<String, String> environment;
    private final Clock clock;

    /**
     * @param environment the process environment (for {@code VAYLIX_MASTER_KEY})
     */
    public OfflineTools(Map<String, String> environment) {
        this(environment, SystemClock.INSTANCE);
    }

    OfflineTools(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@code vaylix storage verify}: full read-only recovery (keyring, snapshot and its SHA-256,
     * manifest, every log record's checksum and authentication tag), every entry read back, and the
     * entries after the snapshot replayed into the state machine. Adds {@code entries_verified} and
     * {@code entries_replayed} to the report. A torn log tail is reported ({@code torn_tail_bytes}),
     * not repaired.
     */
    public int verify(Invocation.StorageVerify invocation, PrintStream out, PrintStream err) {
        Path dataDir = invocation.storage().dataDir();
        return run(out, err, dataDir, () -> OfflineStorage.verify(storage(invocation.storage(), dataDir),
                Optional.of(ReplayApplier.factory(NodeIdFile.read(dataDir)))).render());
    }

    /**
     * {@code vaylix storage migrate}: storage format 3 is the only one this build reads or writes, so a
     * current directory is verified read-only and reported with {@code migrated=false}; the
     * reference's {@code wal.log} is {@code ENG-010} with the way to move its data.
     */
    public int migrate(Invocation.StorageMigrate invocation, PrintStream out, PrintStream err) {
        Path dataDir = invocation.storage().dataDir();
        return run(out, err, dataDir, () -> OfflineStorage.migrate(storage(invocation.storage(), dataDir)).render());
    }

    /** {@code vaylix pitr inspect}: the report from the files' contents, without replaying anything. */
    public int inspect(Invocation.PitrInspect invocation, PrintStream out, PrintStream err) {
        Path dataDir = invocation.storage().dataDir();
        return run(out, err, dataDir, () -> OfflineStorage.inspect(storage(invocation.storage(), dataDir)).render());
    }

    /**
     * {@code vaylix pitr restore}: the state of {@code --source-dir} after log index {@code --to-sequence}
     * (or after the leading entries with leader time at most {@code --to-timestamp-ms}), written as
     * a new data directory at {@code --target-dir} (absent or empty). Only committed entries are
     * restored. Prints the target's report.
     *
     * <p>The target belongs to the source's node id (its {@code node-id} file is written once the
     * restored directory is in place): the Raft membership in the restored snapshot names that id, and a
     * server started on the target leads it as that node. (A crash between the two leaves a target without
     * {@code node-id}, which a server refuses to start on, naming the id it needs; delete the target and
     * restore again.)
     */
    public int restore(Invocation.PitrRestore invocation, PrintStream out, PrintStream err) {
        return run(out, err, invocation.sourceDir(), () -> {
            RestorePoint point = restorePoint(invocation.target());
            StorageConfig source = storage(invocation.storage(), invocation.sourceDir());
            Optional<String> nodeId = NodeIdFile.read(invocation.sourceDir());
            InspectionReport report = PointInTimeRestore.restore(source, invocation.targetDir(), point,
                    ReplayApplier.factory(nodeId), StorageSettings.walOptions(invocation.storage()));
            nodeId.ifPresent(id -> NodeIdFile.write(invocation.targetDir(), id));
            return report.render();
        });
    }

    /**
     * The storage configuration of the existing directory {@code dataDir}; a mistyped path is
     * reported as such rather than as a missing keyring.
     */
    private StorageConfig storage(dev.vaylix.server.config.StorageConfig config, Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw ErrorCode.ENG_002.exception("data directory " + dataDir + (Files.exists(dataDir) ? " is not a directory" : " does not exist"));
        }
        return StorageSettings.of(config, environment, clock).withDataDir(dataDir);
    }

    /** The reference's u64 targets: an index beyond {@code Long.MAX_VALUE} cannot exist; such a time is "everything". */
    static RestorePoint restorePoint(Invocation.RestoreTarget target) {
        return switch (target) {
            case Invocation.RestoreTarget.ToSequence(long sequence) -> {
                if (sequence < 0) {
                    throw ErrorCode.ENG_012.exception("index " + Long.toUnsignedString(sequence)
                            + " is outside retained committed history");
                }
                yield new RestorePoint.ToIndex(sequence);
            }
            case Invocation.RestoreTarget.ToTimestampMs(long timestampMs) ->
                    new RestorePoint.ToTimestamp(timestampMs < 0 ? Long.MAX_VALUE : timestampMs);
        };
    }

    /** Runs {@code tool} under a shared lock of {@code dataDir} (see the class comment). */
    private static int run(PrintStream out, PrintStream err, Path dataDir, Supplier<String> tool) {
        String report;
        try (DataDirLock _ = DataDirLock.shareExisting(dataDir)) {
            report = tool.get();
        } catch (VaylixException e) {
            err.println(e.describe());
            err.flush();
            return 1;
        }
        out.print(report);
        out.flush();
        return 0;
    }
}

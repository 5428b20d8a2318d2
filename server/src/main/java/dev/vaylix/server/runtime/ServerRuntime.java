package dev.vaylix.server.runtime;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.driver.WriteAckMode;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.server.audit.AuditLogOptions;
import dev.vaylix.server.audit.FileAuditLog;
import dev.vaylix.server.auth.Authenticator;
import dev.vaylix.server.auth.LockoutTracker;
import dev.vaylix.server.auth.PasswordHasher;
import dev.vaylix.server.backup.BackupPaths;
import dev.vaylix.server.config.ServerConfig;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.consensus.ReplicationEndpoint;
import dev.vaylix.server.exec.NodeFacts;
import dev.vaylix.server.exec.Reads;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.server.exec.Writes;
import dev.vaylix.server.limits.Quotas;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import dev.vaylix.server.node.BuildInfo;
import dev.vaylix.server.node.DataDirLock;
import dev.vaylix.server.node.MaintenanceMode;
import dev.vaylix.server.node.NodeIdFile;
import dev.vaylix.server.node.SystemClock;
import dev.vaylix.server.session.ConnectionAcceptor;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.wal.Wal;
import dev.vaylix.transport.net.SocketListener;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.net.TlsServerConfig;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@code vaylix} server: assembles the pieces in the fail-closed start-up order and takes
 * them down in reverse.
 *
 * <p>Start-up (each failure aborts with its code; what was opened is closed again): configuration (done
 * by the caller) → TLS files (SRV-010) → data directory lock (SRV-004) → audit log, its whole hash chain
 * verified (SRV-028; STORAGE.md §9 step 5, before anything is served or replayed) → storage recovery →
 * stable node id, which must be a member of the recovered Raft configuration (SRV-030) → backup directory
 * → maintenance sentinel → Raft driver (one voter) → leadership and replay of the committed log →
 * bootstrap administrator (warms up BouncyCastle, whose first use takes long) → listener → periodic tasks →
 * SIGHUP handler (certificate reload with TLS) → serve; the caller then prints {@link #announce}.
 *
 * <p>Shutdown ({@link #shutDown}, idempotent): stop accepting; let the sessions answer the requests they
 * already read, then close them; a final snapshot; stop the driver, close the log, write and close the
 * audit log, release the lock.
 */
public final class ServerRuntime {

    /** How long sessions get to answer what they already read when the server stops. */
    static final long SHUTDOWN_GRACE_MS = 5_000;
    static final long FINAL_SNAPSHOT_TIMEOUT_MS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

    private final Deque<AutoCloseable> opened;
    private final ConsensusNode consensus;
    private final ConnectionAcceptor acceptor;
    private final PeriodicTasks tasks;
    private final String listenAddress;
    private final String nodeId;
    private final List<String> announcement;
    private boolean stopped;

    private ServerRuntime(Deque<AutoCloseable> opened, ConsensusNode consensus, ConnectionAcceptor acceptor, PeriodicTasks tasks,
                          String listenAddress, String nodeId, List<String> announcement) {
        this.opened = opened;
        this.consensus = consensus;
        this.acceptor = acceptor;
        this.tasks = tasks;
        this.listenAddress = listenAddress;
        this.nodeId = nodeId;
        this.announcement = List.copyOf(announcement);
    }

    /**
     * Starts a server; it serves when this returns. The caller prints {@link #announce} once it is ready
     * to stop it gracefully (its shutdown hook is in place): scripts and tests take the listening line as
     * "up, and SIGTERM is a graceful stop".
     *
     * @param environment the process environment (the master key variables)
     * @param onFatal     called when the node hits an unrecoverable error after start-up; it should end the process
     * @throws dev.vaylix.api.VaylixException with the code of the first step that failed
     */
    public static ServerRuntime start(ServerConfig config, Map<String, String> environment,
                                      Consumer<Throwable> onFatal) {
        Clock clock = SystemClock.INSTANCE;
        long startNanos = clock.monotonicNanos();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Optional<TlsServerConfig> tls = config.tls().enabled()
                    ? Optional.of(CertificateReloader.load(config.tls(), clock.wallTimeMs())) : Optional.empty();
            opened.push(DataDirLock.acquire(config.storage().dataDir()));
            FileAuditLog audit = openAuditLog(config, clock);
            opened.push(audit);
            RecoveredStorage storage = StorageOpener.open(config.storage(), environment, clock);
            opened.push(storage);
            requireMember(storage, NodeIdFile.read(config.storage().dataDir()).or(() -> config.replication().nodeId()));
            String nodeId = NodeIdFile.resolve(config.storage().dataDir(), config.replication().nodeId(), clock.wallTimeMs());
            BackupPaths backups = BackupPaths.open(config.storage().backupDir());
            MaintenanceMode maintenance = MaintenanceMode.load(config.storage().dataDir());
            if (maintenance.enabled()) {
                LOG.warn("event=maintenance_mode enabled=true sentinel={}", maintenance.sentinel());
            }

            ServerMetrics metrics = new ServerMetrics(config.audit().extendedMetrics());
            metrics.add(Metric.WAL_ENTRY_REPLAYED, Math.max(0, storage.lastIndexToApply() - storage.firstIndexToApply() + 1));
            ObservedSnapshotStore snapshots = new ObservedSnapshotStore(storage.snapshots(), clock, metrics);
            ConsensusNode consensus = ConsensusNode.start(new ConsensusNode.Settings(nodeId, config.replication().groupId(),
                    ConnectionAcceptor.maxRequestsInFlight(config.network().maxConnections())), storage.log(), snapshots, clock);
            opened.push(consensus);
            Bootstrap.awaitLeadership(consensus, clock);
            long recoveryMs = TimeUnit.NANOSECONDS.toMillis(clock.monotonicNanos() - startNanos);

            Writes writes = new Writes(consensus, WriteAckMode.fromFlag(config.replication().writeAckMode().text()), metrics);
            PasswordHasher hasher = PasswordHasher.owasp();
            if (config.auth().enabled()) {
                Bootstrap.bootstrapAdmin(consensus, writes, config.auth(), hasher);
            }

            InetSocketAddress bind = new InetSocketAddress(config.network().bindAddress(), config.network().port());
            SocketListener listener = tls.isPresent()
                    ? SocketTransport.listenTls(bind, SocketTransport.DEFAULT_BACKLOG, tls.get())
                    : SocketTransport.listen(bind, SocketTransport.DEFAULT_BACKLOG);
            opened.push(listener);
            Optional<CertificateReloader> certificates = tls.map(loaded -> new CertificateReloader(config.tls(), loaded, listener,
                    audit, clock));
            RuntimeFacts facts = new RuntimeFacts(listener.localAddress(), recoveryMs, storage.keyring(), snapshots,
                    config.storage().dataDir().resolve(Wal.DIRECTORY),
                    () -> certificates.map(CertificateReloader::status).orElse(NodeFacts.TlsStatus.NONE), BuildInfo.load());
            Authenticator authenticator = new Authenticator(hasher, new LockoutTracker(config.auth().lockoutPolicy(), clock));
            ServerContext context = new ServerContext(config, clock, consensus, writes, new Reads(consensus, clock, metrics),
                    new ReplicationEndpoint(consensus, config.replication().groupId()), metrics,
                    new Quotas(config.limits().quotas()), hasher, authenticator, backups, maintenance, audit, facts);

            ConnectionAcceptor acceptor = new ConnectionAcceptor(context, listener, serverId(nodeId));
            acceptor.start();
            PeriodicTasks tasks = new PeriodicTasks(consensus, writes, metrics);
            tasks.start(config.storage(), onFatal);
            opened.push(tasks);
            // Always handled, so that SIGHUP never stops a server (the JVM's default): without TLS it only says so.
            HangupSignal.install(certificates.<Runnable>map(reloader -> reloader::reload)
                    .orElse(() -> LOG.info("event=sighup_ignored reason=\"TLS is off: there is no certificate to reload\"")));

            List<String> announcement = new ArrayList<>();
            announcement.add("[INFO] [server.startup] listening on " + listener.localAddress() + " tls=" + tls.isPresent()
                    + " node_id=" + nodeId + " data_dir=" + config.storage().dataDir());
            for (String notice : config.notYetSupportedInUse()) {
                announcement.add("[WARN] [server.startup] " + notice);
                LOG.warn("event=flag_not_supported notice=\"{}\"", notice);
            }
            LOG.info("event=server_started address={} node_id={} tls={} mtls={} auth={} wal_sync={} write_ack_mode={} recovery_ms={}",
                    listener.localAddress(), nodeId, tls.isPresent(), config.tls().mtlsEnabled(), config.auth().enabled(),
                    config.storage().walSync().flagValue(), config.replication().writeAckMode().text(), recoveryMs);
            return new ServerRuntime(opened, consensus, acceptor, tasks, listener.localAddress(), nodeId, announcement);
        } catch (RuntimeException | Error e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /** Prints the listening line (address, TLS, node id, data directory) and a notice per flag that has no effect yet. */
    public void announce(PrintStream out) {
        announcement.forEach(out::println);
        out.flush();
    }

    /** The bound listener address. */
    public String listenAddress() {
        return listenAddress;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Stops the server (see the class comment). Idempotent; safe from a shutdown hook. */
    public synchronized void shutDown() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("event=shutdown_started");
        tasks.close();
        try {
            acceptor.shutDown(SHUTDOWN_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (consensus.failure().isEmpty()) {
            try {
                long index = consensus.snapshotNow().get(FINAL_SNAPSHOT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                LOG.info("event=final_snapshot index={}", index);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("event=final_snapshot_failed error=interrupted");
            } catch (ExecutionException | TimeoutException e) {
                // The log still holds everything: the next start replays it.
                LOG.warn("event=final_snapshot_failed error={}", e.toString());
            }
        }
        closeAll(opened, null);
        LOG.info("event=shutdown_complete refused_connections={}", acceptor.refused());
    }

    /** Closes in reverse order of opening; the first failure is attached to {@code cause} or logged. */
    private static void closeAll(Deque<AutoCloseable> opened, Throwable cause) {
        while (!opened.isEmpty()) {
            AutoCloseable resource = opened.pop();
            try {
                resource.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else {
                    LOG.warn("event=close_failed resource={} error={}", resource.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    /**
     * Opens the audit log and verifies its whole chain (STORAGE.md §9 step 5, §12.3): a line that does not
     * verify stops the start-up with SRV-028 and the file is left as it is.
     */
    private static FileAuditLog openAuditLog(ServerConfig config, Clock clock) {
        FileAuditLog audit = FileAuditLog.open(config.audit().auditLogPath(), clock, AuditLogOptions.DEFAULTS);
        FileAuditLog.Recovery recovery = audit.recovery();
        // A repaired tail was already logged at WARN by the audit log itself.
        LOG.info("event=audit_log_opened path={} verified_lines={} last_sequence={} tail_repair={} audit_commands={}",
                config.audit().auditLogPath(), recovery.verifiedLines(), recovery.lastSequence(), recovery.tailRepair(),
                config.audit().auditCommands());
        return audit;
    }

    /**
     * The node must be a member of the Raft configuration its snapshot records: a one-voter group whose voter
     * has another id could never elect a leader. A directory that lost its {@code node-id} file (a copy, or a
     * restore interrupted before it wrote it) would otherwise get a new id and wait for an election it cannot
     * win; this says what to do instead, before any id is written.
     *
     * @param nodeId the id of the directory's {@code node-id} file, else {@code --node-id}, if any
     * @throws dev.vaylix.api.VaylixException SRV-030 naming the configuration
     */
    static void requireMember(RecoveredStorage storage, Optional<String> nodeId) {
        Optional<Configuration> configuration = storage.snapshot().map(s -> s.meta().membership()).filter(m -> !m.isEmpty())
                .map(ConfigurationCodec::decode);
        if (configuration.isEmpty() || nodeId.map(configuration.get()::isMember).orElse(false)) {
            return;
        }
        throw ErrorCode.SRV_030.exception(nodeId.map(id -> "node id " + id + " is not").orElse("the data directory has no node-id "
                + "file and no --node-id is") + " a member of its Raft configuration (" + configuration.get()
                + "); start the server with --node-id set to its member");
    }

    /** The ServerHello's server id: the node id itself when it is a UUID, else a name-based UUID of it. */
    static UUID serverId(String nodeId) {
        try {
            return UUID.fromString(nodeId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(nodeId.getBytes(StandardCharsets.UTF_8));
        }
    }
}

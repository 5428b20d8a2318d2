package dev.vaylix.server.runtime;

import dev.vaylix.api.Clock;
import dev.vaylix.raft.driver.WriteAckMode;
import dev.vaylix.server.auth.Authenticator;
import dev.vaylix.server.auth.LockoutTracker;
import dev.vaylix.server.auth.PasswordHasher;
import dev.vaylix.server.backup.BackupPaths;
import dev.vaylix.server.config.ServerConfig;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.consensus.ReplicationEndpoint;
import dev.vaylix.server.events.AuditSink;
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
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * by the caller) → TLS files (SRV-010) → data directory lock → storage recovery → stable node id → audit
 * sink → backup directory → maintenance sentinel → Raft driver (one voter) → leadership and replay of the
 * committed log → bootstrap administrator (warms up BouncyCastle, whose first use takes long) → listener
 * (the bound address is printed) → notices for flags that have no effect yet → serve.
 *
 * <p>Shutdown ({@link #shutDown}, idempotent): stop accepting; let the sessions answer the requests they
 * already read, then close them; a final snapshot; stop the driver, close the log, release the lock.
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
    private boolean stopped;

    private ServerRuntime(Deque<AutoCloseable> opened, ConsensusNode consensus, ConnectionAcceptor acceptor, PeriodicTasks tasks,
                          String listenAddress, String nodeId) {
        this.opened = opened;
        this.consensus = consensus;
        this.acceptor = acceptor;
        this.tasks = tasks;
        this.listenAddress = listenAddress;
        this.nodeId = nodeId;
    }

    /**
     * Starts a server.
     *
     * @param out         where the listening line and the flag notices are printed
     * @param environment the process environment (the master key variables)
     * @param audit       where audit events go ({@link AuditSink#NONE} until the audit log is plugged in)
     * @param onFatal     called when the node hits an unrecoverable error after start-up; it should end the process
     * @throws dev.vaylix.api.VaylixException with the code of the first step that failed
     */
    public static ServerRuntime start(ServerConfig config, PrintStream out, Map<String, String> environment, AuditSink audit,
                                      Consumer<Throwable> onFatal) {
        Clock clock = SystemClock.INSTANCE;
        long startNanos = clock.monotonicNanos();
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Optional<TlsServerConfig> tls = loadTls(config, clock);
            opened.push(DataDirLock.acquire(config.storage().dataDir()));
            RecoveredStorage storage = StorageOpener.open(config.storage(), environment, clock);
            opened.push(storage);
            String nodeId = NodeIdFile.resolve(config.storage().dataDir(), config.replication().nodeId(), clock.wallTimeMs());
            BackupPaths backups = BackupPaths.open(config.storage().backupDir());
            MaintenanceMode maintenance = MaintenanceMode.load(config.storage().dataDir());
            if (maintenance.enabled()) {
                LOG.warn("event=maintenance_mode enabled=true sentinel={}", maintenance.sentinel());
            }

            ServerMetrics metrics = new ServerMetrics();
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
            OptionalLong notAfter = tls.map(t -> OptionalLong.of(t.certificate().getNotAfter().getTime())).orElse(OptionalLong.empty());
            RuntimeFacts facts = new RuntimeFacts(listener.localAddress(), recoveryMs, storage.keyring(), snapshots,
                    config.storage().dataDir().resolve(Wal.DIRECTORY), notAfter, BuildInfo.load());
            Authenticator authenticator = new Authenticator(hasher, new LockoutTracker(config.auth().lockoutPolicy(), clock));
            ServerContext context = new ServerContext(config, clock, consensus, writes, new Reads(consensus, clock, metrics),
                    new ReplicationEndpoint(consensus, config.replication().groupId()), metrics,
                    new Quotas(config.limits().quotas()), hasher, authenticator, backups, maintenance, audit, facts);

            ConnectionAcceptor acceptor = new ConnectionAcceptor(context, listener, serverId(nodeId));
            acceptor.start();
            PeriodicTasks tasks = new PeriodicTasks(consensus, writes, metrics);
            tasks.start(config.storage(), onFatal);
            opened.push(tasks);

            out.println("[INFO] [server.startup] listening on " + listener.localAddress() + " tls=" + tls.isPresent()
                    + " node_id=" + nodeId + " data_dir=" + config.storage().dataDir());
            for (String notice : config.notYetSupportedInUse()) {
                out.println("[WARN] [server.startup] " + notice);
                LOG.warn("event=flag_not_supported notice=\"{}\"", notice);
            }
            out.flush();
            LOG.info("event=server_started address={} node_id={} tls={} mtls={} auth={} wal_sync={} write_ack_mode={} recovery_ms={}",
                    listener.localAddress(), nodeId, tls.isPresent(), config.tls().mtlsEnabled(), config.auth().enabled(),
                    config.storage().walSync().flagValue(), config.replication().writeAckMode().text(), recoveryMs);
            return new ServerRuntime(opened, consensus, acceptor, tasks, listener.localAddress(), nodeId);
        } catch (RuntimeException | Error e) {
            closeAll(opened, e);
            throw e;
        }
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

    private static Optional<TlsServerConfig> loadTls(ServerConfig config, Clock clock) {
        if (!config.tls().enabled()) {
            return Optional.empty();
        }
        return Optional.of(TlsServerConfig.fromPemFiles(config.tls().certificate().orElseThrow(),
                config.tls().privateKey().orElseThrow(), config.tls().clientCa(), clock.wallTimeMs()));
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

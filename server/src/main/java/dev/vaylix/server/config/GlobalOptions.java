package dev.vaylix.server.config;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.server.limits.QuotaLimits;
import dev.vaylix.server.limits.RateLimiter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the global flags into the typed configuration, validating every value (SRV-030) and the
 * TLS combination (SRV-010, STORAGE.md §9 step 1). Bounds that the reference left open are closed
 * where a value makes no sense: zero connections, a zero rate or burst, a zero transaction lifetime,
 * an election window whose minimum is not below its maximum, empty bootstrap credentials.
 */
final class GlobalOptions {

    private static final long U16_MAX = 65_535;
    private static final long U32_MAX = 4_294_967_295L;
    private static final long INT_MAX = Integer.MAX_VALUE;
    /** A day: a hello that takes longer is not coming. */
    private static final long MAX_HELLO_TIMEOUT_SECONDS = 86_400;

    private final Arguments args;

    GlobalOptions(Arguments args) {
        this.args = args;
    }

    /**
     * The server configuration.
     *
     * @throws VaylixException {@link ErrorCode#SRV_030} for a bad value, {@link ErrorCode#SRV_010} for TLS
     *                         files without {@code --ssl} or {@code --ssl} without certificate and key
     */
    ServerConfig serverConfig() {
        NetworkConfig network = network();
        StorageConfig storage = storage(Optional.empty());
        AuthConfig auth = auth(true);
        LimitsConfig limits = limits();
        AuditConfig audit = audit(storage.dataDir());
        ReplicationConfig replication = replication(auth);
        TlsConfig tls = tls(true);
        return new ServerConfig(network, tls, storage, auth, limits, audit, replication, args.explicitlySet());
    }

    /**
     * Checks every global value as the server would (a subcommand does not excuse a malformed flag),
     * without the start-up rules that only concern a running server: TLS completeness and non-empty
     * bootstrap credentials.
     *
     * @throws VaylixException {@link ErrorCode#SRV_030}
     */
    void validateForTool() {
        network();
        StorageConfig storage = storage(Optional.empty());
        AuthConfig auth = auth(false);
        limits();
        audit(storage.dataDir());
        replication(auth);
        tls(false);
    }

    NetworkConfig network() {
        String bind = Arguments.nonEmpty(args.rawOrDefault(ServerFlag.BIND));
        int port = (int) args.unsigned(ServerFlag.PORT, 0, U16_MAX);
        int maxConnections = (int) args.unsigned(ServerFlag.MAX_CONNECTIONS, 1, INT_MAX);
        OptionalLong idle = disabledWhenZero(ServerFlag.IDLE_TIMEOUT_SECONDS);
        long hello = args.unsigned(ServerFlag.HELLO_TIMEOUT_SECONDS, 1, MAX_HELLO_TIMEOUT_SECONDS);
        boolean compression = !args.bool(ServerFlag.DISABLE_COMPRESSION);
        return new NetworkConfig(bind, port, maxConnections, idle, hello, compression);
    }

    /**
     * @param dataDirOverride a subcommand's own {@code --data-dir}, which wins over the global one
     */
    StorageConfig storage(Optional<Path> dataDirOverride) {
        Path dataDir = dataDirOverride.orElseGet(() -> path(args.rawOrDefault(ServerFlag.DATA_DIR)));
        Path backupDir = args.raw(ServerFlag.BACKUP_DIR).map(GlobalOptions::path).orElse(dataDir.resolve("backups"));
        Arguments.Raw syncRaw = args.rawOrDefault(ServerFlag.WAL_SYNC);
        SyncPolicy walSync;
        try {
            walSync = SyncPolicy.fromFlag(syncRaw.text());
        } catch (IllegalArgumentException e) {
            throw Arguments.invalid("invalid value for " + syncRaw.origin() + ": " + syncRaw.text() + " (expected buffered, flush or sync)");
        }
        long segmentSize = args.unsigned(ServerFlag.WAL_SEGMENT_SIZE_BYTES, 0, Long.MAX_VALUE);
        long retain = args.unsigned(ServerFlag.WAL_RETAIN_SEGMENTS, 0, U32_MAX);
        OptionalLong snapshots = disabledWhenZero(ServerFlag.SNAPSHOT_INTERVAL_SECONDS);
        OptionalLong sweeps = disabledWhenZero(ServerFlag.EXPIRATION_SWEEP_INTERVAL_SECONDS);
        Optional<Path> masterKey = args.raw(ServerFlag.MASTER_KEY_FILE).map(GlobalOptions::path);
        return new StorageConfig(dataDir, backupDir, walSync, segmentSize, retain, snapshots, sweeps, masterKey);
    }

    AuthConfig auth(boolean forServer) {
        boolean enabled = !args.bool(ServerFlag.DISABLE_AUTH);
        Arguments.Raw user = args.rawOrDefault(ServerFlag.USER);
        Arguments.Raw password = args.rawOrDefault(ServerFlag.PASSWORD);
        if (enabled && forServer) {
            Arguments.nonEmpty(user);
            Arguments.nonEmpty(password);
        }
        int limit = (int) args.unsigned(ServerFlag.AUTH_FAILURE_LIMIT, 0, INT_MAX);
        long window = args.unsigned(ServerFlag.AUTH_FAILURE_WINDOW_SECONDS, 0, Long.MAX_VALUE);
        long lockout = args.unsigned(ServerFlag.AUTH_LOCKOUT_SECONDS, 0, Long.MAX_VALUE);
        return new AuthConfig(enabled, user.text(), password.text(), limit, window, lockout);
    }

    LimitsConfig limits() {
        QuotaLimits quotas = new QuotaLimits(
                (int) args.unsigned(ServerFlag.MAX_REQUEST_PAYLOAD_BYTES, 1, INT_MAX),
                (int) args.unsigned(ServerFlag.MAX_KEY_BYTES, 1, INT_MAX),
                (int) args.unsigned(ServerFlag.MAX_VALUE_BYTES, 1, INT_MAX),
                (int) args.unsigned(ServerFlag.MAX_KEYS_PER_BATCH, 1, INT_MAX),
                (int) args.unsigned(ServerFlag.MAX_TRANSACTION_QUEUE_LEN, 1, INT_MAX));
        long rate = args.unsigned(ServerFlag.REQUESTS_PER_SECOND, 1, RateLimiter.MAX_REQUESTS_PER_SECOND);
        long burst = args.unsigned(ServerFlag.REQUEST_BURST, 1, RateLimiter.MAX_BURST);
        long transactionSeconds = args.unsigned(ServerFlag.TRANSACTION_MAX_SECONDS, 1, Long.MAX_VALUE);
        return new LimitsConfig(quotas, rate, burst, transactionSeconds);
    }

    AuditConfig audit(Path dataDir) {
        Path auditLog = args.raw(ServerFlag.AUDIT_LOG_PATH).map(GlobalOptions::path).orElse(dataDir.resolve("audit.log"));
        boolean auditCommands = args.bool(ServerFlag.AUDIT_COMMANDS);
        boolean logRequests = args.bool(ServerFlag.LOG_REQUESTS);
        OptionalLong slow = disabledWhenZero(ServerFlag.SLOW_COMMAND_THRESHOLD_MS);
        return new AuditConfig(auditLog, auditCommands, logRequests, slow, args.bool(ServerFlag.EXTENDED_METRICS));
    }

    ReplicationConfig replication(AuthConfig auth) {
        Arguments.Raw roleRaw = args.rawOrDefault(ServerFlag.REPLICATION_ROLE);
        ReplicationRole role = ReplicationRole.parse(roleRaw.text()).orElseThrow(() -> Arguments.invalid(
                "invalid value for " + roleRaw.origin() + ": " + roleRaw.text() + " (expected standalone, leader or follower)"));
        Optional<String> nodeId = args.raw(ServerFlag.NODE_ID).map(Arguments::nonEmpty);
        String groupId = Arguments.nonEmpty(args.rawOrDefault(ServerFlag.REPLICATION_GROUP_ID));
        Optional<String> advertise = args.raw(ServerFlag.REPLICATION_ADVERTISE_ADDR).map(Arguments::nonEmpty);
        Optional<String> upstream = args.raw(ServerFlag.REPLICATION_UPSTREAM).map(Arguments::nonEmpty);
        String user = args.optionalText(ServerFlag.REPLICATION_USER).orElse(auth.bootstrapUser());
        String password = args.optionalText(ServerFlag.REPLICATION_PASSWORD).orElse(auth.bootstrapPassword());
        Arguments.Raw ackRaw = args.rawOrDefault(ServerFlag.WRITE_ACK_MODE);
        WriteAckMode ack = WriteAckMode.parse(ackRaw.text()).orElseThrow(() -> Arguments.invalid(
                "invalid value for " + ackRaw.origin() + ": " + ackRaw.text() + " (expected local, majority, all or replica)"));
        long ackTimeout = args.unsigned(ServerFlag.REPLICATION_ACK_TIMEOUT_MS, 1, Long.MAX_VALUE);
        long poll = args.unsigned(ServerFlag.REPLICATION_POLL_INTERVAL_MS, 1, Long.MAX_VALUE);
        int fetch = (int) args.unsigned(ServerFlag.REPLICATION_FETCH_BATCH_SIZE, 1, INT_MAX);
        long stale = args.unsigned(ServerFlag.REPLICATION_STALE_AFTER_SECONDS, 1, Long.MAX_VALUE);
        long heartbeat = args.unsigned(ServerFlag.REPLICATION_HEARTBEAT_INTERVAL_MS, 1, Long.MAX_VALUE);
        long electionMin = args.unsigned(ServerFlag.REPLICATION_ELECTION_TIMEOUT_MIN_MS, 1, Long.MAX_VALUE);
        long electionMax = args.unsigned(ServerFlag.REPLICATION_ELECTION_TIMEOUT_MAX_MS, 1, Long.MAX_VALUE);
        if (electionMin >= electionMax) {
            throw Arguments.invalid(ServerFlag.REPLICATION_ELECTION_TIMEOUT_MIN_MS.longName() + " (" + electionMin
                    + ") must be less than " + ServerFlag.REPLICATION_ELECTION_TIMEOUT_MAX_MS.longName() + " (" + electionMax + ")");
        }
        if (heartbeat >= electionMin) {
            throw Arguments.invalid(ServerFlag.REPLICATION_HEARTBEAT_INTERVAL_MS.longName() + " (" + heartbeat
                    + ") must be less than " + ServerFlag.REPLICATION_ELECTION_TIMEOUT_MIN_MS.longName() + " (" + electionMin + ")");
        }
        List<PeerSpec> peers = new ArrayList<>();
        for (String entry : args.list(ServerFlag.CLUSTER_PEERS)) {
            peers.add(PeerSpec.parse(entry));
        }
        return new ReplicationConfig(role, nodeId, groupId, advertise, upstream, user, password, ack, ackTimeout, poll, fetch,
                stale, heartbeat, electionMin, electionMax, peers);
    }

    TlsConfig tls(boolean forServer) {
        boolean enabled = args.bool(ServerFlag.SSL);
        Optional<Path> certificate = args.raw(ServerFlag.TLS_CERT).map(GlobalOptions::path);
        Optional<Path> key = args.raw(ServerFlag.TLS_KEY).map(GlobalOptions::path);
        Optional<Path> clientCa = args.raw(ServerFlag.TLS_CLIENT_CA).map(GlobalOptions::path);
        boolean anyFile = certificate.isPresent() || key.isPresent() || clientCa.isPresent();
        if (!forServer) {
            return new TlsConfig(enabled, certificate, key, clientCa);
        }
        if (!enabled && anyFile) {
            throw ErrorCode.SRV_010.exception(); // STORAGE.md §9 step 1: TLS files without --ssl
        }
        if (enabled && (certificate.isEmpty() || key.isEmpty())) {
            throw ErrorCode.SRV_010.exception(); // TLS cannot start without a certificate and its key
        }
        return new TlsConfig(enabled, certificate, key, clientCa);
    }

    private OptionalLong disabledWhenZero(ServerFlag flag) {
        Optional<Arguments.Raw> raw = args.raw(flag).or(() -> flag.defaultText().map(text -> new Arguments.Raw(text, "default")));
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = Arguments.unsigned(raw.get(), 0, Long.MAX_VALUE);
        return value == 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static Path path(Arguments.Raw raw) {
        String text = Arguments.nonEmpty(raw);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw Arguments.invalid("invalid value for " + raw.origin() + ": not a valid path");
        }
    }
}

package dev.vaylix.server.config;

import java.util.Optional;

/**
 * Every global flag of the {@code vaylix} command line (STORAGE.md §15) with its environment
 * variable, default, shape and whether this server honours it yet. This table is the one place that
 * says which flags are accepted but <b>not yet supported</b>: the server prints them at start-up
 * ({@link ServerConfig#notYetSupportedInUse()}) instead of silently ignoring them. When a feature
 * lands, flip its rows to {@link Support#NOW}.
 *
 * <p>Deliberate differences from the reference: {@code --wal-sync} defaults to {@code sync}
 * (durability means fsync; the reference's default {@code flush} is a no-op, STORAGE.md Note 5),
 * {@code --write-ack-mode} defaults to {@code majority} (the reference's {@code replica}, renamed to
 * what it is), and {@code --master-key-file} and {@code --hello-timeout-seconds} are new (the reference
 * waited forever for a hello, VTP2.md Note 10).
 */
public enum ServerFlag {
    BIND("--bind", "VAYLIX_BIND", "127.0.0.1", Shape.VALUE, Support.NOW, "listener address"),
    PORT("--port", "VAYLIX_PORT", "9173", Shape.VALUE, Support.NOW, "listener port"),
    MAX_CONNECTIONS("--max-connections", "VAYLIX_MAX_CONNECTIONS", "256", Shape.VALUE, Support.NOW, "concurrent sessions"),
    SNAPSHOT_INTERVAL_SECONDS("--snapshot-interval-seconds", "VAYLIX_SNAPSHOT_INTERVAL_SECONDS", null, Shape.VALUE, Support.NOW,
            "periodic snapshot interval; 0 or absent disables"),
    EXPIRATION_SWEEP_INTERVAL_SECONDS("--expiration-sweep-interval-seconds", "VAYLIX_EXPIRATION_SWEEP_INTERVAL_SECONDS", null,
            Shape.VALUE, Support.NOW, "background purge of expired keys; 0 or absent disables"),
    IDLE_TIMEOUT_SECONDS("--idle-timeout-seconds", "VAYLIX_IDLE_TIMEOUT_SECONDS", null, Shape.VALUE, Support.NOW,
            "close idle connections; 0 or absent disables"),
    HELLO_TIMEOUT_SECONDS("--hello-timeout-seconds", "VAYLIX_HELLO_TIMEOUT_SECONDS", "10", Shape.VALUE, Support.NOW,
            "close a connection that completes no TLS handshake and hello within this time (1-86400)"),
    SSL("--ssl", "VAYLIX_SSL", "false", Shape.OPTIONAL_BOOLEAN, Support.NOW, "enable TLS; bare --ssl means true"),
    TLS_CERT("--tls-cert", "VAYLIX_TLS_CERT", null, Shape.VALUE, Support.NOW, "PEM certificate chain; requires --ssl"),
    TLS_KEY("--tls-key", "VAYLIX_TLS_KEY", null, Shape.VALUE, Support.NOW, "PEM private key; requires --ssl"),
    TLS_CLIENT_CA("--tls-client-ca", "VAYLIX_TLS_CLIENT_CA", null, Shape.VALUE, Support.NOW,
            "PEM CA bundle; requires client certificates (mTLS); requires --ssl"),
    DATA_DIR("--data-dir", "VAYLIX_DATA_DIR", "./default.vaylix", Shape.VALUE, Support.NOW, "data directory"),
    BACKUP_DIR("--backup-dir", "VAYLIX_BACKUP_DIR", null, Shape.VALUE, Support.NOW,
            "backup directory (default <data-dir>/backups)"),
    WAL_SYNC("--wal-sync", "VAYLIX_WAL_SYNC", "sync", Shape.VALUE, Support.NOW,
            "buffered | flush | sync (fsync before acknowledging)"),
    MASTER_KEY_FILE("--master-key-file", "VAYLIX_MASTER_KEY_FILE", null, Shape.VALUE, Support.NOW,
            "operator master key that wraps the storage keyring"),
    USER("--user", "VAYLIX_USER", "vaylix", Shape.VALUE, Support.NOW, "bootstrap administrator"),
    PASSWORD("--password", "VAYLIX_PASSWORD", "vaylix", Shape.VALUE, Support.NOW, "bootstrap administrator's password"),
    DISABLE_AUTH("--disable-auth", "VAYLIX_DISABLE_AUTH", "false", Shape.FLAG, Support.NOW,
            "no authentication or authorization (trusted local testing only)"),
    DISABLE_COMPRESSION("--disable-compression", "VAYLIX_DISABLE_COMPRESSION", "false", Shape.FLAG, Support.NOW,
            "no zstd frame compression"),
    LOG_REQUESTS("--log-requests", "VAYLIX_LOG_REQUESTS", "false", Shape.FLAG, Support.NOW, "log every request (no values)"),
    MAX_REQUEST_PAYLOAD_BYTES("--max-request-payload-bytes", "VAYLIX_MAX_REQUEST_PAYLOAD_BYTES", "1048576", Shape.VALUE,
            Support.NOW, "largest request payload"),
    MAX_KEY_BYTES("--max-key-bytes", "VAYLIX_MAX_KEY_BYTES", "1024", Shape.VALUE, Support.NOW, "largest key or name"),
    MAX_VALUE_BYTES("--max-value-bytes", "VAYLIX_MAX_VALUE_BYTES", "262144", Shape.VALUE, Support.NOW,
            "largest value, password, dump or path"),
    MAX_KEYS_PER_BATCH("--max-keys-per-batch", "VAYLIX_MAX_KEYS_PER_BATCH", "256", Shape.VALUE, Support.NOW,
            "most keys in MGET/DEL, pairs in MSET"),
    MAX_TRANSACTION_QUEUE_LEN("--max-transaction-queue-len", "VAYLIX_MAX_TRANSACTION_QUEUE_LEN", "128", Shape.VALUE,
            Support.NOW, "most commands queued in one MULTI"),
    REQUESTS_PER_SECOND("--requests-per-second", "VAYLIX_REQUESTS_PER_SECOND", "200", Shape.VALUE, Support.NOW,
            "request rate per connection"),
    REQUEST_BURST("--request-burst", "VAYLIX_REQUEST_BURST", "400", Shape.VALUE, Support.NOW, "request burst per connection"),
    AUDIT_LOG_PATH("--audit-log-path", "VAYLIX_AUDIT_LOG_PATH", null, Shape.VALUE, Support.NOW,
            "hash-chained audit log (default <data-dir>/audit.log)"),
    EXTENDED_METRICS("--extended-metrics", "VAYLIX_EXTENDED_METRICS", "false", Shape.FLAG, Support.NOW,
            "METRICS, METRICS PROM and INFO also report six vaylix.raft.* metrics the reference does not have"),
    AUDIT_COMMANDS("--audit-commands", "VAYLIX_AUDIT_COMMANDS", "false", Shape.FLAG, Support.NOW, "audit every command"),
    SLOW_COMMAND_THRESHOLD_MS("--slow-command-threshold-ms", "VAYLIX_SLOW_COMMAND_THRESHOLD_MS", "100", Shape.VALUE,
            Support.NOW, "requests at or above it are audited and counted as slow; 0 disables"),
    WAL_SEGMENT_SIZE_BYTES("--wal-segment-size-bytes", "VAYLIX_WAL_SEGMENT_SIZE_BYTES", "67108864", Shape.VALUE, Support.NOW,
            "WAL segment rotation size; 0 disables rotation"),
    WAL_RETAIN_SEGMENTS("--wal-retain-segments", "VAYLIX_WAL_RETAIN_SEGMENTS", "128", Shape.VALUE, Support.NOW,
            "sealed WAL segments kept"),
    TRANSACTION_MAX_SECONDS("--transaction-max-seconds", "VAYLIX_TRANSACTION_MAX_SECONDS", "30", Shape.VALUE, Support.NOW,
            "longest life of a MULTI"),
    AUTH_FAILURE_WINDOW_SECONDS("--auth-failure-window-seconds", "VAYLIX_AUTH_FAILURE_WINDOW_SECONDS", "300", Shape.VALUE,
            Support.NOW, "window in which failed AUTH attempts count"),
    AUTH_FAILURE_LIMIT("--auth-failure-limit", "VAYLIX_AUTH_FAILURE_LIMIT", "5", Shape.VALUE, Support.NOW,
            "failures per user and address before a lockout (3x per user)"),
    AUTH_LOCKOUT_SECONDS("--auth-lockout-seconds", "VAYLIX_AUTH_LOCKOUT_SECONDS", "900", Shape.VALUE, Support.NOW,
            "length of a lockout"),
    REPLICATION_ROLE("--replication-role", "VAYLIX_REPLICATION_ROLE", "standalone", Shape.VALUE, Support.NOW,
            "standalone | leader | follower (only standalone runs yet)"),
    NODE_ID("--node-id", "VAYLIX_NODE_ID", null, Shape.VALUE, Support.NOW, "stable node id (generated once if absent)"),
    REPLICATION_GROUP_ID("--replication-group-id", "VAYLIX_REPLICATION_GROUP_ID", "default", Shape.VALUE, Support.NOW,
            "cluster id"),
    REPLICATION_ADVERTISE_ADDR("--replication-advertise-addr", "VAYLIX_REPLICATION_ADVERTISE_ADDR", null, Shape.VALUE,
            Support.LATER, "address advertised to peers"),
    REPLICATION_UPSTREAM("--replication-upstream", "VAYLIX_REPLICATION_UPSTREAM", null, Shape.VALUE, Support.LATER,
            "initial upstream host:port"),
    REPLICATION_USER("--replication-user", "VAYLIX_REPLICATION_USER", null, Shape.VALUE, Support.LATER,
            "user for peer connections (default --user)"),
    REPLICATION_PASSWORD("--replication-password", "VAYLIX_REPLICATION_PASSWORD", null, Shape.VALUE, Support.LATER,
            "password for peer connections (default --password)"),
    WRITE_ACK_MODE("--write-ack-mode", "VAYLIX_WRITE_ACK_MODE", "majority", Shape.VALUE, Support.NOW,
            "local | majority | all (replica = majority)"),
    REPLICATION_ACK_TIMEOUT_MS("--replication-ack-timeout-ms", "VAYLIX_REPLICATION_ACK_TIMEOUT_MS", "5000", Shape.VALUE,
            Support.LATER, "replication acknowledgement timeout"),
    REPLICATION_POLL_INTERVAL_MS("--replication-poll-interval-ms", "VAYLIX_REPLICATION_POLL_INTERVAL_MS", "250", Shape.VALUE,
            Support.LATER, "follower poll interval"),
    REPLICATION_FETCH_BATCH_SIZE("--replication-fetch-batch-size", "VAYLIX_REPLICATION_FETCH_BATCH_SIZE", "256", Shape.VALUE,
            Support.LATER, "entries per replication batch"),
    REPLICATION_STALE_AFTER_SECONDS("--replication-stale-after-seconds", "VAYLIX_REPLICATION_STALE_AFTER_SECONDS", "15",
            Shape.VALUE, Support.LATER, "follower staleness threshold"),
    REPLICATION_HEARTBEAT_INTERVAL_MS("--replication-heartbeat-interval-ms", "VAYLIX_REPLICATION_HEARTBEAT_INTERVAL_MS", "300",
            Shape.VALUE, Support.LATER, "leader heartbeat interval"),
    REPLICATION_ELECTION_TIMEOUT_MIN_MS("--replication-election-timeout-min-ms", "VAYLIX_REPLICATION_ELECTION_TIMEOUT_MIN_MS",
            "1500", Shape.VALUE, Support.LATER, "shortest election timeout"),
    REPLICATION_ELECTION_TIMEOUT_MAX_MS("--replication-election-timeout-max-ms", "VAYLIX_REPLICATION_ELECTION_TIMEOUT_MAX_MS",
            "3000", Shape.VALUE, Support.LATER, "longest election timeout"),
    CLUSTER_PEERS("--cluster-peers", "VAYLIX_CLUSTER_PEERS", null, Shape.REPEATABLE, Support.LATER,
            "static peers node_id@host:port, comma-separated, repeatable");

    /** How a flag takes its value. */
    public enum Shape {
        /** {@code --flag <value>} once. */
        VALUE,
        /** {@code --flag} alone means true; its environment variable takes {@code true} or {@code false}. */
        FLAG,
        /** {@code --flag [true|false]}: bare means true. */
        OPTIONAL_BOOLEAN,
        /** {@code --flag <a,b>} any number of times; the environment variable is one comma list. */
        REPEATABLE
    }

    /** Whether this server honours the flag yet. */
    public enum Support {
        NOW,
        /** Accepted, validated and reported at start-up as not yet supported; has no effect. */
        LATER
    }

    private final String longName;
    private final String envVar;
    private final String defaultText;
    private final Shape shape;
    private final Support support;
    private final String description;

    ServerFlag(String longName, String envVar, String defaultText, Shape shape, Support support, String description) {
        this.longName = longName;
        this.envVar = envVar;
        this.defaultText = defaultText;
        this.shape = shape;
        this.support = support;
        this.description = description;
    }

    public String longName() {
        return longName;
    }

    public String envVar() {
        return envVar;
    }

    /** The literal default; empty when there is none or it is derived (e.g. from {@code --data-dir}). */
    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    public Shape shape() {
        return shape;
    }

    public Support supported() {
        return support;
    }

    public String description() {
        return description;
    }
}

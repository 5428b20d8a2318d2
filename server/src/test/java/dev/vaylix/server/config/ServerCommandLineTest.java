package dev.vaylix.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.server.limits.QuotaLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerCommandLineTest {

    static ServerConfig serve(Map<String, String> env, String... args) {
        return assertInstanceOf(Invocation.Serve.class, ServerCommandLine.parse(List.of(args), env)).config();
    }

    static ServerConfig serve(String... args) {
        return serve(Map.of(), args);
    }

    static VaylixException fails(ErrorCode code, Map<String, String> env, String... args) {
        VaylixException e = assertThrows(VaylixException.class, () -> ServerCommandLine.parse(List.of(args), env));
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    static VaylixException fails(String... args) {
        return fails(ErrorCode.SRV_030, Map.of(), args);
    }

    @Test
    void no_arguments_give_the_documented_defaults() {
        ServerConfig config = serve();
        assertEquals(new NetworkConfig("127.0.0.1", 9173, 256, OptionalLong.empty(), 10, true), config.network());
        assertEquals(TlsConfig.DISABLED, config.tls());
        Path data = Path.of("./default.vaylix");
        assertEquals(new StorageConfig(data, data.resolve("backups"), SyncPolicy.SYNC, 67_108_864, 128, OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty()), config.storage());
        assertEquals(new AuthConfig(true, "vaylix", "vaylix", 5, 300, 900), config.auth());
        assertTrue(config.auth().insecureDefaultCredentials());
        assertEquals(new LimitsConfig(QuotaLimits.DEFAULTS, 200, 400, 30), config.limits());
        assertEquals(new AuditConfig(data.resolve("audit.log"), false, false, OptionalLong.of(100), false), config.audit());
        assertEquals(new ReplicationConfig(ReplicationRole.STANDALONE, Optional.empty(), "default", Optional.empty(), Optional.empty(),
                "vaylix", "vaylix", WriteAckMode.MAJORITY, 5000, 250, 256, 15, 300, 1500, 3000, List.of()), config.replication());
        assertEquals(Set.of(), config.explicitlySet());
        assertEquals(List.of(), config.notYetSupportedInUse());
    }

    /** A value for each flag and how it shows in the configuration; the switch covers every flag. */
    static String sample(ServerFlag flag) {
        return switch (flag) {
            case BIND -> "0.0.0.0";
            case PORT -> "19173";
            case MAX_CONNECTIONS -> "7";
            case SNAPSHOT_INTERVAL_SECONDS, EXPIRATION_SWEEP_INTERVAL_SECONDS, IDLE_TIMEOUT_SECONDS, HELLO_TIMEOUT_SECONDS -> "60";
            case SSL, DISABLE_AUTH, DISABLE_COMPRESSION, LOG_REQUESTS, AUDIT_COMMANDS, EXTENDED_METRICS -> "true";
            case TLS_CERT, TLS_KEY, TLS_CLIENT_CA, MASTER_KEY_FILE, AUDIT_LOG_PATH -> "/etc/vaylix/" + flag.name().toLowerCase();
            case DATA_DIR -> "/var/lib/vaylix";
            case BACKUP_DIR -> "/srv/backups";
            case WAL_SYNC -> "flush";
            case USER -> "root";
            case PASSWORD -> "s3cret-pass";
            case MAX_REQUEST_PAYLOAD_BYTES, MAX_KEY_BYTES, MAX_VALUE_BYTES, MAX_KEYS_PER_BATCH, MAX_TRANSACTION_QUEUE_LEN,
                 REQUESTS_PER_SECOND, REQUEST_BURST, SLOW_COMMAND_THRESHOLD_MS, WAL_SEGMENT_SIZE_BYTES, WAL_RETAIN_SEGMENTS,
                 TRANSACTION_MAX_SECONDS, AUTH_FAILURE_WINDOW_SECONDS, AUTH_FAILURE_LIMIT, AUTH_LOCKOUT_SECONDS,
                 REPLICATION_ACK_TIMEOUT_MS, REPLICATION_POLL_INTERVAL_MS, REPLICATION_FETCH_BATCH_SIZE,
                 REPLICATION_STALE_AFTER_SECONDS, REPLICATION_HEARTBEAT_INTERVAL_MS -> "77";
            case REPLICATION_ELECTION_TIMEOUT_MIN_MS -> "1000";
            case REPLICATION_ELECTION_TIMEOUT_MAX_MS -> "9000";
            case REPLICATION_ROLE -> "follower";
            case NODE_ID -> "node-a";
            case REPLICATION_GROUP_ID -> "blue";
            case REPLICATION_ADVERTISE_ADDR, REPLICATION_UPSTREAM -> "10.0.0.1:9173";
            case REPLICATION_USER -> "repl";
            case REPLICATION_PASSWORD -> "repl-pass";
            case WRITE_ACK_MODE -> "all";
            case CLUSTER_PEERS -> "n2@10.0.0.2:9173,n3@10.0.0.3:9173";
        };
    }

    /** Where each flag lands in the configuration, rendered as text. */
    static String observed(ServerConfig c, ServerFlag flag) {
        return switch (flag) {
            case BIND -> c.network().bindAddress();
            case PORT -> String.valueOf(c.network().port());
            case MAX_CONNECTIONS -> String.valueOf(c.network().maxConnections());
            case SNAPSHOT_INTERVAL_SECONDS -> String.valueOf(c.storage().snapshotIntervalSeconds().orElse(-1));
            case EXPIRATION_SWEEP_INTERVAL_SECONDS -> String.valueOf(c.storage().expirationSweepIntervalSeconds().orElse(-1));
            case IDLE_TIMEOUT_SECONDS -> String.valueOf(c.network().idleTimeoutSeconds().orElse(-1));
            case HELLO_TIMEOUT_SECONDS -> String.valueOf(c.network().helloTimeoutSeconds());
            case SSL -> String.valueOf(c.tls().enabled());
            case DISABLE_AUTH -> String.valueOf(!c.auth().enabled());
            case DISABLE_COMPRESSION -> String.valueOf(!c.network().compressionEnabled());
            case LOG_REQUESTS -> String.valueOf(c.audit().logRequests());
            case AUDIT_COMMANDS -> String.valueOf(c.audit().auditCommands());
            case EXTENDED_METRICS -> String.valueOf(c.audit().extendedMetrics());
            case TLS_CERT -> c.tls().certificate().orElseThrow().toString();
            case TLS_KEY -> c.tls().privateKey().orElseThrow().toString();
            case TLS_CLIENT_CA -> c.tls().clientCa().orElseThrow().toString();
            case MASTER_KEY_FILE -> c.storage().masterKeyFile().orElseThrow().toString();
            case AUDIT_LOG_PATH -> c.audit().auditLogPath().toString();
            case DATA_DIR -> c.storage().dataDir().toString();
            case BACKUP_DIR -> c.storage().backupDir().toString();
            case WAL_SYNC -> c.storage().walSync().flagValue();
            case USER -> c.auth().bootstrapUser();
            case PASSWORD -> c.auth().bootstrapPassword();
            case MAX_REQUEST_PAYLOAD_BYTES -> String.valueOf(c.limits().quotas().maxRequestPayloadBytes());
            case MAX_KEY_BYTES -> String.valueOf(c.limits().quotas().maxKeyBytes());
            case MAX_VALUE_BYTES -> String.valueOf(c.limits().quotas().maxValueBytes());
            case MAX_KEYS_PER_BATCH -> String.valueOf(c.limits().quotas().maxKeysPerBatch());
            case MAX_TRANSACTION_QUEUE_LEN -> String.valueOf(c.limits().quotas().maxTransactionQueueLen());
            case REQUESTS_PER_SECOND -> String.valueOf(c.limits().requestsPerSecond());
            case REQUEST_BURST -> String.valueOf(c.limits().requestBurst());
            case SLOW_COMMAND_THRESHOLD_MS -> String.valueOf(c.audit().slowCommandThresholdMs().orElse(-1));
            case WAL_SEGMENT_SIZE_BYTES -> String.valueOf(c.storage().walSegmentSizeBytes());
            case WAL_RETAIN_SEGMENTS -> String.valueOf(c.storage().walRetainSegments());
            case TRANSACTION_MAX_SECONDS -> String.valueOf(c.limits().transactionMaxSeconds());
            case AUTH_FAILURE_WINDOW_SECONDS -> String.valueOf(c.auth().failureWindowSeconds());
            case AUTH_FAILURE_LIMIT -> String.valueOf(c.auth().failureLimit());
            case AUTH_LOCKOUT_SECONDS -> String.valueOf(c.auth().lockoutSeconds());
            case REPLICATION_ACK_TIMEOUT_MS -> String.valueOf(c.replication().ackTimeoutMs());
            case REPLICATION_POLL_INTERVAL_MS -> String.valueOf(c.replication().pollIntervalMs());
            case REPLICATION_FETCH_BATCH_SIZE -> String.valueOf(c.replication().fetchBatchSize());
            case REPLICATION_STALE_AFTER_SECONDS -> String.valueOf(c.replication().staleAfterSeconds());
            case REPLICATION_HEARTBEAT_INTERVAL_MS -> String.valueOf(c.replication().heartbeatIntervalMs());
            case REPLICATION_ELECTION_TIMEOUT_MIN_MS -> String.valueOf(c.replication().electionTimeoutMinMs());
            case REPLICATION_ELECTION_TIMEOUT_MAX_MS -> String.valueOf(c.replication().electionTimeoutMaxMs());
            case REPLICATION_ROLE -> c.replication().role().text();
            case NODE_ID -> c.replication().nodeId().orElseThrow();
            case REPLICATION_GROUP_ID -> c.replication().groupId();
            case REPLICATION_ADVERTISE_ADDR -> c.replication().advertiseAddr().orElseThrow();
            case REPLICATION_UPSTREAM -> c.replication().upstream().orElseThrow();
            case REPLICATION_USER -> c.replication().user();
            case REPLICATION_PASSWORD -> c.replication().password();
            case WRITE_ACK_MODE -> c.replication().writeAckMode().text();
            case CLUSTER_PEERS -> String.join(",", c.replication().clusterPeers().stream().map(p -> p.nodeId() + "@" + p.address()).toList());
        };
    }

    /** Flags that only make sense with others, as arguments to add when testing {@code flag} (never {@code flag} itself). */
    static List<String> companions(ServerFlag flag) {
        List<String> args = new java.util.ArrayList<>();
        if (flag == ServerFlag.TLS_CERT || flag == ServerFlag.TLS_KEY || flag == ServerFlag.TLS_CLIENT_CA || flag == ServerFlag.SSL) {
            if (flag != ServerFlag.SSL) {
                args.add("--ssl=true");
            }
            if (flag != ServerFlag.TLS_CERT) {
                args.addAll(List.of("--tls-cert", "/c.pem"));
            }
            if (flag != ServerFlag.TLS_KEY) {
                args.addAll(List.of("--tls-key", "/k.pem"));
            }
        }
        return args;
    }

    @ParameterizedTest
    @EnumSource(ServerFlag.class)
    void every_flag_is_read_from_the_command_line(ServerFlag flag) {
        List<String> args = companions(flag);
        if (flag.shape() == ServerFlag.Shape.FLAG) {
            args.add(flag.longName());
        } else {
            args.addAll(List.of(flag.longName(), sample(flag)));
        }
        ServerConfig config = serve(args.toArray(String[]::new));
        assertEquals(sample(flag), observed(config, flag));
        assertTrue(config.explicitlySet().contains(flag));
    }

    @ParameterizedTest
    @EnumSource(ServerFlag.class)
    void every_flag_is_read_from_its_environment_variable(ServerFlag flag) {
        List<String> args = companions(flag);
        ServerConfig config = serve(Map.of(flag.envVar(), sample(flag)), args.toArray(String[]::new));
        assertEquals(sample(flag), observed(config, flag));
        assertTrue(config.explicitlySet().contains(flag));
    }

    @Test
    void the_command_line_wins_over_the_environment() {
        ServerConfig config = serve(Map.of("VAYLIX_PORT", "1111", "VAYLIX_WAL_SYNC", "buffered"), "--port", "2222");
        assertEquals(2222, config.network().port());
        assertEquals(SyncPolicy.BUFFERED, config.storage().walSync());
    }

    @Test
    void boolean_variables_take_true_or_false_only() {
        assertTrue(serve(Map.of("VAYLIX_DISABLE_AUTH", "false")).auth().enabled());
        assertFalse(serve(Map.of("VAYLIX_DISABLE_AUTH", "TRUE")).auth().enabled());
        VaylixException e = fails(ErrorCode.SRV_030, Map.of("VAYLIX_DISABLE_AUTH", "yes"));
        assertEquals("invalid command-line arguments: invalid value for VAYLIX_DISABLE_AUTH: yes (expected true or false)",
                e.getMessage());
    }

    @Test
    void ssl_takes_an_optional_boolean() {
        String[] files = {"--tls-cert", "/c.pem", "--tls-key", "/k.pem"};
        assertTrue(serve(concat(new String[] {"--ssl"}, files)).tls().enabled());
        assertTrue(serve(concat(new String[] {"--ssl", "true"}, files)).tls().enabled());
        assertTrue(serve(concat(files, new String[] {"--ssl"})).tls().enabled());
        assertFalse(serve("--ssl", "false").tls().enabled());
        assertFalse(serve("--ssl=false").tls().enabled());
        assertTrue(serve(Map.of("VAYLIX_SSL", "true"), files).tls().enabled());
        assertEquals("invalid command-line arguments: invalid value for --ssl: maybe (expected true or false)",
                fails("--ssl", "maybe").getMessage());
    }

    @Test
    void tls_files_without_ssl_are_srv_010() {
        VaylixException e = fails(ErrorCode.SRV_010, Map.of(), "--tls-cert", "/c.pem");
        assertEquals("TLS configuration is invalid", e.getMessage());
        fails(ErrorCode.SRV_010, Map.of("VAYLIX_TLS_CLIENT_CA", "/ca.pem"));
        fails(ErrorCode.SRV_010, Map.of(), "--ssl", "false", "--tls-key", "/k.pem");
    }

    @Test
    void ssl_without_certificate_and_key_is_srv_010() {
        fails(ErrorCode.SRV_010, Map.of(), "--ssl");
        fails(ErrorCode.SRV_010, Map.of(), "--ssl", "--tls-cert", "/c.pem");
    }

    @Test
    void a_client_ca_turns_on_mtls() {
        TlsConfig tls = serve("--ssl", "--tls-cert", "/c.pem", "--tls-key", "/k.pem", "--tls-client-ca", "/ca.pem").tls();
        assertTrue(tls.mtlsEnabled());
        assertFalse(serve("--ssl", "--tls-cert", "/c.pem", "--tls-key", "/k.pem").tls().mtlsEnabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"replica", "majority", "MAJORITY", "Replica"})
    void replica_is_an_alias_of_majority(String value) {
        assertEquals(WriteAckMode.MAJORITY, serve("--write-ack-mode", value).replication().writeAckMode());
    }

    @Test
    void enumerated_values_are_checked() {
        assertEquals("invalid command-line arguments: invalid value for --write-ack-mode: quorum (expected local, majority, all or replica)",
                fails("--write-ack-mode", "quorum").getMessage());
        assertEquals("invalid command-line arguments: invalid value for VAYLIX_WAL_SYNC: fsync (expected buffered, flush or sync)",
                fails(ErrorCode.SRV_030, Map.of("VAYLIX_WAL_SYNC", "fsync")).getMessage());
        fails("--replication-role", "primary");
    }

    @Test
    void integers_follow_rusts_unsigned_rules() {
        assertEquals(5, serve("--port", "+5").network().port());
        assertEquals("invalid command-line arguments: invalid value for --port: -1 (expected an integer from 0 to 65535)",
                fails("--port", "-1").getMessage());
        fails("--port", "65536");
        fails("--port", "9 173");
        fails("--port", "");
        fails("--port", "+");
        fails("--wal-segment-size-bytes", "99999999999999999999");
        assertEquals("invalid command-line arguments: invalid value for VAYLIX_MAX_KEY_BYTES: 1k (expected an integer from 1 to 2147483647)",
                fails(ErrorCode.SRV_030, Map.of("VAYLIX_MAX_KEY_BYTES", "1k")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-connections", "--requests-per-second", "--request-burst", "--transaction-max-seconds",
        "--max-key-bytes", "--max-value-bytes", "--max-keys-per-batch", "--max-transaction-queue-len", "--max-request-payload-bytes"})
    void zero_is_refused_where_it_makes_no_sense(String flag) {
        fails(flag, "0");
    }

    @Test
    void zero_disables_intervals_and_thresholds() {
        ServerConfig config = serve("--idle-timeout-seconds", "0", "--snapshot-interval-seconds", "0",
                "--expiration-sweep-interval-seconds", "0", "--slow-command-threshold-ms", "0", "--wal-segment-size-bytes", "0");
        assertEquals(OptionalLong.empty(), config.network().idleTimeoutSeconds());
        assertEquals(OptionalLong.empty(), config.storage().snapshotIntervalSeconds());
        assertEquals(OptionalLong.empty(), config.storage().expirationSweepIntervalSeconds());
        assertEquals(OptionalLong.empty(), config.audit().slowCommandThresholdMs());
        assertEquals(0, config.storage().walSegmentSizeBytes());
    }

    @Test
    void backup_and_audit_paths_follow_the_data_directory() {
        ServerConfig config = serve(Map.of("VAYLIX_DATA_DIR", "/data"));
        assertEquals(Path.of("/data/backups"), config.storage().backupDir());
        assertEquals(Path.of("/data/audit.log"), config.audit().auditLogPath());
    }

    @Test
    void cluster_peers_repeat_and_split_on_commas() {
        List<PeerSpec> peers = serve("--cluster-peers", "a@h1:1,b@h2:2", "--cluster-peers", " c@h3:3 ,").replication().clusterPeers();
        assertEquals(List.of(new PeerSpec("a", "h1:1"), new PeerSpec("b", "h2:2"), new PeerSpec("c", "h3:3")), peers);
        assertEquals(2, serve(Map.of("VAYLIX_CLUSTER_PEERS", "a@h1:1,b@h2:2")).replication().clusterPeers().size());
        assertEquals("invalid command-line arguments: cluster peers must use node_id@host:port form",
                fails("--cluster-peers", "h1:1").getMessage());
        assertEquals("invalid command-line arguments: cluster peer entries must include both node_id and host:port",
                fails("--cluster-peers", "@h1:1").getMessage());
        fails("--cluster-peers", "a@");
    }

    @Test
    void replication_credentials_default_to_the_bootstrap_ones() {
        ReplicationConfig replication = serve("--user", "root", "--password", "pw-1").replication();
        assertEquals("root", replication.user());
        assertEquals("pw-1", replication.password());
    }

    @Test
    void election_and_heartbeat_timing_must_be_ordered() {
        fails("--replication-election-timeout-min-ms", "3000");
        fails("--replication-heartbeat-interval-ms", "1500");
    }

    @Test
    void empty_bootstrap_credentials_are_refused_unless_auth_is_off() {
        assertEquals("invalid command-line arguments: --password must not be empty", fails("--password", "").getMessage());
        fails(ErrorCode.SRV_030, Map.of("VAYLIX_USER", ""));
        assertFalse(serve("--disable-auth", "--password", "").auth().enabled());
    }

    @Test
    void malformed_command_lines_are_srv_030() {
        assertEquals("invalid command-line arguments: Unknown option: '--nope'", fails("--nope").getMessage());
        fails("--port", "1", "--port", "2");
        fails("--port");
        fails("stray");
        fails("@/etc/passwd");
    }

    @Test
    void flags_of_later_work_are_reported_not_ignored() {
        ServerConfig config = serve(Map.of("VAYLIX_REPLICATION_UPSTREAM", "h:1"), "--cluster-peers", "a@h:1", "--audit-commands",
                "--replication-role", "leader");
        assertEquals(List.of(
                "--replication-upstream (VAYLIX_REPLICATION_UPSTREAM) is accepted but not yet supported; it has no effect",
                "--cluster-peers (VAYLIX_CLUSTER_PEERS) is accepted but not yet supported; it has no effect",
                "--replication-role leader is not yet supported; the node runs as a single-voter group (standalone)"),
                config.notYetSupportedInUse());
        assertEquals(List.of(), serve("--replication-role", "standalone", "--port", "1").notYetSupportedInUse());
    }

    @ParameterizedTest
    @EnumSource(ServerFlag.class)
    void every_later_flag_given_produces_a_notice(ServerFlag flag) {
        List<String> args = companions(flag);
        ServerConfig config = serve(Map.of(flag.envVar(), sample(flag)), args.toArray(String[]::new));
        boolean noticed = config.notYetSupportedInUse().stream().anyMatch(line -> line.startsWith(flag.longName() + " "));
        assertEquals(flag.supported() == ServerFlag.Support.LATER || flag == ServerFlag.REPLICATION_ROLE, noticed, flag::longName);
    }

    @Test
    void passwords_never_appear_in_text_forms() {
        ServerConfig config = serve("--password", "hunter2-pass", "--replication-password", "repl-secret");
        assertFalse(config.toString().contains("hunter2-pass"));
        assertFalse(config.toString().contains("repl-secret"));
    }

    @Test
    void help_and_version_are_invocations() {
        String help = assertInstanceOf(Invocation.Help.class, ServerCommandLine.parse(List.of("--help"), Map.of())).text();
        for (ServerFlag flag : ServerFlag.values()) {
            assertTrue(help.contains(flag.longName()), flag.longName());
            assertTrue(help.contains(flag.envVar()), flag.envVar());
        }
        assertTrue(help.contains("[not yet supported]"));
        assertInstanceOf(Invocation.Version.class, ServerCommandLine.parse(List.of("--version"), Map.of()));
        String verifyHelp = assertInstanceOf(Invocation.Help.class,
                ServerCommandLine.parse(List.of("storage", "verify", "--help"), Map.of())).text();
        assertTrue(verifyHelp.contains("--data-dir"));
        assertEquals(help, ServerCommandLine.usage());
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

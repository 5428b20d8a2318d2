package dev.vaylix.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.SyncPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The offline subcommands and the health probe: parsed and validated into typed configurations. */
class SubcommandsTest {

    static Invocation parse(Map<String, String> env, String... args) {
        return ServerCommandLine.parse(List.of(args), env);
    }

    static VaylixException fails(Map<String, String> env, String... args) {
        VaylixException e = assertThrows(VaylixException.class, () -> parse(env, args));
        assertEquals(ErrorCode.SRV_030, e.code(), e::getMessage);
        return e;
    }

    @Test
    void storage_verify_uses_its_own_data_dir_and_the_global_storage_flags() {
        Invocation.StorageVerify verify = assertInstanceOf(Invocation.StorageVerify.class,
                parse(Map.of(), "--wal-sync", "flush", "--master-key-file", "/k", "storage", "verify", "--data-dir", "/d"));
        assertEquals(Path.of("/d"), verify.storage().dataDir());
        assertEquals(Path.of("/d/backups"), verify.storage().backupDir());
        assertEquals(SyncPolicy.FLUSH, verify.storage().walSync());
        assertEquals(Optional.of(Path.of("/k")), verify.storage().masterKeyFile());
    }

    @Test
    void the_data_dir_falls_back_to_the_global_flag_then_the_environment() {
        assertEquals(Path.of("/g"), assertInstanceOf(Invocation.StorageMigrate.class,
                parse(Map.of("VAYLIX_DATA_DIR", "/env"), "--data-dir", "/g", "storage", "migrate")).storage().dataDir());
        assertEquals(Path.of("/env"), assertInstanceOf(Invocation.StorageMigrate.class,
                parse(Map.of("VAYLIX_DATA_DIR", "/env"), "storage", "migrate")).storage().dataDir());
        assertEquals(Path.of("./default.vaylix"), assertInstanceOf(Invocation.PitrInspect.class,
                parse(Map.of(), "pitr", "inspect")).storage().dataDir());
    }

    @Test
    void a_group_without_its_verb_is_refused() {
        assertEquals("invalid command-line arguments: storage requires a subcommand: verify or migrate", fails(Map.of(), "storage").getMessage());
        assertEquals("invalid command-line arguments: pitr requires a subcommand: inspect or restore", fails(Map.of(), "pitr").getMessage());
        fails(Map.of(), "storage", "repair");
    }

    @Test
    void global_values_are_checked_even_for_tools_but_server_only_rules_are_not() {
        fails(Map.of(), "--port", "x", "storage", "verify");
        assertInstanceOf(Invocation.StorageVerify.class, parse(Map.of(), "--tls-cert", "/c.pem", "storage", "verify"));
        assertInstanceOf(Invocation.StorageVerify.class, parse(Map.of("VAYLIX_PASSWORD", ""), "storage", "verify"));
    }

    @Test
    void pitr_restore_to_a_sequence() {
        Invocation.PitrRestore restore = assertInstanceOf(Invocation.PitrRestore.class,
                parse(Map.of(), "pitr", "restore", "--source-dir", "/a", "--target-dir", "/b", "--to-sequence", "1234"));
        assertEquals(Path.of("/a"), restore.sourceDir());
        assertEquals(Path.of("/b"), restore.targetDir());
        assertEquals(new Invocation.RestoreTarget.ToSequence(1234), restore.target());
    }

    @Test
    void pitr_restore_to_a_timestamp_takes_full_u64() {
        Invocation.PitrRestore restore = assertInstanceOf(Invocation.PitrRestore.class, parse(Map.of(), "pitr", "restore",
                "--source-dir", "/a", "--target-dir", "/b", "--to-timestamp-ms", "18446744073709551615"));
        assertEquals(new Invocation.RestoreTarget.ToTimestampMs(-1L), restore.target());
        fails(Map.of(), "pitr", "restore", "--source-dir", "/a", "--target-dir", "/b", "--to-timestamp-ms", "18446744073709551616");
        fails(Map.of(), "pitr", "restore", "--source-dir", "/a", "--target-dir", "/b", "--to-sequence", "-3");
    }

    @Test
    void pitr_restore_needs_exactly_one_target() {
        assertEquals("invalid command-line arguments: pitr restore requires --to-sequence or --to-timestamp-ms",
                fails(Map.of(), "pitr", "restore", "--source-dir", "/a", "--target-dir", "/b").getMessage());
        assertEquals("invalid command-line arguments: pitr restore accepts only one of --to-sequence or --to-timestamp-ms",
                fails(Map.of(), "pitr", "restore", "--source-dir", "/a", "--target-dir", "/b", "--to-sequence", "1",
                        "--to-timestamp-ms", "2").getMessage());
        assertEquals("invalid command-line arguments: pitr restore requires --source-dir",
                fails(Map.of(), "pitr", "restore", "--target-dir", "/b", "--to-sequence", "1").getMessage());
        assertEquals("invalid command-line arguments: pitr restore requires --target-dir",
                fails(Map.of(), "pitr", "restore", "--source-dir", "/a", "--to-sequence", "1").getMessage());
    }

    @Test
    void healthcheck_defaults() {
        HealthcheckConfig config = assertInstanceOf(Invocation.Healthcheck.class, parse(Map.of(), "healthcheck")).config();
        assertEquals(new HealthcheckConfig(HealthcheckConfig.Kind.LIVENESS, "127.0.0.1", 9173, Optional.empty(), 2000,
                Optional.empty()), config);
    }

    @Test
    void healthcheck_port_falls_back_through_the_documented_chain() {
        Map<String, String> env = Map.of("VAYLIX_HEALTHCHECK_PORT", "1001", "VAYLIX_PORT", "1003");
        assertEquals(1000, healthcheck(env, "healthcheck", "--port", "1000").port());
        assertEquals(1001, healthcheck(env, "--port", "1002", "healthcheck").port());
        assertEquals(1002, healthcheck(Map.of("VAYLIX_PORT", "1003"), "--port", "1002", "healthcheck").port());
        assertEquals(1003, healthcheck(Map.of("VAYLIX_PORT", "1003"), "healthcheck").port());
    }

    @Test
    void readiness_borrows_the_server_credentials_liveness_does_not() {
        Map<String, String> env = Map.of("VAYLIX_USER", "root", "VAYLIX_PASSWORD", "pw");
        assertEquals(Optional.of(new HealthcheckConfig.Credentials("root", "pw")),
                healthcheck(env, "healthcheck", "--kind", "readiness").credentials());
        assertEquals(Optional.empty(), healthcheck(env, "healthcheck").credentials());
        assertEquals(Optional.of(new HealthcheckConfig.Credentials("probe", "pw2")), healthcheck(
                Map.of("VAYLIX_HEALTHCHECK_USER", "probe", "VAYLIX_HEALTHCHECK_PASSWORD", "pw2"), "healthcheck", "--kind", "READINESS")
                .credentials());
    }

    @Test
    void healthcheck_credentials_come_in_pairs() {
        String message = "invalid command-line arguments: healthcheck authentication requires both username and password";
        assertEquals(message, fails(Map.of(), "healthcheck", "--user", "probe").getMessage());
        assertEquals(message, fails(Map.of("VAYLIX_HEALTHCHECK_PASSWORD", "x"), "healthcheck").getMessage());
        assertEquals(message, fails(Map.of(), "healthcheck", "--user", "", "--password", "x").getMessage());
        assertEquals(message, fails(Map.of("VAYLIX_USER", "root"), "healthcheck", "--kind", "readiness").getMessage());
    }

    @Test
    void healthcheck_values_are_checked() {
        fails(Map.of(), "healthcheck", "--kind", "startup");
        fails(Map.of(), "healthcheck", "--timeout-ms", "0");
        fails(Map.of(), "healthcheck", "--port", "0");
        fails(Map.of("VAYLIX_HEALTHCHECK_TIMEOUT_MS", "soon"), "healthcheck");
        assertEquals(250, healthcheck(Map.of("VAYLIX_HEALTHCHECK_TIMEOUT_MS", "250"), "healthcheck").timeoutMs());
        assertEquals("db.internal", healthcheck(Map.of("VAYLIX_HEALTHCHECK_HOST", "db.internal"), "healthcheck").host());
    }

    @Test
    void healthcheck_tls_options_follow_ssl_and_come_from_flags_or_their_variables() {
        assertEquals(Optional.empty(), healthcheck(Map.of(), "healthcheck").tls());
        HealthcheckConfig.Tls tls = healthcheck(Map.of("VAYLIX_HEALTHCHECK_TLS_CLIENT_KEY", "/c.key"), "healthcheck", "--ssl",
                "--tls-ca-cert", "/ca.pem", "--tls-client-cert", "/c.pem", "--tls-server-name", "db.example").tls().orElseThrow();
        assertEquals(new HealthcheckConfig.Tls(Optional.of(Path.of("/ca.pem")), Optional.of(Path.of("/c.pem")),
                Optional.of(Path.of("/c.key")), Optional.of("db.example")), tls);
        assertEquals(Optional.of(new HealthcheckConfig.Tls(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                healthcheck(Map.of("VAYLIX_SSL", "true"), "healthcheck").tls(), "a probe next to a TLS server speaks TLS");
        assertEquals(Optional.empty(), healthcheck(Map.of("VAYLIX_SSL", "true"), "healthcheck", "--ssl", "false").tls());
    }

    @Test
    void healthcheck_tls_files_without_ssl_or_half_a_client_identity_are_refused() {
        assertEquals("invalid command-line arguments: healthcheck TLS files require --ssl",
                fails(Map.of(), "healthcheck", "--tls-ca-cert", "/ca.pem").getMessage());
        fails(Map.of(), "healthcheck", "--tls-server-name", "db.example");
        assertEquals("invalid command-line arguments: healthcheck --tls-client-cert and --tls-client-key must be provided together",
                fails(Map.of(), "healthcheck", "--ssl", "--tls-client-cert", "/c.pem").getMessage());
        fails(Map.of(), "healthcheck", "--ssl", "--tls-server-name", " ");
    }

    @Test
    void subcommand_help_is_an_invocation() {
        String help = assertInstanceOf(Invocation.Help.class, parse(Map.of(), "pitr", "restore", "--help")).text();
        assertEquals(true, help.contains("--to-timestamp-ms"));
        String group = assertInstanceOf(Invocation.Help.class, parse(Map.of(), "healthcheck", "--help")).text();
        assertEquals(true, group.contains("--timeout-ms"));
    }

    static HealthcheckConfig healthcheck(Map<String, String> env, String... args) {
        return assertInstanceOf(Invocation.Healthcheck.class, parse(env, args)).config();
    }
}

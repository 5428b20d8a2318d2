package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.client.Credentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Flags and URL of COMMANDS.md §11.1–§11.2, the CLI-008 messages, and the Note 9 fixes. */
class CliSettingsTest {

    private static CliFlags flags(String... args) {
        CliFlags flags = new CliFlags();
        new CommandLine(flags).setStopAtPositional(true).parseArgs(args);
        return flags;
    }

    private static CliSettings settings(String... args) {
        CliFlags flags = flags(args);
        return CliSettings.resolve(flags.connection, flags.output);
    }

    private static VaylixException refused(String... args) {
        return assertThrows(VaylixException.class, () -> settings(args));
    }

    @Test
    void withoutFlagsTheDefaultsApply() {
        assertEquals(new CliSettings("127.0.0.1", 9173, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Credentials("vaylix", "vaylix")), true, OutputMode.PLAIN), settings());
    }

    @Test
    void flagsSetEverything() {
        CliSettings settings = settings("--host", "db.internal", "--port", "7000", "--user", "ops", "--password", "pw",
                "--output", "table", "--disable-compression");
        assertEquals("db.internal", settings.host());
        assertEquals(7000, settings.port());
        assertEquals(Optional.of(new Credentials("ops", "pw")), settings.credentials());
        assertEquals(OutputMode.TABLE, settings.output());
        assertFalse(settings.compression());
        assertEquals(Optional.empty(), settings("--disable-auth").credentials());
    }

    @ParameterizedTest
    @CsvSource({"--ssl,true", "--ssl=true,true", "--ssl=false,false", "--ssl=TRUE,true"})
    void sslMayBeBareOrTakeABoolean(String flag, boolean expected) {
        assertEquals(expected, settings(flag).ssl());
    }

    @Test
    void bareSslBeforeACommandDoesNotSwallowIt() {
        CliFlags flags = flags("--ssl", "get", "k");
        assertEquals(Boolean.TRUE, flags.connection.ssl);
        assertEquals(List.of("get", "k"), flags.command);
    }

    @Test
    void optionParsingStopsAtTheCommand() {
        CliFlags flags = flags("--output", "json", "set", "--port", "-x");
        assertEquals(List.of("set", "--port", "-x"), flags.command);
        assertEquals(OutputMode.JSON, flags.output);
    }

    @ParameterizedTest
    @CsvSource({"--port=65536", "--port=-1", "--port=http", "--output=yaml", "--output=JSON", "--bogus"})
    void badFlagValuesAreUsageErrors(String flag) {
        assertThrows(CommandLine.ParameterException.class, () -> flags(flag));
    }

    @Test
    void theUrlGivesHostPortCredentialsAndOptions() {
        CliSettings settings = settings("--url", "vaylix://alice:s3cret@db.example:9999/ignored?output=json&ssl=TRUE");
        assertEquals("db.example", settings.host());
        assertEquals(9999, settings.port());
        assertEquals(Optional.of(new Credentials("alice", "s3cret")), settings.credentials());
        assertEquals(OutputMode.JSON, settings.output());
        assertTrue(settings.ssl());
    }

    @Test
    void hostAndPortFlagsAreIgnoredWhenAUrlIsGiven() {
        CliSettings settings = settings("--url", "vaylix://db.example", "--host", "other", "--port", "1");
        assertEquals("db.example", settings.host());
        assertEquals(9173, settings.port());
    }

    @Test
    void note9ExplicitFlagsOverrideTheUrl() {
        CliSettings settings = settings("--url", "vaylix://alice:pw@h?output=json&ssl=true", "--output", "table",
                "--ssl=false", "--user", "bob");
        assertEquals(OutputMode.TABLE, settings.output(), "the reference let output= win over --output");
        assertFalse(settings.ssl());
        assertEquals(Optional.of(new Credentials("bob", "pw")), settings.credentials(), "each credential separately");
        assertEquals(Optional.of(new Credentials("alice", "other")),
                settings("--url", "vaylix://alice:pw@h", "--password", "other").credentials());
    }

    @Test
    void note9UrlCredentialsArePercentDecoded() {
        assertEquals(Optional.of(new Credentials("us@er", "p:ss w/ü")),
                settings("--url", "vaylix://us%40er:p%3Ass%20w%2F%C3%BC@h").credentials());
        assertEquals(Optional.of(new Credentials("a", "100%")), settings("--url", "vaylix://a:100%@h").credentials(),
                "a % that starts no escape stays as it is");
    }

    @Property(tries = 200)
    void anyPercentEncodedCredentialDecodesToItself(@ForAll @StringLength(min = 1, max = 20) String user,
                                                     @ForAll @StringLength(max = 20) String password) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(user + password)) {
            return; // unpaired surrogates have no UTF-8 form
        }
        ConnectionUrl url = ConnectionUrl.parse("vaylix://" + encode(user) + ":" + encode(password) + "@h");
        assertEquals(Optional.of(user), url.username());
        assertEquals(Optional.of(password), url.password());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void theFirstOccurrenceOfAParameterWins() {
        assertEquals(OutputMode.TABLE, settings("--url", "vaylix://h?output=table&output=json").output());
        assertEquals(OutputMode.PLAIN, settings("--url", "vaylix://h?output=yaml&output=json").output(),
                "an invalid first value is ignored, not replaced by a later one");
        assertTrue(settings("--url", "vaylix://h?ssl=true&ssl=false").ssl());
        assertFalse(settings("--url", "vaylix://h?ssl=yes").ssl(), "only true (any case) means true");
    }

    @Test
    void authAndCompressionSwitchesCountAtAnyOccurrence() {
        assertEquals(Optional.empty(), settings("--url", "vaylix://h?auth=true&auth=FALSE").credentials());
        assertFalse(settings("--url", "vaylix://h?compression=zstd&compression=None").compression());
        assertTrue(settings("--url", "vaylix://h?compression=zstd").compression());
    }

    @Test
    void tlsFilesComeFromFlagsBeforeTheUrl() {
        CliSettings settings = settings("--url", "vaylix://h?ssl=true&ca_cert=/u/ca.pem&client_cert=/u/c.pem&client_key=/u/c.key",
                "--tls-ca-cert", "/f/ca.pem");
        assertEquals(Optional.of(Path.of("/f/ca.pem")), settings.caCert());
        assertEquals(Optional.of(Path.of("/u/c.pem")), settings.clientCert());
        assertEquals(Optional.of(Path.of("/u/c.key")), settings.clientKey());
    }

    @Test
    void cli008MessagesAreExact() {
        assertEquals("[CLI-008] Invalid Client Configuration: tls_ca_cert requires ssl=true or --ssl",
                refused("--url", "vaylix://h?ca_cert=/ca.pem").describe());
        assertEquals("[CLI-008] Invalid Client Configuration: tls_ca_cert requires --ssl",
                refused("--tls-ca-cert", "/ca.pem").describe());
        assertEquals("[CLI-008] Invalid Client Configuration: tls client certificate options require ssl=true or --ssl",
                refused("--tls-client-cert", "/c.pem", "--tls-client-key", "/c.key").describe());
        assertEquals("[CLI-008] Invalid Client Configuration: tls client certificate options require ssl=true or --ssl",
                refused("--url", "vaylix://h?client_key=/c.key").describe());
        assertEquals("[CLI-008] Invalid Client Configuration: tls_client_cert and tls_client_key must be provided together",
                refused("--ssl", "--tls-client-cert", "/c.pem").describe());
        assertEquals("[CLI-008] Invalid Client Configuration: tls_client_cert and tls_client_key must be provided together",
                refused("--url", "vaylix://h?ssl=true&client_key=/c.key").describe());
        assertEquals("[CLI-008] Invalid Client Configuration: unsupported URL scheme",
                refused("--url", "http://h:9173").describe());
        assertEquals(ErrorCode.CLI_008, refused("--url", "localhost:9173").code(), "host:port reads as scheme localhost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vaylix://h:99999|invalid port number", "vaylix://h:80a|invalid port number", "just-a-host|without a scheme",
            "vaylix:h|expected vaylix://", "vaylix://h st|invalid character", "vaylix://[::1|invalid IPv6",
            "vaylix://%FF@h|not UTF-8"})
    void malformedUrlsAreCli003(String url, String detail) {
        VaylixException failure = refused("--url", url);
        assertEquals(ErrorCode.CLI_003, failure.code());
        assertTrue(failure.getMessage().contains(detail), failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vaylix://|127.0.0.1|9173", "vaylix://:7000|127.0.0.1|7000", "VAYLIX://Host.Example:1|Host.Example|1",
            "vaylix://[::1]:7000|[::1]|7000", "vaylix://h:|h|9173", "vaylix://u@h#frag|h|9173"})
    void hostAndPortDefaultsAndForms(String url, String host, int port) {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        assertEquals(host, parsed.host());
        assertEquals(port, parsed.port());
    }

    @Test
    void queryValuesAreFormDecodedAndTheUrlNeverPrintsThePassword() {
        ConnectionUrl parsed = ConnectionUrl.parse("vaylix://u:topsecret@h?ca_cert=/my+dir/ca%2Epem&flag");
        assertEquals(Optional.of("/my dir/ca.pem"), parsed.first("ca_cert"));
        assertEquals(Optional.of(""), parsed.first("flag"));
        assertFalse(parsed.toString().contains("topsecret"), parsed.toString());
    }
}

package dev.vaylix.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of {@code vaylix-client} (COMMANDS.md §11.1), as typed. Options whose presence matters
 * (because a flag overrides the URL only when given) are boxed: null means "not given".
 *
 * <p>Option parsing stops at the first positional argument, so {@code vaylix-client get -x} sends the
 * command {@code get -x} rather than complaining about {@code -x}.
 */
@Command(name = "vaylix-client", mixinStandardHelpOptions = true, versionProvider = CliFlags.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Connects to a Vaylix server and runs commands.",
            "Without COMMAND: an interactive shell when standard input is a terminal, otherwise one command per line of standard input. With COMMAND: runs that one command.",
            "Exit status: 0 all commands succeeded, 1 a command failed (parse error, error reply), 2 usage or configuration error, 3 connection or transport failure, 4 automatic AUTH refused.",
            ""})
final class CliFlags {

    @Option(names = "--url", paramLabel = "<url>",
            description = "vaylix://[user[:password]@]host[:port][?output=&ssl=&ca_cert=&client_cert=&client_key=&auth=&compression=]; "
                    + "--host and --port are then ignored; other flags given explicitly override the URL")
    String url;

    @Option(names = "--host", paramLabel = "<host>", description = "server host (default 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "<u16>", converter = U16.class, description = "server port (default 9173)")
    Integer port;

    @Option(names = "--ssl", arity = "0..1", fallbackValue = "true", paramLabel = "<true|false>",
            description = "use TLS; bare --ssl means true (default false)")
    Boolean ssl;

    @Option(names = "--tls-ca-cert", paramLabel = "<path>", description = "PEM CA bundle (else the JDK's trust store)")
    Path tlsCaCert;

    @Option(names = "--tls-client-cert", paramLabel = "<path>", description = "PEM client certificate for mTLS")
    Path tlsClientCert;

    @Option(names = "--tls-client-key", paramLabel = "<path>", description = "PEM private key of the client certificate")
    Path tlsClientKey;

    @Option(names = "--user", paramLabel = "<name>", description = "user for the automatic AUTH (default vaylix)")
    String user;

    @Option(names = "--password", paramLabel = "<pw>", description = "password for the automatic AUTH (default vaylix)")
    String password;

    @Option(names = "--disable-auth", description = "do not send AUTH")
    boolean disableAuth;

    @Option(names = "--disable-compression", description = "ask the server for no compression")
    boolean disableCompression;

    @Option(names = "--output", paramLabel = "plain|table|json", converter = OutputModeConverter.class,
            description = "how entries replies print (default plain)")
    OutputMode output;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "one command to run, e.g. get mykey")
    List<String> command = new ArrayList<>();

    /** A u16 port, as the reference's clap parser reads it. */
    static final class U16 implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a port number (0-65535)");
            }
            if (port < 0 || port > 0xFFFF || value.startsWith("-")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a port number (0-65535)");
            }
            return port;
        }
    }

    static final class OutputModeConverter implements CommandLine.ITypeConverter<OutputMode> {
        @Override
        public OutputMode convert(String value) {
            return OutputMode.fromCliName(value).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + value + "' is not one of plain, table, json"));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vaylix-client (protocol VTP2, Vaylix " + dev.vaylix.client.ClientConfig.DEFAULT_CLIENT_VERSION + ")"};
        }
    }
}

package dev.vaylix.client.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The connection flags of COMMANDS.md §11.1, as a picocli mixin shared by {@code vaylix-client} and the load
 * generator ({@code vaylix-bench}), so that both read {@code --url}, TLS and credentials the same way
 * ({@link CliSettings#resolve}). Options whose presence matters (a flag overrides the URL only when given) are
 * boxed: null means "not given". Public fields, as picocli fills them.
 */
public final class ConnectionFlags {

    @Option(names = "--url", paramLabel = "<url>",
            description = "vaylix://[user[:password]@]host[:port][?output=&ssl=&ca_cert=&client_cert=&client_key=&auth=&compression=]; "
                    + "--host and --port are then ignored; other flags given explicitly override the URL")
    public String url;

    @Option(names = "--host", paramLabel = "<host>", description = "server host (default 127.0.0.1)")
    public String host;

    @Option(names = "--port", paramLabel = "<u16>", converter = U16.class, description = "server port (default 9173)")
    public Integer port;

    @Option(names = "--ssl", arity = "0..1", fallbackValue = "true", paramLabel = "<true|false>",
            description = "use TLS; bare --ssl means true (default false)")
    public Boolean ssl;

    @Option(names = "--tls-ca-cert", paramLabel = "<path>", description = "PEM CA bundle (else the JDK's trust store)")
    public Path tlsCaCert;

    @Option(names = "--tls-client-cert", paramLabel = "<path>", description = "PEM client certificate for mTLS")
    public Path tlsClientCert;

    @Option(names = "--tls-client-key", paramLabel = "<path>", description = "PEM private key of the client certificate")
    public Path tlsClientKey;

    @Option(names = "--user", paramLabel = "<name>", description = "user for the automatic AUTH (default vaylix)")
    public String user;

    @Option(names = "--password", paramLabel = "<pw>", description = "password for the automatic AUTH (default vaylix)")
    public String password;

    @Option(names = "--disable-auth", description = "do not send AUTH")
    public boolean disableAuth;

    @Option(names = "--disable-compression", description = "ask the server for no compression")
    public boolean disableCompression;

    /** A u16 port, as the reference's clap parser reads it. */
    public static final class U16 implements CommandLine.ITypeConverter<Integer> {
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
}

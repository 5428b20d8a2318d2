package dev.vaylix.client.cli;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.Credentials;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.net.TlsClientConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective connection settings of one {@code vaylix-client} run, after merging flags and URL.
 *
 * @param host         host to connect to (and TLS server name)
 * @param port         port
 * @param ssl          TLS on
 * @param caCert       PEM CA bundle
 * @param clientCert   mTLS certificate
 * @param clientKey    mTLS key
 * @param credentials  automatic AUTH; empty when auth is disabled
 * @param compression  ask for zstd
 * @param output       entries rendering
 */
public record CliSettings(String host, int port, boolean ssl, Optional<Path> caCert, Optional<Path> clientCert,
                   Optional<Path> clientKey, Optional<Credentials> credentials, boolean compression, OutputMode output) {

    static final String DEFAULT_USER = "vaylix";
    static final String DEFAULT_PASSWORD = "vaylix";

    public CliSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(caCert, "caCert");
        Objects.requireNonNull(clientCert, "clientCert");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(output, "output");
    }

    /**
     * Merges the flags with the URL, if one was given (COMMANDS.md §11.1–§11.2): first occurrence of a query
     * parameter wins, {@code auth=false} and {@code compression=none} count at any occurrence. Unlike the
     * reference (Note 9), every flag given explicitly overrides the URL, {@code --output} and {@code --ssl}
     * included; {@code --host}/{@code --port} are ignored when {@code --url} is given, as documented.
     *
     * @param flags      the connection flags as given
     * @param outputFlag {@code --output} if given, else null
     * @throws dev.vaylix.api.VaylixException {@code CLI-008} for inconsistent TLS options, {@code CLI-003} for
     *     an unparsable URL
     */
    public static CliSettings resolve(ConnectionFlags flags, OutputMode outputFlag) {
        Optional<ConnectionUrl> url = Optional.ofNullable(flags.url).map(ConnectionUrl::parse);
        String host = url.map(ConnectionUrl::host).orElse(flags.host != null ? flags.host : ClientConfig.DEFAULT_HOST);
        int port = url.map(ConnectionUrl::port).orElse(flags.port != null ? flags.port : ClientConfig.DEFAULT_PORT);
        boolean ssl = flags.ssl != null ? flags.ssl
                : url.flatMap(u -> u.first("ssl")).map(v -> v.equalsIgnoreCase("true")).orElse(false);
        Optional<Path> caCert = flag(flags.tlsCaCert, url, "ca_cert");
        Optional<Path> clientCert = flag(flags.tlsClientCert, url, "client_cert");
        Optional<Path> clientKey = flag(flags.tlsClientKey, url, "client_key");
        OutputMode output = outputFlag != null ? outputFlag
                : url.flatMap(u -> u.first("output")).flatMap(OutputMode::fromCliName).orElse(OutputMode.PLAIN);
        boolean authDisabled = flags.disableAuth || url.map(u -> u.anyEqualsIgnoreCase("auth", "false")).orElse(false);
        boolean compressionDisabled = flags.disableCompression
                || url.map(u -> u.anyEqualsIgnoreCase("compression", "none")).orElse(false);

        if (caCert.isPresent() && !ssl) {
            throw ErrorCode.CLI_008.exception(url.isPresent() ? "tls_ca_cert requires ssl=true or --ssl"
                    : "tls_ca_cert requires --ssl");
        }
        if ((clientCert.isPresent() || clientKey.isPresent()) && !ssl) {
            throw ErrorCode.CLI_008.exception("tls client certificate options require ssl=true or --ssl");
        }
        if (clientCert.isPresent() != clientKey.isPresent()) {
            throw ErrorCode.CLI_008.exception("tls_client_cert and tls_client_key must be provided together");
        }
        Optional<Credentials> credentials = authDisabled ? Optional.empty() : Optional.of(new Credentials(
                flags.user != null ? flags.user : url.flatMap(ConnectionUrl::username).orElse(DEFAULT_USER),
                flags.password != null ? flags.password : url.flatMap(ConnectionUrl::password).orElse(DEFAULT_PASSWORD)));
        return new CliSettings(host, port, ssl, caCert, clientCert, clientKey, credentials, !compressionDisabled, output);
    }

    private static Optional<Path> flag(Path flag, Optional<ConnectionUrl> url, String parameter) {
        if (flag != null) {
            return Optional.of(flag);
        }
        Optional<String> fromUrl = url.flatMap(u -> u.first(parameter));
        try {
            return fromUrl.map(Path::of);
        } catch (InvalidPathException e) {
            throw ErrorCode.CLI_008.exception(parameter + " is not a valid path: " + e.getMessage());
        }
    }

    /**
     * The client configuration; reads the TLS files.
     *
     * @throws dev.vaylix.api.VaylixException {@code CLI-008} if a TLS file cannot be read or is invalid
     */
    public ClientConfig toClientConfig() {
        ClientConfig.Builder builder = ClientConfig.builder()
                .host(host)
                .port(port)
                .compression(compression ? Compression.ZSTD : Compression.NONE)
                .requestTimeoutMs(0); // an interactive user decides how long to wait, as with the reference
        credentials.ifPresent(c -> builder.credentials(c.username(), c.password()));
        if (ssl) {
            builder.tls(TlsClientConfig.fromPemFiles(caCert, clientCert, clientKey));
        }
        return builder.build();
    }
}

package dev.vaylix.client;

import dev.vaylix.api.Clock;
import dev.vaylix.transport.Capabilities;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.net.Connector;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.net.TlsClientConfig;
import dev.vaylix.transport.session.ClientOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client reaches and talks to one server. Immutable; build one with {@link #builder()}.
 *
 * @param host                      server host name or address (TLS verifies the certificate against it)
 * @param port                      server port, 0–65535
 * @param tls                       TLS policy (CA bundle, optional client certificate for mTLS); empty = plain TCP
 * @param credentials               sent as AUTH right after the hello by {@link VaylixClient#connect}; empty = no
 *                                  AUTH (the hello then announces {@code auth_intent = 0})
 * @param compression               what the hello asks for; the server decides ({@code zstd} only if both agree)
 * @param compressionThresholdBytes requests of at least this size are compressed once zstd was negotiated
 * @param connectTimeoutMs          bound on the TCP connect and the TLS handshake, and on waiting for the
 *                                  server's hello; 0 = the system's default / no bound
 * @param requestTimeoutMs          bound on waiting for each reply in the synchronous API; 0 = wait forever
 * @param maxInFlight               most unanswered requests per connection; further submits wait (back-pressure)
 * @param clientName                announced in the hello (e.g. {@code vaylix-client}, {@code vaylix-bench})
 * @param clientVersion             announced in the hello
 * @param clock                     source of time for request ids (UUIDv7) and pool idle times
 */
public record ClientConfig(String host, int port, Optional<TlsClientConfig> tls, Optional<Credentials> credentials,
                           Compression compression, int compressionThresholdBytes, int connectTimeoutMs,
                           int requestTimeoutMs, int maxInFlight, String clientName, String clientVersion, Clock clock) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9173;
    /** The protocol contract this client implements (the reference CLI announces its crate version). */
    public static final String DEFAULT_CLIENT_VERSION = "0.9.0";
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    private static final int PORT_MAX = 0xFFFF;

    public ClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(clock, "clock");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > PORT_MAX) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        if (compressionThresholdBytes < 0 || connectTimeoutMs < 0 || requestTimeoutMs < 0) {
            throw new IllegalArgumentException("thresholds and timeouts must be >= 0");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
    }

    /** A builder with the defaults: {@code 127.0.0.1:9173}, plain TCP, no AUTH, zstd, 10 s connect, 30 s requests. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Opens TCP or TLS connections to {@link #host}:{@link #port}; see {@link Connector#connect()}. */
    public Connector connector() {
        return tls.isPresent()
                ? SocketTransport.tls(host, port, connectTimeoutMs, tls.get())
                : SocketTransport.tcp(host, port, connectTimeoutMs);
    }

    /** What the hello announces. */
    ClientOptions clientOptions() {
        return new ClientOptions(clientName, clientVersion, Capabilities.ALL, compression, Vtp2.MAX_FRAME_LEN,
                credentials.isPresent(), compressionThresholdBytes, connectTimeoutMs);
    }

    /** {@code host:port} for messages. */
    public String address() {
        return host + ":" + port;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Optional<TlsClientConfig> tls = Optional.empty();
        private Optional<Credentials> credentials = Optional.empty();
        private Compression compression = Compression.ZSTD;
        private int compressionThresholdBytes = Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES;
        private int connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        private int requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private String clientName = "vaylix-client";
        private String clientVersion = DEFAULT_CLIENT_VERSION;
        private Clock clock = SystemClock.INSTANCE;

        private Builder() {
        }

        private Builder(ClientConfig config) {
            host = config.host;
            port = config.port;
            tls = config.tls;
            credentials = config.credentials;
            compression = config.compression;
            compressionThresholdBytes = config.compressionThresholdBytes;
            connectTimeoutMs = config.connectTimeoutMs;
            requestTimeoutMs = config.requestTimeoutMs;
            maxInFlight = config.maxInFlight;
            clientName = config.clientName;
            clientVersion = config.clientVersion;
            clock = config.clock;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder tls(TlsClientConfig value) {
            tls = Optional.of(value);
            return this;
        }

        public Builder plainTcp() {
            tls = Optional.empty();
            return this;
        }

        public Builder credentials(String username, String password) {
            credentials = Optional.of(new Credentials(username, password));
            return this;
        }

        public Builder noCredentials() {
            credentials = Optional.empty();
            return this;
        }

        public Builder compression(Compression value) {
            compression = value;
            return this;
        }

        public Builder compressionThresholdBytes(int value) {
            compressionThresholdBytes = value;
            return this;
        }

        public Builder connectTimeoutMs(int value) {
            connectTimeoutMs = value;
            return this;
        }

        public Builder requestTimeoutMs(int value) {
            requestTimeoutMs = value;
            return this;
        }

        public Builder maxInFlight(int value) {
            maxInFlight = value;
            return this;
        }

        public Builder clientName(String value) {
            clientName = value;
            return this;
        }

        public Builder clientVersion(String value) {
            clientVersion = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** @throws IllegalArgumentException if a value is out of range */
        public ClientConfig build() {
            return new ClientConfig(host, port, tls, credentials, compression, compressionThresholdBytes,
                    connectTimeoutMs, requestTimeoutMs, maxInFlight, clientName, clientVersion, clock);
        }
    }
}

package dev.vaylix.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code vaylix healthcheck} (STORAGE.md §15): probe a running server.
 *
 * @param kind        liveness (PING must answer OK) or readiness (optional AUTH, then HEALTH must say ready)
 * @param host        {@code --host}
 * @param port        {@code --port}
 * @param credentials {@code --user}/{@code --password}, both or neither
 * @param timeoutMs   {@code --timeout-ms}, at least 1
 * @param tls         {@code --ssl} and its files; empty for plain TCP
 */
public record HealthcheckConfig(Kind kind, String host, int port, Optional<Credentials> credentials, long timeoutMs,
                                Optional<Tls> tls) {

    public enum Kind {
        LIVENESS, READINESS;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A user name and password; the password is never printed. */
    public record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=<redacted>]";
        }
    }

    /**
     * The probe's TLS: the server certificate is verified, including that it names {@code --host} (or
     * {@code --tls-server-name}).
     *
     * @param caCertificate     {@code --tls-ca-cert}: PEM CA bundle to trust; empty = the JDK's default trust store
     * @param clientCertificate {@code --tls-client-cert}: PEM chain for a server that requires client certificates
     * @param clientKey         {@code --tls-client-key}: its key; present exactly when {@code clientCertificate} is
     * @param serverName        {@code --tls-server-name}: the name the server certificate must carry (and the
     *                          SNI); empty = {@code --host}
     */
    public record Tls(Optional<Path> caCertificate, Optional<Path> clientCertificate, Optional<Path> clientKey,
                      Optional<String> serverName) {
        public Tls {
            Objects.requireNonNull(caCertificate, "caCertificate");
            Objects.requireNonNull(clientCertificate, "clientCertificate");
            Objects.requireNonNull(clientKey, "clientKey");
            Objects.requireNonNull(serverName, "serverName");
            if (serverName.isPresent() && serverName.get().isBlank()) {
                throw new IllegalArgumentException("the TLS server name is not blank");
            }
            if (clientCertificate.isPresent() != clientKey.isPresent()) {
                throw new IllegalArgumentException("a client certificate needs its key and vice versa");
            }
        }
    }

    public HealthcheckConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tls, "tls");
    }
}

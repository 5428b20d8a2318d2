package dev.vaylix.server.config;

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
 */
public record HealthcheckConfig(Kind kind, String host, int port, Optional<Credentials> credentials, long timeoutMs) {

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

    public HealthcheckConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
    }
}

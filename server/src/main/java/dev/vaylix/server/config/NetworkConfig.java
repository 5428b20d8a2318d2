package dev.vaylix.server.config;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Listener and connection settings.
 *
 * @param bindAddress        {@code --bind}
 * @param port               {@code --port}, 0–65535 (0 binds an ephemeral port)
 * @param maxConnections     {@code --max-connections}, concurrent sessions, at least 1
 * @param idleTimeoutSeconds {@code --idle-timeout-seconds}; empty when disabled (absent or 0)
 * @param helloTimeoutSeconds {@code --hello-timeout-seconds}: the TLS handshake and the ClientHello must
 *                           arrive within this time, at least 1 (the reference waited forever)
 * @param compressionEnabled false with {@code --disable-compression}
 */
public record NetworkConfig(String bindAddress, int port, int maxConnections, OptionalLong idleTimeoutSeconds,
                            long helloTimeoutSeconds, boolean compressionEnabled) {

    public NetworkConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeoutSeconds, "idleTimeoutSeconds");
        if (helloTimeoutSeconds < 1) {
            throw new IllegalArgumentException("hello timeout must be at least 1 second: " + helloTimeoutSeconds);
        }
    }
}

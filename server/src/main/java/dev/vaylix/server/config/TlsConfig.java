package dev.vaylix.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings. The files are only named here; loading them (and SRV-010 for a bad or expired
 * certificate) is the TLS transport's job.
 *
 * @param enabled     {@code --ssl}
 * @param certificate {@code --tls-cert}, PEM certificate chain; present when enabled
 * @param privateKey  {@code --tls-key}, PEM key (PKCS#8, PKCS#1 or SEC1); present when enabled
 * @param clientCa    {@code --tls-client-ca}, PEM CA bundle; present means client certificates are required (mTLS)
 */
public record TlsConfig(boolean enabled, Optional<Path> certificate, Optional<Path> privateKey, Optional<Path> clientCa) {

    public static final TlsConfig DISABLED = new TlsConfig(false, Optional.empty(), Optional.empty(), Optional.empty());

    public TlsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientCa, "clientCa");
    }

    public boolean mtlsEnabled() {
        return enabled && clientCa.isPresent();
    }
}

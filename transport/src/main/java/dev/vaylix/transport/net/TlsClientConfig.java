package dev.vaylix.transport.net;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A client's TLS policy: which CAs to trust (a PEM bundle, else the JDK's default trust store), an optional
 * client certificate for mTLS, TLS 1.2/1.3, and server host-name verification (on by default, as rustls
 * does in the reference client). Immutable and thread-safe.
 *
 * <p>Failures are {@code CLI-008 Invalid Client Configuration} with the detail as message (never key
 * material).
 */
public final class TlsClientConfig {

    private final SSLContext context;
    private final boolean verifyHostname;

    private TlsClientConfig(SSLContext context, boolean verifyHostname) {
        this.context = context;
        this.verifyHostname = verifyHostname;
    }

    /** A client certificate chain and its key. */
    public record Identity(List<X509Certificate> chain, PrivateKey key) {
        public Identity {
            chain = List.copyOf(chain);
            Objects.requireNonNull(key, "key");
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a client identity needs a certificate");
            }
        }
    }

    /**
     * Loads PEM files.
     *
     * @param caBundle          trusted CAs; empty = the JDK's default trust store
     * @param clientCertificate client certificate chain for mTLS; requires {@code clientKey}
     * @param clientKey         its private key; requires {@code clientCertificate}
     */
    public static TlsClientConfig fromPemFiles(Optional<Path> caBundle, Optional<Path> clientCertificate,
                                               Optional<Path> clientKey) {
        if (clientCertificate.isPresent() != clientKey.isPresent()) {
            throw ErrorCode.CLI_008.exception("tls_client_cert and tls_client_key must be provided together");
        }
        try {
            List<X509Certificate> cas = caBundle.isPresent() ? Pem.readCertificates(caBundle.get()) : List.of();
            Optional<Identity> identity = clientCertificate.isPresent()
                    ? Optional.of(new Identity(Pem.readCertificates(clientCertificate.get()),
                    Pem.readPrivateKey(clientKey.orElseThrow())))
                    : Optional.empty();
            return of(cas, identity, true);
        } catch (IOException e) {
            throw new VaylixException(ErrorCode.CLI_008, ErrorCode.CLI_008.message("cannot read TLS file: " + e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new VaylixException(ErrorCode.CLI_008, ErrorCode.CLI_008.message(e.getMessage()), e);
        }
    }

    /**
     * Builds a configuration from loaded objects.
     *
     * @param trustedCas     empty = the JDK's default trust store
     * @param verifyHostname check that the server certificate names the host connected to (keep it on
     *                       outside tests)
     */
    public static TlsClientConfig of(List<X509Certificate> trustedCas, Optional<Identity> identity,
                                     boolean verifyHostname) {
        try {
            var keyManagers = identity.isPresent()
                    ? TlsSupport.keyManagers(identity.get().chain(), identity.get().key()) : null;
            if (identity.isPresent()) {
                TlsSupport.checkKeyMatches(identity.get().key(), identity.get().chain().getFirst());
            }
            return new TlsClientConfig(TlsSupport.context(keyManagers, TlsSupport.trustManagers(List.copyOf(trustedCas))),
                    verifyHostname);
        } catch (GeneralSecurityException e) {
            throw new VaylixException(ErrorCode.CLI_008, ErrorCode.CLI_008.message("invalid TLS configuration: "
                    + e.getMessage()), e);
        }
    }

    SSLContext context() {
        return context;
    }

    /** Configures a freshly created client-mode socket. */
    void apply(SSLSocket socket) {
        TlsSupport.configure(socket, true, false, verifyHostname);
    }
}

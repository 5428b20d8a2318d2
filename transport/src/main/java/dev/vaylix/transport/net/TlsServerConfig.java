package dev.vaylix.transport.net;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A server's TLS identity and policy: certificate chain and private key, TLS 1.2/1.3, and optionally a CA
 * bundle that client certificates must chain to (mTLS: a client without such a certificate fails the
 * handshake). Immutable and thread-safe; build a new one to reload certificates.
 *
 * <p>Every failure is {@code SRV-010 TLS configuration is invalid}, with the detail in the cause (which
 * never contains key material): unreadable or malformed PEM, a key that does not match the certificate, a
 * certificate that is expired or not yet valid at {@code nowMs}.
 */
public final class TlsServerConfig {

    private final SSLContext context;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> clientCas;

    private TlsServerConfig(SSLContext context, List<X509Certificate> chain, List<X509Certificate> clientCas) {
        this.context = context;
        this.chain = chain;
        this.clientCas = clientCas;
    }

    /**
     * Loads PEM files.
     *
     * @param certificateChain PEM with the server certificate first, then intermediates
     * @param privateKey       PEM private key (PKCS#8, PKCS#1 or SEC1)
     * @param clientCaBundle   PEM CA bundle; present = client certificates are required (mTLS)
     * @param nowMs            the current wall-clock time, to refuse an expired certificate
     */
    public static TlsServerConfig fromPemFiles(Path certificateChain, Path privateKey, Optional<Path> clientCaBundle,
                                               long nowMs) {
        try {
            List<X509Certificate> chain = Pem.readCertificates(certificateChain);
            PrivateKey key = Pem.readPrivateKey(privateKey);
            List<X509Certificate> cas = clientCaBundle.isPresent() ? Pem.readCertificates(clientCaBundle.get()) : List.of();
            return of(chain, key, cas, nowMs);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    /**
     * Builds a configuration from loaded objects.
     *
     * @param clientCas empty = no client certificate is requested; otherwise one is required and must chain
     *                  to one of these
     */
    public static TlsServerConfig of(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> clientCas,
                                     long nowMs) {
        Objects.requireNonNull(key, "key");
        List<X509Certificate> certificates = List.copyOf(chain);
        List<X509Certificate> cas = List.copyOf(clientCas);
        if (certificates.isEmpty()) {
            throw invalid(new IllegalArgumentException("no server certificate"));
        }
        try {
            certificates.getFirst().checkValidity(new Date(nowMs));
            TlsSupport.checkKeyMatches(key, certificates.getFirst());
            SSLContext context = TlsSupport.context(TlsSupport.keyManagers(certificates, key),
                    TlsSupport.trustManagers(cas));
            return new TlsServerConfig(context, certificates, cas);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw invalid(new IllegalArgumentException("server certificate is not valid now: " + e.getMessage(), e));
        } catch (GeneralSecurityException e) {
            throw invalid(e);
        }
    }

    /** The server certificate (leaf), e.g. for expiry metrics. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public boolean requiresClientCertificate() {
        return !clientCas.isEmpty();
    }

    SSLContext context() {
        return context;
    }

    /** Configures a freshly created server-mode socket. */
    void apply(SSLSocket socket) {
        TlsSupport.configure(socket, false, requiresClientCertificate(), false);
    }

    private static VaylixException invalid(Exception cause) {
        return new VaylixException(ErrorCode.SRV_010, ErrorCode.SRV_010.message(), cause);
    }
}

package dev.vaylix.transport.net;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** JSSE plumbing shared by {@link TlsServerConfig} and {@link TlsClientConfig}. */
final class TlsSupport {

    /** TLS 1.3 first; TLS 1.2 for older peers (the reference accepts both). Nothing older. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Protects the in-memory key store only; it never leaves this process. */
    private static final char[] IN_MEMORY_PASSWORD = "vaylix-in-memory".toCharArray();

    private TlsSupport() {
    }

    static KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry("identity", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, IN_MEMORY_PASSWORD);
        return factory.getKeyManagers();
    }

    /** Trust managers for exactly {@code anchors}; {@code null} (the JDK's default trust) when empty. */
    static TrustManager[] trustManagers(List<X509Certificate> anchors) throws GeneralSecurityException {
        if (anchors.isEmpty()) {
            return null;
        }
        KeyStore store = emptyStore();
        for (int i = 0; i < anchors.size(); i++) {
            store.setCertificateEntry("ca-" + i, anchors.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trustManagers, new SecureRandom());
        return context;
    }

    /** The protocols of {@link #PROTOCOLS} that {@code parameters} supports, in our order. */
    static String[] protocols(String[] supported) {
        List<String> available = Arrays.asList(supported);
        return PROTOCOLS.stream().filter(available::contains).toArray(String[]::new);
    }

    /**
     * Configures a freshly created socket: its side of the handshake, TLS 1.3/1.2 only, client certificates
     * required or not (server side), host-name verification (client side).
     */
    static void configure(javax.net.ssl.SSLSocket socket, boolean clientMode, boolean needClientAuth,
                          boolean verifyHostname) {
        socket.setUseClientMode(clientMode);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(protocols(socket.getSupportedProtocols()));
        if (needClientAuth) {
            parameters.setNeedClientAuth(true);
        }
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
    }

    /**
     * Proves that {@code key} belongs to {@code certificate} by signing a challenge and verifying it with the
     * certificate's public key: a mismatched pair would otherwise surface only as failed handshakes.
     */
    static void checkKeyMatches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA"; // the curve comes with the key
            case "RSASSA-PSS" -> null; // needs explicit PSS parameters; the handshake will tell
            default -> throw new GeneralSecurityException("unsupported key algorithm " + key.getAlgorithm());
        };
        if (algorithm == null) {
            return;
        }
        byte[] challenge = "vaylix key/certificate match".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(challenge);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the private key does not match the certificate");
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        return store;
    }
}

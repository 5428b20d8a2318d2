package dev.vaylix.transport.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and keys generated per test run with BouncyCastle, and their PEM forms. */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private TestPki() {
    }

    /** A key pair and the certificate for it. */
    public record Identity(KeyPair keys, X509Certificate certificate) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA. */
    public static Identity ca(String commonName) {
        KeyPair keys = ec();
        return new Identity(keys, build(commonName, keys, null, keys.getPrivate(), true, null,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))));
    }

    /** A server certificate for {@code 127.0.0.1} and {@code localhost}, signed by {@code ca}. */
    public static Identity server(Identity ca, KeyPair keys) {
        return leaf("server", keys, ca, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    /** A server certificate naming only {@code elsewhere.example}: host-name verification must refuse it. */
    public static Identity serverForOtherHost(Identity ca) {
        return leaf("elsewhere", ec(), ca, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "elsewhere.example")),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    /** A server certificate that expired yesterday. */
    public static Identity expiredServer(Identity ca) {
        return leaf("expired", ec(), ca, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
                Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)));
    }

    /** A client certificate signed by {@code ca}. */
    public static Identity client(Identity ca, String commonName) {
        return leaf(commonName, ec(), ca, KeyPurposeId.id_kp_clientAuth, null,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    private static Identity leaf(String commonName, KeyPair keys, Identity ca, KeyPurposeId purpose, GeneralNames names,
                                 Instant notBefore, Instant notAfter) {
        return new Identity(keys, build(commonName, keys, ca.certificate(), ca.privateKey(), false,
                new Object[] {purpose, names}, notBefore, notAfter));
    }

    private static X509Certificate build(String commonName, KeyPair keys, X509Certificate issuer, PrivateKey signer,
                                         boolean isCa, Object[] leafExtensions, Instant notBefore, Instant notAfter) {
        try {
            X500Name subject = new X500Name("CN=" + commonName);
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            var builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage((KeyPurposeId) leafExtensions[0]));
                if (leafExtensions[1] != null) {
                    builder.addExtension(Extension.subjectAlternativeName, false, (GeneralNames) leafExtensions[1]);
                }
            }
            String algorithm = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build test certificate", e);
        }
    }

    /** PEM of certificates, in order. */
    public static String pem(X509Certificate... certificates) {
        return write(certificates);
    }

    /** PKCS#8 PEM ({@code PRIVATE KEY}). */
    public static String pkcs8Pem(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenSSL's traditional form: {@code RSA PRIVATE KEY} (PKCS#1). */
    public static String traditionalPem(PrivateKey key) {
        return write(key);
    }

    /**
     * {@code EC PRIVATE KEY} (SEC1) as {@code openssl ec} writes it: version, key, {@code [0]} named curve,
     * {@code [1]} public key. (The JDK's own encoding leaves the curve out of the inner structure.)
     */
    public static String sec1Pem(KeyPair keys) {
        try {
            var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
            var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            var publicBits = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
                    .getPublicKeyData();
            var full = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), publicBits,
                    info.getPrivateKeyAlgorithm().getParameters());
            return write(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", full.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    public static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}

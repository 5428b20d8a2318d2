package dev.vaylix.server.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for the TLS integration tests, written as PEM files the server reads with
 * {@code --tls-cert}, {@code --tls-key} and {@code --tls-client-ca}: a CA, a server certificate for
 * 127.0.0.1 and client certificates, EC P-256, valid from yesterday for a week.
 */
public final class TestCertificates {

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private static long serial = System.nanoTime();

    private TestCertificates() {
    }

    public static Issued authority(String name) {
        return issue(name, null, true, null);
    }

    /** A server certificate for 127.0.0.1 and the host names {@code dnsNames}. */
    public static Issued server(Issued authority, String... dnsNames) {
        return issue("vaylix-it-server", authority, false, KeyPurposeId.id_kp_serverAuth, dnsNames);
    }

    public static Issued client(Issued authority, String name) {
        return issue(name, authority, false, KeyPurposeId.id_kp_clientAuth);
    }

    /** Writes {@code <name>.crt} and {@code <name>.key} (PKCS#8) into {@code directory}; returns the certificate path. */
    public static Path write(Path directory, String name, Issued issued) {
        try {
            Files.writeString(directory.resolve(name + ".key"), pem(new JcaPKCS8Generator(issued.keys().getPrivate(), null)));
            return Files.writeString(directory.resolve(name + ".crt"), pem(issued.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Issued issue(String name, Issued issuer, boolean authority, KeyPurposeId purpose, String... dnsNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + name);
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(++serial),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(7))), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                GeneralName[] names = new GeneralName[1 + dnsNames.length];
                names[0] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
                for (int i = 0; i < dnsNames.length; i++) {
                    names[i + 1] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
            return new Issued(new JcaX509CertificateConverter().getCertificate(builder.build(signer)), keys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}

package dev.vaylix.client.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests, generated with BouncyCastle: one CA, a server certificate for
 * {@code 127.0.0.1}/{@code localhost}, a client certificate, and the PEM files of all of them in a directory.
 *
 * @param caCert     the CA certificate (PEM file {@code ca.pem})
 * @param server     server identity ({@code server.pem}, {@code server.key})
 * @param client     client identity ({@code client.pem}, {@code client.key})
 * @param directory  where the files are
 */
public record TestCertificates(X509Certificate caCert, Identity server, Identity client, Path directory) {

    /** A certificate and its key pair. */
    public record Identity(X509Certificate certificate, KeyPair keys, Path certificateFile, Path keyFile) {
    }

    private static final AtomicLong SERIALS = new AtomicLong(1);

    public Path caFile() {
        return directory.resolve("ca.pem");
    }

    /** Generates everything and writes the PEM files into {@code directory}. */
    public static TestCertificates create(Path directory) throws IOException {
        KeyPair caKeys = ecKeys();
        X500Name caName = new X500Name("CN=vaylix test ca");
        X509Certificate ca = sign(caName, caName, caKeys, caKeys, true, null);
        write(directory.resolve("ca.pem"), List.of(ca));
        Identity server = leaf(directory, "server", caName, caKeys, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        Identity client = leaf(directory, "client", caName, caKeys, null);
        return new TestCertificates(ca, server, client, directory);
    }

    /** An unrelated CA's certificate file, which no certificate here chains to. */
    public static Path strangerCa(Path directory) throws IOException {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=stranger");
        Path file = directory.resolve("stranger-ca.pem");
        write(file, List.of(sign(name, name, keys, keys, true, null)));
        return file;
    }

    private static Identity leaf(Path directory, String name, X500Name issuer, KeyPair issuerKeys, GeneralNames names)
            throws IOException {
        KeyPair keys = ecKeys();
        X509Certificate certificate = sign(new X500Name("CN=" + name), issuer, keys, issuerKeys, false, names);
        Path certificateFile = directory.resolve(name + ".pem");
        Path keyFile = directory.resolve(name + ".key");
        write(certificateFile, List.of(certificate));
        try {
            write(keyFile, List.of(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IOException(e);
        }
        return new Identity(certificate, keys, certificateFile, keyFile);
    }

    private static X509Certificate sign(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys,
                                        boolean ca, GeneralNames names) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(7))), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, List<Object> objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        Files.writeString(file, text.toString());
    }
}

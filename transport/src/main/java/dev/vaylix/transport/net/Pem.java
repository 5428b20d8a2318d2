package dev.vaylix.transport.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files with the JDK alone: X.509 certificates ({@code CERTIFICATE}) and unencrypted private
 * keys in PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519/Ed448, RSASSA-PSS), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}, optionally preceded by {@code EC PARAMETERS}).
 *
 * <p>Failures are {@link IllegalArgumentException}s naming the source and the problem, never any key
 * material; file read errors are {@link IOException}s. Callers map both onto their error code
 * ({@code SRV-010} on the server). Thread-safe.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** PKCS#8 key algorithms the JDK can read, tried in this order. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "XDH");

    private Pem() {
    }

    /** One PEM block: its label (e.g. {@code CERTIFICATE}) and decoded content. */
    record Block(String label, byte[] der) {
    }

    /** Every certificate in a PEM file, in file order (a chain: leaf first). At least one is required. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return certificates(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** The private key in a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        return privateKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** Every certificate in PEM text; {@code source} names it in error messages. */
    public static List<X509Certificate> certificates(String pem, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        for (Block block : blocks(pem, source)) {
            if (!block.label().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new IllegalArgumentException(source + ": certificate " + (certificates.size() + 1)
                        + " is not a valid X.509 certificate: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(source + ": no CERTIFICATE block");
        }
        return List.copyOf(certificates);
    }

    /** The (first) private key in PEM text; {@code source} names it in error messages. */
    public static PrivateKey privateKey(String pem, String source) {
        byte[] curve = null;
        for (Block block : blocks(pem, source)) {
            switch (block.label()) {
                case "EC PARAMETERS" -> curve = block.der();
                case "PRIVATE KEY" -> {
                    return pkcs8(block.der(), source);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(convert(() -> Der.pkcs8FromPkcs1(block.der()), source), source);
                }
                case "EC PRIVATE KEY" -> {
                    byte[] namedCurve = curve;
                    return pkcs8(convert(() -> Der.pkcs8FromSec1(block.der(), namedCurve), source), source);
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
                        source + ": encrypted private keys are not supported; decrypt it to PKCS#8 first");
                default -> {
                    // Certificates or other blocks next to the key are allowed and skipped.
                }
            }
        }
        throw new IllegalArgumentException(source + ": no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
    }

    static List<Block> blocks(String pem, String source) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            String body = matcher.group(2);
            if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
                throw new IllegalArgumentException(source + ": encrypted (legacy) PEM blocks are not supported");
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + matcher.group(1) + " block is not valid base64", e);
            }
        }
        return blocks;
    }

    private static PrivateKey pkcs8(byte[] der, String source) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // Not this algorithm; try the next one.
            }
        }
        throw new IllegalArgumentException(source + ": unsupported or malformed private key (tried "
                + String.join(", ", KEY_ALGORITHMS) + ")");
    }

    private interface Conversion {
        byte[] convert();
    }

    private static byte[] convert(Conversion conversion, String source) {
        try {
            return conversion.convert();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}

package dev.vaylix.transport.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.transport.testing.TestPki;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM certificates and keys in every form a server may be given (STORAGE.md §15: PKCS#8, PKCS#1, SEC1). */
class PemTest {

    private static final TestPki.Identity CA = TestPki.ca("pem-test-ca");

    private static void assertSameKey(PrivateKey expected, PrivateKey actual) {
        assertEquals(expected.getAlgorithm(), actual.getAlgorithm());
        if (expected instanceof java.security.interfaces.ECPrivateKey ec) {
            // The JDK keeps whatever optional fields the encoding had; the key is the scalar on its curve.
            var loaded = (java.security.interfaces.ECPrivateKey) actual;
            assertEquals(ec.getS(), loaded.getS());
            assertEquals(ec.getParams().getCurve(), loaded.getParams().getCurve());
        } else {
            assertArrayEquals(expected.getEncoded(), actual.getEncoded());
        }
    }

    @Test
    void rsaKeysLoadFromPkcs8AndPkcs1() {
        KeyPair keys = TestPki.rsa(1024); // parsing only: a small key keeps the test fast
        assertTrue(TestPki.pkcs8Pem(keys.getPrivate()).contains("BEGIN PRIVATE KEY"));
        assertSameKey(keys.getPrivate(), Pem.privateKey(TestPki.pkcs8Pem(keys.getPrivate()), "rsa.pem"));
        String pkcs1 = TestPki.traditionalPem(keys.getPrivate());
        assertTrue(pkcs1.contains("BEGIN RSA PRIVATE KEY"));
        assertSameKey(keys.getPrivate(), Pem.privateKey(pkcs1, "rsa1.pem"));
    }

    @Test
    void ecKeysLoadFromPkcs8AndSec1() {
        KeyPair keys = TestPki.ec();
        assertSameKey(keys.getPrivate(), Pem.privateKey(TestPki.pkcs8Pem(keys.getPrivate()), "ec.pem"));
        String sec1 = TestPki.sec1Pem(keys);
        assertTrue(sec1.contains("BEGIN EC PRIVATE KEY"));
        assertSameKey(keys.getPrivate(), Pem.privateKey(sec1, "sec1.pem"));
    }

    @Test
    void aSec1KeyWithoutCurveParametersTakesThemFromAnEcParametersBlock() {
        KeyPair keys = TestPki.ec();
        // ECPrivateKey { version 1, privateKey } without [0]: d from the JDK's PKCS#8 encoding, as "openssl ecparam -genkey" splits it.
        byte[] d = ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS().toByteArray();
        byte[] scalar = new byte[32];
        System.arraycopy(d, Math.max(0, d.length - 32), scalar, Math.max(0, 32 - d.length), Math.min(32, d.length));
        byte[] sec1 = Der.tlv(Der.TAG_SEQUENCE, concat(new byte[] {0x02, 0x01, 0x01}, Der.tlv(Der.TAG_OCTET_STRING, scalar)));
        byte[] prime256v1 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
        String pem = block("EC PARAMETERS", prime256v1) + block("EC PRIVATE KEY", sec1);
        PrivateKey loaded = Pem.privateKey(pem, "split.pem");
        assertEquals(((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
                ((java.security.interfaces.ECPrivateKey) loaded).getS());
        IllegalArgumentException noCurve = assertThrows(IllegalArgumentException.class,
                () -> Pem.privateKey(block("EC PRIVATE KEY", sec1), "nocurve.pem"));
        assertTrue(noCurve.getMessage().contains("names no curve"), noCurve.getMessage());
    }

    @Test
    void ed25519KeysLoadFromPkcs8() throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        assertArrayEquals(key.getEncoded(), Pem.privateKey(block("PRIVATE KEY", key.getEncoded()), "ed.pem").getEncoded());
    }

    @Test
    void aChainLoadsInFileOrderAndOtherBlocksAreSkipped() {
        TestPki.Identity server = TestPki.server(CA, TestPki.ec());
        String pem = TestPki.pem(server.certificate(), CA.certificate()) + TestPki.pkcs8Pem(server.privateKey());
        assertEquals(List.of(server.certificate(), CA.certificate()), Pem.certificates(pem, "chain.pem"));
        assertSameKey(server.privateKey(), Pem.privateKey(pem, "chain.pem"));
    }

    @Test
    void unusableInputIsRefusedWithAReasonAndNoKeyMaterial(@TempDir Path directory) throws Exception {
        KeyPair keys = TestPki.ec();
        String secret = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        List<String> refused = List.of(
                "", "just text", block("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}),
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
                block("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}),
                block("RSA PRIVATE KEY", new byte[] {0x04, 0x00}));
        for (String pem : refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pem.privateKey(pem, "bad.pem"));
            assertTrue(e.getMessage().startsWith("bad.pem: "), e.getMessage());
            assertFalse(e.getMessage().contains(secret.substring(0, 20)));
        }
        assertThrows(IllegalArgumentException.class, () -> Pem.certificates(TestPki.pkcs8Pem(keys.getPrivate()), "k.pem"));
        assertThrows(IllegalArgumentException.class, () -> Pem.certificates(block("CERTIFICATE", new byte[] {1}), "c.pem"));
        assertThrows(java.io.IOException.class, () -> Pem.readCertificates(directory.resolve("missing.pem")));
        Path file = TestPki.write(directory, "ca.pem", TestPki.pem(CA.certificate()));
        assertEquals(List.of(CA.certificate()), Pem.readCertificates(file));
    }

    static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}

package dev.vaylix.transport.net;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The little DER this module needs to turn PKCS#1 and SEC1 private keys into PKCS#8, which is all the JDK's
 * key factories read. Not a general ASN.1 library: it reads definite-length TLVs and writes the few
 * structures of RFC 5208 / RFC 5915 involved. Malformed input is an {@link IllegalArgumentException}.
 */
final class Der {

    static final int TAG_INTEGER = 0x02;
    static final int TAG_OCTET_STRING = 0x04;
    static final int TAG_NULL = 0x05;
    static final int TAG_OID = 0x06;
    static final int TAG_SEQUENCE = 0x30;
    /** {@code [0]} constructed: the parameters of a SEC1 ECPrivateKey. */
    static final int TAG_CONTEXT_0 = 0xA0;

    /** OID 1.2.840.113549.1.1.1 (rsaEncryption), as a complete TLV. */
    static final byte[] OID_RSA_ENCRYPTION = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    /** OID 1.2.840.10045.2.1 (id-ecPublicKey), as a complete TLV. */
    static final byte[] OID_EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] NULL = {TAG_NULL, 0x00};
    private static final byte[] INTEGER_ZERO = {TAG_INTEGER, 0x01, 0x00};

    private Der() {
    }

    /** One TLV: its tag, where its content starts and ends, and where the whole element ends. */
    record Element(int tag, byte[] source, int start, int contentStart, int end) {
        byte[] content() {
            return Arrays.copyOfRange(source, contentStart, end);
        }

        byte[] encoded() {
            return Arrays.copyOfRange(source, start, end);
        }
    }

    /** Reads the element starting at {@code offset}, which must end within {@code limit}. */
    static Element read(byte[] source, int offset, int limit) {
        if (offset + 2 > limit) {
            throw new IllegalArgumentException("truncated DER element");
        }
        int tag = source[offset] & 0xFF;
        int first = source[offset + 1] & 0xFF;
        int position = offset + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || position + count > limit) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (source[position++] & 0xFF);
            }
        }
        if (length > limit - position) {
            throw new IllegalArgumentException("DER element longer than its container");
        }
        return new Element(tag, source, offset, position, position + (int) length);
    }

    static Element expect(Element element, int tag, String what) {
        if (element.tag() != tag) {
            throw new IllegalArgumentException(what + ": unexpected DER tag 0x" + Integer.toHexString(element.tag()));
        }
        return element;
    }

    /** PKCS#8 PrivateKeyInfo for a PKCS#1 RSAPrivateKey. */
    static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        expect(read(pkcs1, 0, pkcs1.length), TAG_SEQUENCE, "RSA PRIVATE KEY");
        return tlv(TAG_SEQUENCE, concat(INTEGER_ZERO, tlv(TAG_SEQUENCE, concat(OID_RSA_ENCRYPTION, NULL)),
                tlv(TAG_OCTET_STRING, pkcs1)));
    }

    /**
     * PKCS#8 PrivateKeyInfo for a SEC1 ECPrivateKey. The named curve comes from the key's own {@code [0]}
     * parameters, else from {@code curveOidTlv} (an {@code EC PARAMETERS} block); explicit curve parameters
     * are not supported.
     */
    static byte[] pkcs8FromSec1(byte[] sec1, byte[] curveOidTlv) {
        Element sequence = expect(read(sec1, 0, sec1.length), TAG_SEQUENCE, "EC PRIVATE KEY");
        Element version = expect(read(sec1, sequence.contentStart(), sequence.end()), TAG_INTEGER, "EC PRIVATE KEY version");
        Element key = expect(read(sec1, version.end(), sequence.end()), TAG_OCTET_STRING, "EC PRIVATE KEY key");
        byte[] curve = curveOidTlv;
        if (key.end() < sequence.end()) {
            Element next = read(sec1, key.end(), sequence.end());
            if (next.tag() == TAG_CONTEXT_0) {
                curve = expect(read(sec1, next.contentStart(), next.end()), TAG_OID, "EC PRIVATE KEY curve").encoded();
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("EC PRIVATE KEY names no curve");
        }
        return tlv(TAG_SEQUENCE, concat(INTEGER_ZERO, tlv(TAG_SEQUENCE, concat(OID_EC_PUBLIC_KEY, curve)),
                tlv(TAG_OCTET_STRING, sec1)));
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

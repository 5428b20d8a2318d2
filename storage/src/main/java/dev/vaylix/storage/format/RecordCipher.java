package dev.vaylix.storage.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * AES-256-GCM for the records of one file.
 *
 * <p><b>Key.</b> Each file gets its own key, {@code HKDF-SHA256(ikm = keyring data key (or master key
 * for the keyring), salt = the file's random 32-byte salt, info = "vaylix storage v3 " + kind label)}.
 *
 * <p><b>Nonce, and why it is never reused under one key.</b> The 96-bit nonce is
 * {@code 0x00000000 || offset (u64 big-endian)}, where the offset is the byte position of the record
 * in its file. A file is written append-only, exactly once: it is never reopened for writing by a
 * later process and no byte range is ever written twice (torn-tail repair truncates and then seals
 * the file; a Raft conflict writes a newer record further on or a newer file, never over an old
 * record). So within a file every record has a distinct offset, hence a distinct nonce. Across files
 * the keys differ, because the salts are 256-bit random values. No (key, nonce) pair repeats.
 *
 * <p><b>Associated data</b> binds each record to its file, kind and position:
 * {@code header data (80 bytes: kind, key id, salt, segment sequence/start) || type (1) ||
 * offset (u64) || the record's plaintext metadata}. A record copied to another file or another
 * offset, or given another type, fails authentication; so does any change to the header.
 *
 * <p>Thread-safety: immutable; each thread uses its own {@link Cipher}.
 */
public final class RecordCipher {

    public static final int TAG_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int KEY_BYTES = 32;
    private static final int TAG_BITS = TAG_BYTES * 8;
    private static final int AAD_FIXED_BYTES = FileHeader.DATA_BYTES + 1 + 8;

    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM", e);
        }
    });

    private final SecretKey key;
    private final byte[] headerData;

    private RecordCipher(SecretKey key, byte[] headerData) {
        this.key = key;
        this.headerData = headerData;
    }

    /** Derives the file key for {@code header} from {@code keyMaterial} (32 bytes). */
    public static RecordCipher forFile(byte[] keyMaterial, FileHeader header) {
        if (keyMaterial.length != KEY_BYTES) {
            throw new IllegalArgumentException("key material must be 32 bytes");
        }
        try {
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            byte[] info = ("vaylix storage v" + FileHeader.FORMAT_VERSION + " " + header.kind().label())
                    .getBytes(StandardCharsets.US_ASCII);
            var spec = HKDFParameterSpec.ofExtract().addIKM(keyMaterial).addSalt(header.salt()).thenExpand(info, KEY_BYTES);
            return new RecordCipher(hkdf.deriveKey("AES", spec), header.encode());
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK lacks HKDF-SHA256", e);
        }
    }

    /** Ciphertext size for {@code plaintextBytes}: the plaintext plus the tag. */
    public static int sealedBytes(int plaintextBytes) {
        return plaintextBytes + TAG_BYTES;
    }

    /**
     * Encrypts {@code plaintext} (its remaining bytes) into {@code out} at its position.
     *
     * @param metadata plaintext bytes of the record that are authenticated but not encrypted (its
     *                 remaining bytes; positions are not changed)
     */
    public void seal(RecordType type, long offset, ByteBuffer metadata, ByteBuffer plaintext, ByteBuffer out) {
        Cipher cipher = init(Cipher.ENCRYPT_MODE, type, offset, metadata);
        try {
            cipher.doFinal(plaintext, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Encrypts, in place, the {@code plaintextBytes} at {@code buffer}'s position and appends the tag
     * after them; the position ends after the tag. The same record as {@link #seal} would write, without
     * a copy; on an array-backed buffer it takes JCE's array path, which for AES-GCM is several times
     * faster than its direct-buffer path.
     *
     * @param metadata as for {@link #seal}
     */
    public void sealInPlace(RecordType type, long offset, ByteBuffer metadata, ByteBuffer buffer, int plaintextBytes) {
        Cipher cipher = init(Cipher.ENCRYPT_MODE, type, offset, metadata);
        int at = buffer.position();
        try {
            if (buffer.hasArray()) {
                int base = buffer.arrayOffset() + at;
                int written = cipher.doFinal(buffer.array(), base, plaintextBytes, buffer.array(), base);
                buffer.position(at + written);
            } else {
                byte[] plaintext = new byte[plaintextBytes];
                buffer.get(at, plaintext);
                cipher.doFinal(ByteBuffer.wrap(plaintext), buffer);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts and authenticates {@code sealed} (its remaining bytes: ciphertext and tag).
     *
     * @return the plaintext, a new array owned by the caller
     * @throws AEADBadTagException if anything the tag covers was changed, or the key is wrong
     */
    public byte[] open(RecordType type, long offset, ByteBuffer metadata, ByteBuffer sealed)
            throws AEADBadTagException {
        if (sealed.remaining() < TAG_BYTES) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        Cipher cipher = init(Cipher.DECRYPT_MODE, type, offset, metadata);
        // Arrays in and out: JCE's AES-GCM array path is several times faster than its buffer path.
        byte[] input;
        int inputOffset;
        if (sealed.hasArray()) {
            input = sealed.array();
            inputOffset = sealed.arrayOffset() + sealed.position();
        } else {
            input = new byte[sealed.remaining()];
            sealed.get(sealed.position(), input);
            inputOffset = 0;
        }
        byte[] plaintext = new byte[sealed.remaining() - TAG_BYTES];
        try {
            cipher.doFinal(input, inputOffset, sealed.remaining(), plaintext, 0);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        return plaintext;
    }

    private Cipher init(int mode, RecordType type, long offset, ByteBuffer metadata) {
        if (offset < FileHeader.RECORD_BYTES) {
            throw new IllegalArgumentException("encrypted records follow the file header: offset " + offset);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        ByteBuffer.wrap(nonce).putLong(4, offset);
        ByteBuffer aad = ByteBuffer.allocate(AAD_FIXED_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        aad.put(headerData).put((byte) type.code()).putLong(offset).flip();
        Cipher cipher = GCM.get();
        try {
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM initialisation failed", e);
        }
        cipher.updateAAD(aad);
        cipher.updateAAD(metadata.duplicate());
        return cipher;
    }
}

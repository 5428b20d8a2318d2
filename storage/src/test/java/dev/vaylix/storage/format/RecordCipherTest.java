package dev.vaylix.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** The associated data binds a sealed record to its file, type, position and metadata. */
class RecordCipherTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        SecureRandom random = new SecureRandom();
        random.nextBytes(KEY);
        random.nextBytes(OTHER_KEY);
    }

    private final FileHeader file = FileHeader.create(FileKind.WAL_SEGMENT, FileHeader.CIPHER_AES_256_GCM, new byte[16], 1, 1, 0);
    private final RecordCipher cipher = RecordCipher.forFile(KEY, file);
    private final ByteBuffer metadata = ByteBuffer.wrap("meta".getBytes(StandardCharsets.US_ASCII));
    private final byte[] plaintext = "payload with \0 and \u00ff".getBytes(StandardCharsets.UTF_8);

    private ByteBuffer sealed(long offset) {
        ByteBuffer out = ByteBuffer.allocate(RecordCipher.sealedBytes(plaintext.length));
        cipher.seal(RecordType.WAL_ENTRY, offset, metadata, ByteBuffer.wrap(plaintext), out);
        return out.flip();
    }

    @Test
    void a_sealed_record_opens_where_it_was_written() throws AEADBadTagException {
        assertArrayEquals(plaintext, cipher.open(RecordType.WAL_ENTRY, 200, metadata, sealed(200)));
    }

    @Test
    void a_record_moved_to_another_offset_fails_authentication() {
        assertThrows(AEADBadTagException.class, () -> cipher.open(RecordType.WAL_ENTRY, 300, metadata, sealed(200)));
    }

    @Test
    void a_record_read_as_another_type_fails_authentication() {
        assertThrows(AEADBadTagException.class, () -> cipher.open(RecordType.WAL_COMMIT, 200, metadata, sealed(200)));
    }

    @Test
    void a_record_copied_into_another_file_fails_authentication_even_under_the_same_data_key() {
        FileHeader another = FileHeader.create(FileKind.WAL_SEGMENT, FileHeader.CIPHER_AES_256_GCM, new byte[16], 1, 1, 0);
        RecordCipher otherFile = RecordCipher.forFile(KEY, another);
        assertThrows(AEADBadTagException.class, () -> otherFile.open(RecordType.WAL_ENTRY, 200, metadata, sealed(200)));
    }

    @Test
    void a_record_of_another_file_kind_fails_authentication() {
        FileHeader snapshot = new FileHeader(FileKind.SNAPSHOT, FileHeader.CIPHER_AES_256_GCM, new byte[16], file.salt(), 1, 1, 0);
        assertThrows(AEADBadTagException.class,
                () -> RecordCipher.forFile(KEY, snapshot).open(RecordType.WAL_ENTRY, 200, metadata, sealed(200)));
    }

    @Test
    void changed_plaintext_metadata_or_header_fields_fail_authentication() {
        ByteBuffer record = sealed(200);
        ByteBuffer changed = ByteBuffer.wrap("metb".getBytes(StandardCharsets.US_ASCII));
        assertThrows(AEADBadTagException.class, () -> cipher.open(RecordType.WAL_ENTRY, 200, changed, record.duplicate()));
        FileHeader otherStart = new FileHeader(FileKind.WAL_SEGMENT, FileHeader.CIPHER_AES_256_GCM, new byte[16], file.salt(), 1, 2, 0);
        assertThrows(AEADBadTagException.class,
                () -> RecordCipher.forFile(KEY, otherStart).open(RecordType.WAL_ENTRY, 200, metadata, record.duplicate()));
    }

    @Test
    void the_jdk_refuses_to_seal_twice_with_one_key_and_nonce() {
        sealed(200);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sealed(200));
        org.junit.jupiter.api.Assertions.assertTrue(String.valueOf(e.getCause().getMessage()).contains("reuse"), e.toString());
    }

    @Test
    void the_wrong_key_fails_authentication() {
        assertThrows(AEADBadTagException.class,
                () -> RecordCipher.forFile(OTHER_KEY, file).open(RecordType.WAL_ENTRY, 200, metadata, sealed(200)));
    }

    @Test
    void a_flipped_ciphertext_bit_fails_authentication() {
        ByteBuffer bytes = sealed(200);
        bytes.put(3, (byte) (bytes.get(3) ^ 1));
        assertThrows(AEADBadTagException.class, () -> cipher.open(RecordType.WAL_ENTRY, 200, metadata, bytes));
    }
}

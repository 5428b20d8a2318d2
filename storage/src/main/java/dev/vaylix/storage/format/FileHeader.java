package dev.vaylix.storage.format;

import dev.vaylix.storage.io.StorageErrors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The plaintext first record of every file ({@link RecordType#FILE_HEADER}), 80 data bytes:
 *
 * <pre>
 * offset size field
 *      0    4 magic "VXST"
 *      4    1 format version = {@link #FORMAT_VERSION}
 *      5    1 file kind     ({@link FileKind#code()})
 *      6    1 cipher        (0 none, 1 AES-256-GCM with an HKDF-SHA256 per-file key)
 *      7    1 reserved = 0
 *      8   16 key id        (the keyring key; for a wrapped keyring the master key fingerprint)
 *     24   32 file salt     (random per file: the file's identity and its HKDF salt)
 *     56    8 field 1 u64   (WAL segment: segment sequence number)
 *     64    8 field 2 u64   (WAL segment: start index)
 *     72    8 field 3 u64   (WAL segment: term of the entry before the start index)
 * </pre>
 *
 * <p>Integers are little-endian like the framing. All 80 bytes are part of every later record's
 * associated data ({@link RecordCipher}), so changing any of them makes every record of the file fail
 * authentication.
 */
public record FileHeader(FileKind kind, int cipher, byte[] keyId, byte[] salt, long field1, long field2, long field3) {

    /** Storage format version 3: the format of this module (2 was the reference's monolithic {@code wal.log}). */
    public static final int FORMAT_VERSION = 3;
    public static final int CIPHER_NONE = 0;
    public static final int CIPHER_AES_256_GCM = 1;
    public static final int KEY_ID_BYTES = 16;
    public static final int SALT_BYTES = 32;
    /** {@code 4 + 1 + 1 + 1 + 1 + 16 + 32 + 8 + 8 + 8}. */
    public static final int DATA_BYTES = 4 + 1 + 1 + 1 + 1 + KEY_ID_BYTES + SALT_BYTES + 8 + 8 + 8;
    /** The header record on disk: {@code RecordFormat.HEADER_BYTES + DATA_BYTES}. */
    public static final int RECORD_BYTES = RecordFormat.HEADER_BYTES + DATA_BYTES;

    private static final byte[] MAGIC = "VXST".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    public FileHeader {
        if (keyId.length != KEY_ID_BYTES || salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("key id is 16 bytes and salt 32");
        }
        if (cipher != CIPHER_NONE && cipher != CIPHER_AES_256_GCM) {
            throw new IllegalArgumentException("unknown cipher " + cipher);
        }
        keyId = keyId.clone();
        salt = salt.clone();
    }

    /** A header with a fresh random salt. */
    public static FileHeader create(FileKind kind, int cipher, byte[] keyId, long field1, long field2, long field3) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new FileHeader(kind, cipher, keyId, salt, field1, field2, field3);
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The 80 data bytes. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(DATA_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) FORMAT_VERSION).put((byte) kind.code()).put((byte) cipher).put((byte) 0);
        out.put(keyId).put(salt).putLong(field1).putLong(field2).putLong(field3);
        return out.array();
    }

    /** Writes the whole header record at {@code dst}'s position. */
    public void writeRecord(ByteBuffer dst) {
        int start = RecordFormat.begin(dst, RecordType.FILE_HEADER);
        dst.put(encode());
        RecordFormat.finish(dst, start);
    }

    /**
     * Parses header data already checked by CRC.
     *
     * @throws dev.vaylix.api.VaylixException ENG-009 for another magic, version, kind or cipher
     */
    public static FileHeader decode(Path path, ByteBuffer data, FileKind expected) {
        if (data.remaining() != DATA_BYTES) {
            throw StorageErrors.unsupported(path + ": file header is " + data.remaining() + " bytes, expected " + DATA_BYTES);
        }
        ByteBuffer in = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw StorageErrors.unsupported(path + ": not a Vaylix storage file (magic " + HexFormat.of().formatHex(magic) + ")");
        }
        int version = Byte.toUnsignedInt(in.get());
        if (version != FORMAT_VERSION) {
            throw StorageErrors.unsupported(path + ": storage format version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        int kindCode = Byte.toUnsignedInt(in.get());
        FileKind kind = FileKind.fromCode(kindCode).orElse(null);
        if (kind != expected) {
            throw StorageErrors.unsupported(path + ": file kind " + kindCode + " where a " + expected.label() + " was expected");
        }
        int cipher = Byte.toUnsignedInt(in.get());
        int reserved = Byte.toUnsignedInt(in.get());
        if ((cipher != CIPHER_NONE && cipher != CIPHER_AES_256_GCM) || reserved != 0) {
            throw StorageErrors.unsupported(path + ": cipher " + cipher + " / reserved " + reserved);
        }
        byte[] keyId = new byte[KEY_ID_BYTES];
        byte[] salt = new byte[SALT_BYTES];
        in.get(keyId).get(salt);
        return new FileHeader(kind, cipher, keyId, salt, in.getLong(), in.getLong(), in.getLong());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileHeader that && Arrays.equals(encode(), that.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "FileHeader[" + kind + ", cipher " + cipher + ", " + field1 + "/" + field2 + "/" + field3 + "]";
    }
}

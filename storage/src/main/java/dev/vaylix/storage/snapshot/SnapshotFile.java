package dev.vaylix.storage.snapshot;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.storage.crypto.DataKey;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.format.ByteSource;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.MsgpackFields;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordFormat;
import dev.vaylix.storage.format.RecordScanner;
import dev.vaylix.storage.format.RecordType;
import dev.vaylix.storage.format.SingleRecordFile;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;

/**
 * {@code snapshot.bin}: a {@link FileHeader} (kind snapshot, AES-256-GCM, key id), one
 * {@link RecordType#SNAPSHOT_META} record and the plaintext in {@link RecordType#SNAPSHOT_CHUNK}
 * records of at most {@link #CHUNK_BYTES} each, every record sealed under the file's key with its
 * offset as nonce. The metadata record is MessagePack:
 *
 * <pre>
 * {"index": u64, "term": u64, "membership": bin, "created_at_ms": u64, "size_bytes": u64,
 *  "sha256": bin32, "chunk_bytes": u64, "chunk_count": u64}
 * </pre>
 *
 * <p>The file describes itself completely, so it stays usable when the manifest is stale or lost.
 * Chunking keeps every record far below the record size limit and lets the writer stream.
 */
final class SnapshotFile {

    static final int CHUNK_BYTES = 1 << 20;

    private SnapshotFile() {
    }

    /** What a snapshot file says about itself, and the file's identity (its salt). */
    record Described(SnapshotMeta meta, byte[] fileId, long chunkCount) {
    }

    static byte[] sha256(Bytes data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data.asReadOnlyBuffer());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Writes the whole file into {@code file} (empty, open for writing) and returns the metadata. */
    static Described write(StorageFile file, DataKey key, long index, long term, Bytes membership, long createdAtMs,
                           Bytes data) throws IOException {
        FileHeader header = FileHeader.create(FileKind.SNAPSHOT, FileHeader.CIPHER_AES_256_GCM, key.idBytes(), 0, 0, 0);
        RecordCipher cipher = RecordCipher.forFile(key.material(), header);
        long chunkCount = (data.length() + CHUNK_BYTES - 1) / CHUNK_BYTES;
        SnapshotMeta meta = new SnapshotMeta(index, term, membership, createdAtMs, data.length(), Bytes.wrapUnsafe(sha256(data)),
                key.id().toString());
        byte[] metaBytes = MsgpackFields.pack(8, packer -> {
            MsgpackFields.packU64(packer, "index", index);
            MsgpackFields.packU64(packer, "term", term);
            MsgpackFields.packBin(packer, "membership", membership.toByteArray());
            MsgpackFields.packU64(packer, "created_at_ms", createdAtMs);
            MsgpackFields.packU64(packer, "size_bytes", data.length());
            MsgpackFields.packBin(packer, "sha256", meta.sha256().toByteArray());
            MsgpackFields.packU64(packer, "chunk_bytes", CHUNK_BYTES);
            MsgpackFields.packU64(packer, "chunk_count", chunkCount);
        });
        ByteBuffer out = ByteBuffer.allocate(FileHeader.RECORD_BYTES + RecordFormat.HEADER_BYTES
                + RecordCipher.sealedBytes(Math.max(metaBytes.length, CHUNK_BYTES))).order(ByteOrder.LITTLE_ENDIAN);
        header.writeRecord(out);
        long position = 0;
        position += writeSealed(file, out, position, cipher, RecordType.SNAPSHOT_META, ByteBuffer.wrap(metaBytes));
        ByteBuffer plaintext = data.asReadOnlyBuffer();
        for (long chunk = 0; chunk < chunkCount; chunk++) {
            int size = Math.min(CHUNK_BYTES, plaintext.remaining());
            position += writeSealed(file, out, position, cipher, RecordType.SNAPSHOT_CHUNK, plaintext.slice(plaintext.position(), size));
            plaintext.position(plaintext.position() + size);
        }
        return new Described(meta, header.salt(), chunkCount);
    }

    /** Appends one sealed record to what {@code out} already holds, writes it all at {@code position}; returns bytes written. */
    private static long writeSealed(StorageFile file, ByteBuffer out, long position, RecordCipher cipher, RecordType type,
                                    ByteBuffer plaintext) throws IOException {
        long recordOffset = position + out.position();
        int start = RecordFormat.begin(out, type);
        cipher.seal(type, recordOffset, ByteBuffer.allocate(0), plaintext, out);
        RecordFormat.finish(out, start);
        out.flip();
        int bytes = out.remaining();
        file.write(out, position);
        out.clear();
        return bytes;
    }

    /** Reads the header and metadata record only. */
    static Described describe(FileIO io, Path path, KeyProvider keys) {
        try (StorageFile file = io.open(path, FileIO.OpenMode.READ)) {
            Reader reader = new Reader(file, keys);
            return reader.described;
        } catch (IOException e) {
            throw StorageErrors.io("read", path, e);
        }
    }

    /** Reads and verifies the whole file: every chunk authenticated, size and SHA-256 checked, nothing after the end. */
    static Bytes read(FileIO io, Path path, KeyProvider keys, Described expected) {
        try (StorageFile file = io.open(path, FileIO.OpenMode.READ)) {
            Reader reader = new Reader(file, keys);
            if (!java.util.Arrays.equals(reader.described.fileId(), expected.fileId())) {
                throw ErrorCode.ENG_007.exception(path + " (it was replaced by another snapshot)");
            }
            return reader.readData();
        } catch (IOException e) {
            throw StorageErrors.io("read", path, e);
        }
    }

    /** Sequential reader positioned after the metadata record. */
    private static final class Reader {
        private final Path path;
        private final RecordScanner scanner;
        private final RecordCipher cipher;
        private final Described described;

        Reader(StorageFile file, KeyProvider keys) throws IOException {
            this.path = file.path();
            this.scanner = new RecordScanner(ByteSource.of(file), 0, file.size());
            RecordScanner.Found headerRecord = next(RecordType.FILE_HEADER);
            FileHeader header = FileHeader.decode(path, headerRecord.data(), FileKind.SNAPSHOT);
            if (header.cipher() != FileHeader.CIPHER_AES_256_GCM) {
                throw StorageErrors.unsupported(path + ": a snapshot must be encrypted");
            }
            DataKey key = keys.key(DataKey.uuidOf(header.keyId()));
            this.cipher = RecordCipher.forFile(key.material(), header);
            MsgpackFields fields = MsgpackFields.decode(open(next(RecordType.SNAPSHOT_META), RecordType.SNAPSHOT_META),
                    path.toString(), ErrorCode.ENG_004);
            long sizeBytes = fields.u64("size_bytes");
            long chunkBytes = fields.u64("chunk_bytes");
            long chunkCount = fields.u64("chunk_count");
            if (sizeBytes > Integer.MAX_VALUE - 8 || chunkBytes < 1 || chunkBytes > RecordFormat.MAX_DATA_BYTES / 2
                    || chunkCount != (sizeBytes + chunkBytes - 1) / chunkBytes) {
                throw ErrorCode.ENG_004.exception(path + ": inconsistent size " + sizeBytes + " / chunks " + chunkCount + " of " + chunkBytes);
            }
            SnapshotMeta meta = new SnapshotMeta(fields.u64("index"), fields.u64("term"), Bytes.wrapUnsafe(fields.bin("membership")),
                    fields.u64("created_at_ms"), sizeBytes, Bytes.wrapUnsafe(fields.bin("sha256", 32)), key.id().toString());
            this.described = new Described(meta, header.salt(), chunkCount);
        }

        Bytes readData() throws IOException {
            SnapshotMeta meta = described.meta();
            byte[] data = new byte[(int) meta.sizeBytes()];
            int filled = 0;
            for (long chunk = 0; chunk < described.chunkCount(); chunk++) {
                byte[] plaintext = open(next(RecordType.SNAPSHOT_CHUNK), RecordType.SNAPSHOT_CHUNK);
                if (plaintext.length > data.length - filled) {
                    throw ErrorCode.ENG_004.exception(path + ": chunk " + chunk + " runs past the declared size");
                }
                System.arraycopy(plaintext, 0, data, filled, plaintext.length);
                filled += plaintext.length;
            }
            if (filled != data.length) {
                throw ErrorCode.ENG_004.exception(path + ": " + filled + " bytes of " + data.length);
            }
            RecordScanner.Step rest = scanner.next();
            if (!(rest instanceof RecordScanner.Stopped stop) || stop.reason() != RecordScanner.Stop.END) {
                throw StorageErrors.checksum(path, scanner.offset(), "unexpected bytes after the last chunk");
            }
            Bytes result = Bytes.wrapUnsafe(data);
            if (!MessageDigest.isEqual(sha256(result), meta.sha256().toByteArray())) {
                throw ErrorCode.ENG_007.exception(path + " (SHA-256 of the content does not match its metadata)");
            }
            return result;
        }

        private RecordScanner.Found next(RecordType type) throws IOException {
            RecordScanner.Step step = scanner.next();
            if (step instanceof RecordScanner.Stopped stop) {
                throw StorageErrors.checksum(path, stop.offset(), "record " + SingleRecordFile.describe(stop.reason()));
            }
            RecordScanner.Found found = (RecordScanner.Found) step;
            if (found.typeCode() != type.code()) {
                throw ErrorCode.ENG_004.exception(path + ": record type " + found.typeCode() + " at offset " + found.offset()
                        + " where " + type + " was expected");
            }
            return found;
        }

        private byte[] open(RecordScanner.Found found, RecordType type) {
            try {
                return cipher.open(type, found.offset(), ByteBuffer.allocate(0), found.data());
            } catch (AEADBadTagException e) {
                throw StorageErrors.crypto(path + " at offset " + found.offset() + ": snapshot record failed authentication");
            }
        }
    }
}

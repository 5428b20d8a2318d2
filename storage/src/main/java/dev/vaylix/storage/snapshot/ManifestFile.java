package dev.vaylix.storage.snapshot;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.storage.crypto.DataKey;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.MsgpackFields;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordType;
import dev.vaylix.storage.format.SingleRecordFile;
import dev.vaylix.storage.io.StorageErrors;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * {@code manifest.bin}: a {@link FileHeader} (kind manifest, AES-256-GCM) and one sealed
 * {@link RecordType#MANIFEST_BODY} record of MessagePack:
 *
 * <pre>
 * {"storage_format_version": 3, "snapshot_index": u64, "snapshot_term": u64,
 *  "snapshot_created_at_ms": u64, "snapshot_size_bytes": u64, "snapshot_sha256": bin32,
 *  "snapshot_key_id": str (UUID), "snapshot_file_id": bin32 (the snapshot file's salt),
 *  "membership": bin}
 * </pre>
 *
 * <p>Unlike the reference's (spec Note 6) it is encrypted and authenticated, and it names the exact
 * snapshot file it describes (file id and SHA-256), not just a sequence number.
 */
final class ManifestFile {

    /** The storage format this build writes and reads ({@code storage_format_version}). */
    static final long STORAGE_FORMAT_VERSION = FileHeader.FORMAT_VERSION;

    private ManifestFile() {
    }

    /** A decoded manifest: the snapshot it describes and that snapshot file's id. */
    record Manifest(SnapshotMeta meta, byte[] snapshotFileId) {
        boolean describes(SnapshotFile.Described snapshot) {
            return Arrays.equals(snapshotFileId, snapshot.fileId()) && meta.equals(snapshot.meta());
        }
    }

    static ByteBuffer encode(SnapshotFile.Described snapshot, DataKey key) {
        SnapshotMeta meta = snapshot.meta();
        byte[] body = MsgpackFields.pack(9, packer -> {
            MsgpackFields.packU64(packer, "storage_format_version", STORAGE_FORMAT_VERSION);
            MsgpackFields.packU64(packer, "snapshot_index", meta.index());
            MsgpackFields.packU64(packer, "snapshot_term", meta.term());
            MsgpackFields.packU64(packer, "snapshot_created_at_ms", meta.createdAtMs());
            MsgpackFields.packU64(packer, "snapshot_size_bytes", meta.sizeBytes());
            MsgpackFields.packBin(packer, "snapshot_sha256", meta.sha256().toByteArray());
            MsgpackFields.packStr(packer, "snapshot_key_id", meta.keyId());
            MsgpackFields.packBin(packer, "snapshot_file_id", snapshot.fileId());
            MsgpackFields.packBin(packer, "membership", meta.membership().toByteArray());
        });
        FileHeader header = FileHeader.create(FileKind.MANIFEST, FileHeader.CIPHER_AES_256_GCM, key.idBytes(), 0, 0, 0);
        return SingleRecordFile.encode(header, RecordType.MANIFEST_BODY, body, RecordCipher.forFile(key.material(), header));
    }

    /**
     * @throws dev.vaylix.api.VaylixException ENG-007 damaged, ENG-008 key/authentication, ENG-009 other
     *         format or storage format version, ENG-006 malformed content
     */
    static Manifest decode(Path path, byte[] bytes, KeyProvider keys) {
        SingleRecordFile.Parsed parsed = SingleRecordFile.decode(path, bytes, FileKind.MANIFEST, RecordType.MANIFEST_BODY);
        FileHeader header = parsed.header();
        if (header.cipher() != FileHeader.CIPHER_AES_256_GCM) {
            throw StorageErrors.unsupported(path + ": a manifest must be encrypted");
        }
        DataKey key = keys.key(DataKey.uuidOf(header.keyId()));
        byte[] body;
        try {
            body = RecordCipher.forFile(key.material(), header)
                    .open(RecordType.MANIFEST_BODY, SingleRecordFile.BODY_OFFSET, ByteBuffer.allocate(0), parsed.body());
        } catch (AEADBadTagException e) {
            throw StorageErrors.crypto(path + ": the manifest failed authentication");
        }
        MsgpackFields fields = MsgpackFields.decode(body, path.toString(), ErrorCode.ENG_006);
        long version = fields.u64("storage_format_version");
        if (version != STORAGE_FORMAT_VERSION) {
            throw StorageErrors.unsupported("manifest " + path + ": storage format version " + version
                    + " (this build reads " + STORAGE_FORMAT_VERSION + ")");
        }
        SnapshotMeta meta = new SnapshotMeta(fields.u64("snapshot_index"), fields.u64("snapshot_term"),
                Bytes.wrapUnsafe(fields.bin("membership")), fields.u64("snapshot_created_at_ms"), fields.u64("snapshot_size_bytes"),
                Bytes.wrapUnsafe(fields.bin("snapshot_sha256", 32)), fields.str("snapshot_key_id"));
        return new Manifest(meta, fields.bin("snapshot_file_id", FileHeader.SALT_BYTES));
    }
}

package dev.vaylix.storage.snapshot;

import static dev.vaylix.storage.testing.StorageAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.storage.crypto.Keyring;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.MsgpackFields;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordFormat;
import dev.vaylix.storage.format.RecordType;
import dev.vaylix.storage.format.SingleRecordFile;
import dev.vaylix.storage.io.FaultyFileIO;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileSnapshotStoreTest {

    private static final Keyring KEYS = Keyring.generate(1_700_000_000_000L, new SecureRandom());
    private static final Path DIR = Path.of("/snap/data");

    private final FaultyFileIO fs = new FaultyFileIO();
    private final FileSnapshotStore store;

    FileSnapshotStoreTest() throws Exception {
        fs.createDirectories(DIR);
        store = new FileSnapshotStore(fs, DIR, KEYS);
    }

    static Bytes data(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Bytes.wrapUnsafe(bytes);
    }

    @Test
    void a_multi_chunk_snapshot_reads_back_with_its_metadata() throws Exception {
        Bytes data = data(SnapshotFile.CHUNK_BYTES * 2 + 12345, 1);
        SnapshotMeta meta = store.write(42, 7, Bytes.utf8("members"), 1_700_000_001_000L, data);
        assertEquals(42, meta.index());
        assertEquals(7, meta.term());
        assertEquals(data.length(), meta.sizeBytes());
        assertEquals(KEYS.activeKey().id().toString(), meta.keyId());
        assertEquals(Bytes.wrapUnsafe(MessageDigest.getInstance("SHA-256").digest(data.toByteArray())), meta.sha256());
        assertEquals(meta, store.latest().orElseThrow());
        assertEquals(data, store.read(meta));
        assertEquals(FileSnapshotStore.ManifestStatus.CURRENT, store.check().manifest());
    }

    @Test
    void an_empty_snapshot_is_valid() {
        SnapshotMeta meta = store.write(0, 0, Bytes.EMPTY, 0, Bytes.EMPTY);
        assertEquals(Bytes.EMPTY, store.read(meta));
    }

    @Test
    void a_crash_between_the_snapshot_and_the_manifest_leaves_the_new_snapshot_usable_and_recovery_rewrites_the_manifest()
            throws Exception {
        store.write(10, 2, Bytes.EMPTY, 1000, data(100, 1));
        byte[] oldManifest = fs.content(DIR.resolve("manifest.bin"));
        SnapshotMeta newer = store.write(20, 3, Bytes.EMPTY, 2000, data(200, 2));
        fs.replaceContent(DIR.resolve("manifest.bin"), oldManifest);
        assertEquals(FileSnapshotStore.ManifestStatus.STALE, store.check().manifest());
        assertEquals(newer, store.latest().orElseThrow());
        assertEquals(FileSnapshotStore.ManifestStatus.STALE, store.recover().manifest());
        assertEquals(FileSnapshotStore.ManifestStatus.CURRENT, store.check().manifest());
    }

    @Test
    void a_snapshot_without_a_manifest_is_used_and_the_manifest_recreated() throws Exception {
        SnapshotMeta meta = store.write(5, 1, Bytes.EMPTY, 1000, data(10, 1));
        fs.deleteIfExists(DIR.resolve("manifest.bin"));
        assertEquals(FileSnapshotStore.ManifestStatus.MISSING, store.recover().manifest());
        assertEquals(FileSnapshotStore.ManifestStatus.CURRENT, store.check().manifest());
        assertEquals(meta, store.latest().orElseThrow());
    }

    @Test
    void a_manifest_without_its_snapshot_or_newer_than_it_fails_closed_with_eng_007() throws Exception {
        store.write(10, 2, Bytes.EMPTY, 1000, data(100, 1));
        byte[] oldSnapshot = fs.content(DIR.resolve("snapshot.bin"));
        store.write(20, 3, Bytes.EMPTY, 2000, data(100, 2));
        fs.replaceContent(DIR.resolve("snapshot.bin"), oldSnapshot);
        assertCode(ErrorCode.ENG_007, store::check);
        fs.deleteIfExists(DIR.resolve("snapshot.bin"));
        assertCode(ErrorCode.ENG_007, store::check);
    }

    @Test
    void a_flipped_bit_in_the_snapshot_is_a_checksum_failure_naming_the_file_and_offset() throws Exception {
        SnapshotMeta meta = store.write(10, 2, Bytes.EMPTY, 1000, data(SnapshotFile.CHUNK_BYTES + 10, 1));
        Path file = DIR.resolve("snapshot.bin");
        int chunkByte = fs.content(file).length - 100;
        fs.flipBit(file, chunkByte, 3);
        VaylixException e = assertThrows(VaylixException.class, () -> store.read(meta));
        assertEquals(ErrorCode.ENG_007, e.code());
        assertTrue(e.getMessage().contains("snapshot.bin at offset"), e.getMessage());
        fs.flipBit(file, chunkByte, 3);
        fs.flipBit(file, FileHeader.RECORD_BYTES + 20, 0);
        assertCode(ErrorCode.ENG_007, store::check);
    }

    @Test
    void a_flipped_bit_in_the_manifest_is_a_checksum_failure() throws Exception {
        store.write(10, 2, Bytes.EMPTY, 1000, data(10, 1));
        fs.flipBit(DIR.resolve("manifest.bin"), fs.content(DIR.resolve("manifest.bin")).length - 5, 6);
        assertCode(ErrorCode.ENG_007, store::check);
    }

    @Test
    void a_manifest_of_another_storage_format_version_is_eng_009() throws Exception {
        FileHeader header = FileHeader.create(FileKind.MANIFEST, FileHeader.CIPHER_AES_256_GCM, KEYS.activeKey().idBytes(), 0, 0, 0);
        byte[] body = MsgpackFields.pack(1, packer -> MsgpackFields.packU64(packer, "storage_format_version", 4));
        ByteBuffer file = SingleRecordFile.encode(header, RecordType.MANIFEST_BODY, body,
                RecordCipher.forFile(KEYS.activeKey().material(), header));
        store.write(10, 2, Bytes.EMPTY, 1000, data(10, 1));
        byte[] bytes = new byte[file.remaining()];
        file.get(bytes);
        fs.replaceContent(DIR.resolve("manifest.bin"), bytes);
        assertCode(ErrorCode.ENG_009, store::check);
    }

    @Test
    void a_snapshot_header_of_another_format_version_is_eng_009() throws Exception {
        store.write(10, 2, Bytes.EMPTY, 1000, data(10, 1));
        byte[] bytes = fs.content(DIR.resolve("snapshot.bin"));
        bytes[RecordFormat.HEADER_BYTES + 4] = 4;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(RecordFormat.CRC_OFFSET, RecordFormat.crc(buffer, 0, FileHeader.DATA_BYTES));
        fs.replaceContent(DIR.resolve("snapshot.bin"), bytes);
        assertCode(ErrorCode.ENG_009, store::check);
    }

    @Test
    void a_snapshot_under_a_key_the_keyring_lacks_is_eng_008() {
        store.write(10, 2, Bytes.EMPTY, 1000, data(10, 1));
        FileSnapshotStore otherKeys = new FileSnapshotStore(fs, DIR, Keyring.generate(1, new SecureRandom()));
        assertCode(ErrorCode.ENG_008, otherKeys::check);
    }

    @Test
    void a_crash_at_any_point_of_a_write_leaves_the_old_or_the_new_snapshot() throws Exception {
        SnapshotMeta old = store.write(10, 2, Bytes.EMPTY, 1000, data(50, 1));
        for (int crashAt = 1; crashAt <= 16; crashAt++) {
            FaultyFileIO disk = fs.crash(FaultyFileIO.CrashMode.LOSE_UNSYNCED, new Random(crashAt));
            disk.crashAfterCalls(crashAt);
            SnapshotMeta newer = null;
            try {
                newer = new FileSnapshotStore(disk, DIR, KEYS).write(20, 3, Bytes.EMPTY, 2000, data(50, 2));
            } catch (VaylixException crashed) {
                assertTrue(disk.crashed(), crashed.getMessage());
            }
            for (FaultyFileIO.CrashMode mode : FaultyFileIO.CrashMode.values()) {
                FileSnapshotStore after = new FileSnapshotStore(disk.crash(mode, new Random(crashAt)), DIR, KEYS);
                SnapshotMeta found = after.recover().meta().orElseThrow();
                assertTrue(found.equals(old) || found.index() == 20, "crash at call " + crashAt + " left " + found);
                if (newer != null) {
                    assertEquals(newer, found, "a completed write is durable (crash at call " + crashAt + ")");
                }
                assertEquals(found, after.latest().orElseThrow());
                after.read(found);
            }
        }
    }
}

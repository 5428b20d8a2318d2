package dev.vaylix.storage.crypto;

import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.FileKind;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordType;
import dev.vaylix.storage.format.SingleRecordFile;
import dev.vaylix.storage.io.StorageErrors;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;

/**
 * {@code keyring.bin}: a {@link FileHeader} (kind keyring) and one {@link RecordType#KEYRING_BODY}
 * record holding the {@link Keyring}'s MessagePack.
 *
 * <ul>
 *   <li>Wrapped (a master key is configured): header cipher AES-256-GCM, header key id = the master
 *       key's fingerprint, body sealed under {@code HKDF(master key, file salt)}.
 *   <li>Unwrapped: header cipher none, key id zero, body in plaintext protected by its CRC only and
 *       by the file's 0600 permissions.
 * </ul>
 */
final class KeyringFile {

    private KeyringFile() {
    }

    static ByteBuffer encode(Keyring keyring, Optional<MasterKey> master) {
        byte[] body = keyring.encode();
        try {
            if (master.isEmpty()) {
                FileHeader header = FileHeader.create(FileKind.KEYRING, FileHeader.CIPHER_NONE, new byte[16], 0, 0, 0);
                return SingleRecordFile.encode(header, RecordType.KEYRING_BODY, body, null);
            }
            byte[] fingerprint = master.get().fingerprint();
            FileHeader header = FileHeader.create(FileKind.KEYRING, FileHeader.CIPHER_AES_256_GCM, fingerprint, 0, 0, 0);
            RecordCipher cipher = RecordCipher.forFile(master.get().material(), header);
            return SingleRecordFile.encode(header, RecordType.KEYRING_BODY, body, cipher);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The decoded keyring and whether the file was wrapped. */
    record Decoded(Keyring keyring, boolean wrapped) {
    }

    static Decoded decode(Path path, byte[] bytes, Optional<MasterKey> master) {
        SingleRecordFile.Parsed parsed = SingleRecordFile.decode(path, bytes, FileKind.KEYRING, RecordType.KEYRING_BODY);
        FileHeader header = parsed.header();
        if (header.cipher() == FileHeader.CIPHER_NONE) {
            byte[] body = new byte[parsed.body().remaining()];
            parsed.body().get(body);
            return new Decoded(Keyring.decode(body, path.toString()), false);
        }
        if (master.isEmpty()) {
            throw StorageErrors.crypto(path + ": the keyring is wrapped by a master key; set "
                    + MasterKey.ENV_KEY_FILE + " or " + MasterKey.ENV_KEY);
        }
        if (!MessageDigest.isEqual(header.keyId(), master.get().fingerprint())) {
            throw StorageErrors.crypto(path + ": the keyring is wrapped by a different master key");
        }
        RecordCipher cipher = RecordCipher.forFile(master.get().material(), header);
        try {
            byte[] body = cipher.open(RecordType.KEYRING_BODY, SingleRecordFile.BODY_OFFSET,
                    ByteBuffer.allocate(0), parsed.body());
            try {
                return new Decoded(Keyring.decode(body, path.toString()), true);
            } finally {
                Arrays.fill(body, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw StorageErrors.crypto(path + ": the wrapped keyring failed authentication");
        }
    }
}

package dev.vaylix.storage.crypto;

import static dev.vaylix.storage.testing.StorageAssertions.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.io.FaultyFileIO;
import dev.vaylix.storage.testing.FastTempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringStoreTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long DAY_MS = 86_400_000L;

    @TempDir(factory = FastTempDirs.class)
    Path dir;

    static MasterKey randomMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return MasterKey.ofBytes(key);
    }

    @Test
    void a_new_keyring_is_created_owner_only_and_loads_back() throws Exception {
        KeyringStore created = KeyringStore.openOrCreate(new ChannelFileIO(), dir, Optional.empty(), NOW);
        assertEquals(KeyringStore.Outcome.CREATED, created.outcome());
        assertFalse(created.wrapped());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keyring.bin"))));
        KeyringStore loaded = KeyringStore.load(new ChannelFileIO(), dir, Optional.empty());
        assertEquals(created.current().keys(), loaded.current().keys());
        assertEquals(created.activeKey().id(), loaded.activeKey().id());
    }

    @Test
    void key_ids_are_time_ordered_uuid_v7() {
        Keyring keyring = Keyring.generate(NOW, new SecureRandom()).rotate(NOW + 1, new SecureRandom());
        for (DataKey key : keyring.keys()) {
            assertEquals(7, key.id().version());
            assertEquals(2, key.id().variant());
            assertEquals(key.createdAtMs(), key.id().getMostSignificantBits() >>> 16);
        }
        assertTrue(keyring.keys().get(0).id().compareTo(keyring.keys().get(1).id()) < 0);
    }

    @Test
    void rotation_adds_an_active_key_and_keeps_the_old_ones_for_reading_across_a_reload() {
        KeyringStore store = KeyringStore.openOrCreate(new ChannelFileIO(), dir, Optional.empty(), NOW);
        DataKey first = store.activeKey();
        assertFalse(store.rotateIfOlderThan(30 * DAY_MS, NOW + DAY_MS));
        assertTrue(store.rotateIfOlderThan(30 * DAY_MS, NOW + 30 * DAY_MS));
        DataKey second = store.activeKey();
        assertNotEquals(first.id(), second.id());
        KeyringStore reloaded = KeyringStore.load(new ChannelFileIO(), dir, Optional.empty());
        assertEquals(second, reloaded.activeKey());
        assertEquals(first, reloaded.key(first.id()));
        assertEquals(2, reloaded.current().keys().size());
    }

    @Test
    void a_wrapped_keyring_needs_the_same_master_key() {
        MasterKey master = randomMasterKey();
        KeyringStore created = KeyringStore.openOrCreate(new ChannelFileIO(), dir, Optional.of(master), NOW);
        assertTrue(created.wrapped());
        assertEquals(created.activeKey(), KeyringStore.load(new ChannelFileIO(), dir, Optional.of(master)).activeKey());
        VaylixException missing = assertThrows(VaylixException.class,
                () -> KeyringStore.load(new ChannelFileIO(), dir, Optional.empty()));
        assertEquals(ErrorCode.ENG_008, missing.code());
        assertTrue(missing.getMessage().contains(MasterKey.ENV_KEY_FILE), missing.getMessage());
        VaylixException wrong = assertThrows(VaylixException.class,
                () -> KeyringStore.load(new ChannelFileIO(), dir, Optional.of(randomMasterKey())));
        assertEquals(ErrorCode.ENG_008, wrong.code());
        assertTrue(wrong.getMessage().contains("different master key"), wrong.getMessage());
    }

    @Test
    void a_wrapped_keyring_does_not_contain_its_secrets_in_plaintext() throws Exception {
        KeyringStore plain = KeyringStore.openOrCreate(new ChannelFileIO(), dir, Optional.empty(), NOW);
        byte[] secret = plain.activeKey().material();
        byte[] unwrappedFile = Files.readAllBytes(dir.resolve("keyring.bin"));
        assertTrue(indexOf(unwrappedFile, secret) >= 0, "an unwrapped keyring holds the key in the clear");
        KeyringStore wrapped = KeyringStore.openOrCreate(new ChannelFileIO(), dir, Optional.of(randomMasterKey()), NOW);
        assertEquals(KeyringStore.Outcome.WRAPPED, wrapped.outcome());
        assertEquals(plain.activeKey(), wrapped.activeKey());
        assertEquals(-1, indexOf(Files.readAllBytes(dir.resolve("keyring.bin")), secret));
    }

    @Test
    void a_tampered_wrapped_keyring_fails_authentication_and_a_damaged_plain_one_its_checksum() throws Exception {
        FaultyFileIO fs = new FaultyFileIO();
        Path data = Path.of("/k/data");
        fs.createDirectories(data);
        MasterKey master = randomMasterKey();
        KeyringStore.openOrCreate(fs, data, Optional.of(master), NOW);
        assertTrue(fs.isOwnerOnly(data.resolve("keyring.bin")));
        byte[] content = fs.content(data.resolve("keyring.bin"));
        // Flip a ciphertext bit and fix the record CRC, so only authentication can notice.
        int bodyStart = (int) dev.vaylix.storage.format.SingleRecordFile.BODY_OFFSET;
        content[bodyStart + 9 + 3] ^= 1;
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(bodyStart + 4, dev.vaylix.storage.format.RecordFormat.crc(buffer, bodyStart, content.length - bodyStart - 9));
        fs.replaceContent(data.resolve("keyring.bin"), content);
        assertCode(ErrorCode.ENG_008, () -> KeyringStore.load(fs, data, Optional.of(master)));
        content[bodyStart + 9 + 3] ^= 1;
        fs.replaceContent(data.resolve("keyring.bin"), content);
        assertCode(ErrorCode.ENG_007, () -> KeyringStore.load(fs, data, Optional.of(master)));
    }

    @Test
    void loading_a_missing_keyring_is_a_key_failure_and_creates_nothing() {
        assertCode(ErrorCode.ENG_008, () -> KeyringStore.load(new ChannelFileIO(), dir, Optional.empty()));
        assertFalse(Files.exists(dir.resolve("keyring.bin")));
    }

    @Test
    void the_master_key_comes_from_a_file_or_the_environment_but_not_both() throws Exception {
        MasterKey master = randomMasterKey();
        String hex = HexFormat.of().formatHex(master.material());
        Path file = dir.resolve("master.key");
        Files.writeString(file, hex + "\n", StandardCharsets.US_ASCII);
        ChannelFileIO io = new ChannelFileIO();
        assertEquals(master.toString(), MasterKey.fromEnvironment(Map.of(MasterKey.ENV_KEY_FILE, file.toString()), io).orElseThrow().toString());
        assertEquals(master.toString(), MasterKey.fromEnvironment(Map.of(MasterKey.ENV_KEY, hex), io).orElseThrow().toString());
        Files.write(file, master.material());
        assertEquals(master.toString(), MasterKey.fromFile(io, file).toString());
        assertTrue(MasterKey.fromEnvironment(Map.of(), io).isEmpty());
        assertCode(ErrorCode.ENG_008, () -> MasterKey.fromEnvironment(Map.of(MasterKey.ENV_KEY, hex, MasterKey.ENV_KEY_FILE, file.toString()), io));
        assertCode(ErrorCode.ENG_008, () -> MasterKey.fromHex("abcd"));
        assertCode(ErrorCode.ENG_008, () -> MasterKey.fromHex("z".repeat(64)));
        assertFalse(master.toString().contains(hex), "toString must not reveal the key");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

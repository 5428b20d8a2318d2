package dev.vaylix.storage.crypto;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.storage.format.MsgpackFields;
import dev.vaylix.storage.io.StorageErrors;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable set of data keys, one of them active. Rotation returns a new keyring with a new
 * active key and every old key kept, so files written under old keys stay readable; keys are never
 * removed (a future change may retire keys that no file references any more).
 *
 * <p>Encoded (inside {@link KeyringFile}) as the MessagePack map
 * {@code {"active": bin16, "keys": [{"id": bin16, "secret": bin32, "created_at_ms": u64}, ...]}} with
 * keys in creation order.
 */
public final class Keyring implements KeyProvider {

    private final List<DataKey> keys;
    private final DataKey active;

    private Keyring(List<DataKey> keys, DataKey active) {
        this.keys = List.copyOf(keys);
        this.active = active;
    }

    /** A keyring with one fresh key created at {@code nowMs}. */
    public static Keyring generate(long nowMs, SecureRandom random) {
        DataKey key = newKey(nowMs, random);
        return new Keyring(List.of(key), key);
    }

    /** This keyring plus a new active key created at {@code nowMs}; the old keys stay for reading. */
    public Keyring rotate(long nowMs, SecureRandom random) {
        DataKey key = newKey(nowMs, random);
        List<DataKey> all = new ArrayList<>(keys);
        all.add(key);
        return new Keyring(all, key);
    }

    @Override
    public DataKey activeKey() {
        return active;
    }

    @Override
    public DataKey key(UUID id) {
        return find(id).orElseThrow(() -> StorageErrors.crypto("key " + id + ": not in the keyring"));
    }

    public Optional<DataKey> find(UUID id) {
        for (DataKey key : keys) {
            if (key.id().equals(id)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** Every key, oldest first. */
    public List<DataKey> keys() {
        return keys;
    }

    byte[] encode() {
        return MsgpackFields.pack(2, packer -> {
            MsgpackFields.packBin(packer, "active", active.idBytes());
            packer.packString("keys");
            packer.packArrayHeader(keys.size());
            for (DataKey key : keys) {
                packer.packMapHeader(3);
                MsgpackFields.packBin(packer, "id", key.idBytes());
                MsgpackFields.packBin(packer, "secret", key.material());
                MsgpackFields.packU64(packer, "created_at_ms", key.createdAtMs());
            }
        });
    }

    static Keyring decode(byte[] bytes, String what) {
        MsgpackFields fields = MsgpackFields.decode(bytes, what, ErrorCode.ENG_006);
        UUID activeId = DataKey.uuidOf(fields.bin("active", 16));
        List<DataKey> keys = new ArrayList<>();
        for (MsgpackFields entry : fields.maps("keys")) {
            DataKey key = new DataKey(DataKey.uuidOf(entry.bin("id", 16)), entry.bin("secret", DataKey.SECRET_BYTES),
                    entry.u64("created_at_ms"));
            if (keys.stream().anyMatch(k -> k.id().equals(key.id()))) {
                throw ErrorCode.ENG_006.exception(what + ": key " + key.id() + " appears twice");
            }
            keys.add(key);
        }
        DataKey active = keys.stream().filter(k -> k.id().equals(activeId)).findFirst()
                .orElseThrow(() -> ErrorCode.ENG_006.exception(what + ": the active key " + activeId + " is not in the key list"));
        return new Keyring(keys, active);
    }

    /**
     * A new UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 74 random bits. Time-ordered,
     * so key ids sort by creation, as the reference's do.
     */
    static UUID uuidV7(long nowMs, SecureRandom random) {
        long randA = random.nextLong() & 0x0FFFL;
        long msb = (nowMs & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private static DataKey newKey(long nowMs, SecureRandom random) {
        byte[] secret = new byte[DataKey.SECRET_BYTES];
        random.nextBytes(secret);
        return new DataKey(uuidV7(nowMs, random), secret, nowMs);
    }

    @Override
    public String toString() {
        return "Keyring[" + keys.size() + " keys, active " + active.id() + "]";
    }
}

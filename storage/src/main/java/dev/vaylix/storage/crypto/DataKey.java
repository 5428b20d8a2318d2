package dev.vaylix.storage.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.UUID;

/**
 * One AES-256 data key of the keyring. The secret never appears in {@link #toString()}.
 *
 * <p>Immutable; {@link #material()} returns a copy.
 */
public final class DataKey {

    public static final int SECRET_BYTES = 32;

    private final UUID id;
    private final byte[] secret;
    private final long createdAtMs;

    public DataKey(UUID id, byte[] secret, long createdAtMs) {
        this.id = Objects.requireNonNull(id, "id");
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a data key is 32 bytes");
        }
        if (createdAtMs < 0) {
            throw new IllegalArgumentException("creation time is non-negative");
        }
        this.secret = secret.clone();
        this.createdAtMs = createdAtMs;
    }

    public UUID id() {
        return id;
    }

    /** The id as the 16 bytes recorded in file headers. */
    public byte[] idBytes() {
        return uuidBytes(id);
    }

    public long createdAtMs() {
        return createdAtMs;
    }

    /** The 32 secret bytes (a copy). */
    public byte[] material() {
        return secret.clone();
    }

    public static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public static UUID uuidOf(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new UUID(in.getLong(), in.getLong());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey that && id.equals(that.id) && createdAtMs == that.createdAtMs
                && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[" + id + ", createdAtMs=" + createdAtMs + "]";
    }
}

package dev.vaylix.api.backup;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One entry of a logical dump (STORAGE.md §11).
 *
 * @param key         the key
 * @param value       the value bytes; binary-safe (base64 in v2 dumps)
 * @param version     the u64 version as written in the dump; 0 can occur in foreign dumps and is
 *                    restored as 1 (v1 dumps carry no version and read as 1)
 * @param expiresAtMs absolute expiry in epoch ms, or empty for none ({@code null} in the JSON); an
 *                    explicit 0 is a real expiry in the past, not "none"
 */
public record DumpEntry(Key key, Bytes value, long version, OptionalLong expiresAtMs) {

    public DumpEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAtMs, "expiresAtMs");
    }

    /** True if the entry has no expiry or expires strictly after {@code nowMs} (unsigned). */
    public boolean isLiveAt(long nowMs) {
        return expiresAtMs.isEmpty() || Long.compareUnsigned(expiresAtMs.getAsLong(), nowMs) > 0;
    }

    /** The version a restore stores: {@code max(version, 1)}, since stored versions start at 1. */
    public long restoredVersion() {
        return version == 0 ? 1 : version;
    }
}

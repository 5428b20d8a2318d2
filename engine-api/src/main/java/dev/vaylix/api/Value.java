package dev.vaylix.api;

import java.util.Objects;

/**
 * A stored value: its bytes, its version and its absolute expiry.
 *
 * <p>Versions are unsigned 64-bit counters held in a {@code long}: a write that stores a value
 * assigns the previous version + 1, or 1 for a new key (COMMANDS.md §3.2). Compare them with
 * {@link Long#compareUnsigned}.
 *
 * <p>Expiry is an absolute wall-clock time in Unix epoch milliseconds (unsigned), computed from the
 * proposing leader's time carried by the log entry, never from a local clock. {@link #NO_EXPIRY}
 * (zero) means the value does not expire: zero is never a real expiry, because an expiry at or before
 * the current time deletes the key in the same entry instead of being stored.
 *
 * @param data        the value bytes; binary-safe
 * @param version     u64 version, at least 1
 * @param expiresAtMs absolute expiry in epoch milliseconds, or {@link #NO_EXPIRY}
 */
public record Value(Bytes data, long version, long expiresAtMs) {

    public static final long NO_EXPIRY = 0L;

    public Value {
        Objects.requireNonNull(data, "data");
        if (version == 0) {
            throw new IllegalArgumentException("a stored value has version >= 1");
        }
    }

    public boolean hasExpiry() {
        return expiresAtMs != NO_EXPIRY;
    }

    /** True if the value has an expiry at or before {@code nowMs} (unsigned comparison). */
    public boolean isExpiredAt(long nowMs) {
        return hasExpiry() && Long.compareUnsigned(expiresAtMs, nowMs) <= 0;
    }
}

package dev.vaylix.engine.memory;

import dev.vaylix.api.Key;
import java.util.Comparator;

/**
 * An entry of the expiry index: keys ordered by (expiry, key), so the keys expired at time t are a
 * prefix of the index and purging them costs O(k log n) for k expired keys.
 *
 * @param expiresAtMs unsigned epoch milliseconds, never {@link dev.vaylix.api.Value#NO_EXPIRY}
 */
record ExpiryKey(long expiresAtMs, Key key) {

    static final Comparator<ExpiryKey> ORDER = (a, b) -> {
        int byTime = Long.compareUnsigned(a.expiresAtMs, b.expiresAtMs);
        return byTime != 0 ? byTime : KeyOrder.compare(a.key.text(), b.key.text());
    };

    /** True if this entry has expired at {@code nowMs}: the monotone predicate over the index. */
    boolean isExpiredAt(long nowMs) {
        return Long.compareUnsigned(expiresAtMs, nowMs) <= 0;
    }
}

package dev.vaylix.engine.memory;

import dev.vaylix.api.command.Expiration;

/**
 * Unsigned millisecond arithmetic for expiries. Times are u64 epoch milliseconds held in
 * {@code long}s; sums and products saturate at u64 max instead of wrapping, so {@code EX} with an
 * absurd number of seconds means "practically never" rather than a time in the past.
 */
final class Time {

    static final long U64_MAX = -1L;
    private static final long MILLIS_PER_SECOND = 1000;
    private static final long MAX_SECONDS_WITHOUT_SATURATION = Long.divideUnsigned(U64_MAX, MILLIS_PER_SECOND);

    private Time() {
    }

    static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return Long.compareUnsigned(sum, a) < 0 ? U64_MAX : sum;
    }

    static long secondsToMillis(long seconds) {
        return Long.compareUnsigned(seconds, MAX_SECONDS_WITHOUT_SATURATION) > 0 ? U64_MAX : seconds * MILLIS_PER_SECOND;
    }

    /** The absolute expiry an {@code EX}/{@code PX} amount gives at {@code nowMs}; {@code expiration} is present. */
    static long expiryAt(long nowMs, Expiration expiration) {
        return switch (expiration.kind()) {
            case SECONDS -> saturatingAdd(nowMs, secondsToMillis(expiration.amount()));
            case MILLISECONDS -> saturatingAdd(nowMs, expiration.amount());
            case NONE -> throw new IllegalArgumentException("no expiration to compute");
        };
    }

    /** TTL's reply: remaining whole seconds, rounded up; {@code expiresAtMs > nowMs}. */
    static long remainingSecondsRoundedUp(long expiresAtMs, long nowMs) {
        long remainingMs = expiresAtMs - nowMs; // > 0, fits u64
        return Long.divideUnsigned(remainingMs - 1, MILLIS_PER_SECOND) + 1;
    }
}

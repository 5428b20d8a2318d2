package dev.vaylix.server.limits;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Objects;

/**
 * The per-connection request rate limit (COMMANDS.md §4 step 3): a token bucket holding at most
 * {@code burst} tokens ({@code --request-burst}), refilled at {@code requestsPerSecond} tokens per
 * second ({@code --requests-per-second}), starting full. Each request takes one token; an empty
 * bucket answers {@link ErrorCode#SRV_012}.
 *
 * <p>Arithmetic is exact: credit is kept in units of 1/10⁹ token, so one nanosecond refills
 * {@code requestsPerSecond} units and no rounding accumulates. Time is the injected clock's
 * monotonic reading, so wall-clock steps change nothing.
 *
 * <p>Thread-safe (synchronized; one instance per connection, so uncontended).
 */
public final class RateLimiter {

    /** Units of credit per token (and nanoseconds per second). */
    private static final long UNITS_PER_TOKEN = 1_000_000_000L;
    /** Bounds keep {@code burst × UNITS_PER_TOKEN} and every refill product inside a long. */
    public static final long MAX_BURST = 1_000_000_000L;
    public static final long MAX_REQUESTS_PER_SECOND = 1_000_000_000L;

    private final long unitsPerNano;
    private final long capacityUnits;
    private final Clock clock;
    private long creditUnits;
    private long lastRefillNanos;

    /**
     * @param requestsPerSecond refill rate, 1 … {@value #MAX_REQUESTS_PER_SECOND}
     * @param burst             capacity, 1 … {@value #MAX_BURST}
     */
    public RateLimiter(long requestsPerSecond, long burst, Clock clock) {
        if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requestsPerSecond must be 1.." + MAX_REQUESTS_PER_SECOND + ": " + requestsPerSecond);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("burst must be 1.." + MAX_BURST + ": " + burst);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unitsPerNano = requestsPerSecond;
        this.capacityUnits = burst * UNITS_PER_TOKEN;
        this.creditUnits = capacityUnits;
        this.lastRefillNanos = clock.monotonicNanos();
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryAcquire() {
        refill();
        if (creditUnits < UNITS_PER_TOKEN) {
            return false;
        }
        creditUnits -= UNITS_PER_TOKEN;
        return true;
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_012} if the bucket is empty
     */
    public void acquire() {
        if (!tryAcquire()) {
            throw ErrorCode.SRV_012.exception();
        }
    }

    /** Whole tokens available now. */
    public synchronized long availableTokens() {
        refill();
        return creditUnits / UNITS_PER_TOKEN;
    }

    private void refill() {
        long now = clock.monotonicNanos();
        long elapsedNanos = now - lastRefillNanos;
        if (elapsedNanos <= 0) {
            return;
        }
        lastRefillNanos = now;
        long missingUnits = capacityUnits - creditUnits;
        // elapsed × rate could overflow for long idle periods; compare by division first.
        if (elapsedNanos >= missingUnits / unitsPerNano + 1) {
            creditUnits = capacityUnits;
        } else {
            creditUnits += elapsedNanos * unitsPerNano;
        }
    }
}

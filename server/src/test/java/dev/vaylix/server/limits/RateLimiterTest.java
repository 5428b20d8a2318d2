package dev.vaylix.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.testing.ManualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final ManualClock clock = ManualClock.started();

    @Test
    void a_new_bucket_is_full_then_refuses_with_srv_012() {
        RateLimiter limiter = new RateLimiter(200, 400, clock);
        for (int i = 0; i < 400; i++) {
            assertTrue(limiter.tryAcquire(), "request " + i);
        }
        VaylixException e = assertThrows(VaylixException.class, limiter::acquire);
        assertEquals(ErrorCode.SRV_012, e.code());
        assertEquals("request rate limit exceeded", e.getMessage());
    }

    @Test
    void tokens_come_back_at_the_configured_rate() {
        RateLimiter limiter = new RateLimiter(200, 400, clock);
        drain(limiter);
        clock.advanceNanos(4_999_999);               // 0.99999 of a token at 200/s
        assertFalse(limiter.tryAcquire());
        clock.advanceNanos(1);
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        clock.advanceSeconds(1);
        assertEquals(200, limiter.availableTokens());
    }

    @Test
    void refill_stops_at_the_burst() {
        RateLimiter limiter = new RateLimiter(3, 5, clock);
        drain(limiter);
        clock.advanceSeconds(1_000_000_000L);       // a very long idle period must not overflow
        assertEquals(5, limiter.availableTokens());
    }

    @Test
    void fractional_rates_do_not_drift() {
        // One token per 333 333 333.3… ns; burst 2 so that polling once per millisecond never hits the cap.
        RateLimiter limiter = new RateLimiter(3, 2, clock);
        drain(limiter);
        int granted = 0;
        for (int ms = 0; ms < 3000; ms++) {
            clock.advanceMs(1);
            if (limiter.tryAcquire()) {
                granted++;
            }
        }
        assertEquals(9, granted, "exactly 3 per second over 3 seconds");
    }

    @Test
    void wall_clock_steps_do_not_refill() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        drain(limiter);
        clock.stepWallClockMs(3_600_000);
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void settings_are_validated() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, RateLimiter.MAX_BURST + 1, clock));
    }

    /** Over any run, grants never exceed burst + rate × elapsed. */
    @Property(tries = 200)
    void grants_never_exceed_burst_plus_refill(@ForAll @LongRange(min = 1, max = 2_000) long rate,
                                               @ForAll @LongRange(min = 1, max = 1_000) long burst,
                                               @ForAll @IntRange(min = 1, max = 100) int steps,
                                               @ForAll @LongRange(min = 0, max = 20_000_000) long stepNanos) {
        ManualClock local = ManualClock.started();
        RateLimiter limiter = new RateLimiter(rate, burst, local);
        long granted = 0;
        for (int i = 0; i < steps; i++) {
            local.advanceNanos(stepNanos);
            while (limiter.tryAcquire()) {
                granted++;
            }
        }
        double elapsedSeconds = (double) steps * stepNanos / 1e9;
        long allowed = burst + (long) Math.floor(rate * elapsedSeconds);
        assertTrue(granted <= allowed, "never more than burst + refill");
        // When each step refills less than one token and the bucket holds two, draining after every step
        // never lets it overflow, so nothing is lost to the cap and the grants reach the bound.
        if (burst >= 2 && rate * stepNanos < 1_000_000_000L) {
            assertTrue(granted >= allowed - 1, "nothing lost while below the cap");
        }
    }

    private static void drain(RateLimiter limiter) {
        while (limiter.tryAcquire()) {
            // empty the bucket
        }
    }
}

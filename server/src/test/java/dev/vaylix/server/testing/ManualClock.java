package dev.vaylix.server.testing;

import dev.vaylix.api.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand. Wall and monotonic time advance together. */
public final class ManualClock implements Clock {

    private final AtomicLong wallMs;
    private final AtomicLong nanos;

    public ManualClock(long wallMs, long monotonicNanos) {
        this.wallMs = new AtomicLong(wallMs);
        this.nanos = new AtomicLong(monotonicNanos);
    }

    /** Starts at an arbitrary wall time and a monotonic reading near overflow, to catch comparisons done wrong. */
    public static ManualClock started() {
        return new ManualClock(1_700_000_000_000L, Long.MAX_VALUE - 10_000_000_000L);
    }

    public void advanceMs(long ms) {
        wallMs.addAndGet(ms);
        nanos.addAndGet(ms * 1_000_000L);
    }

    public void advanceNanos(long delta) {
        nanos.addAndGet(delta);
        wallMs.addAndGet(delta / 1_000_000L);
    }

    public void advanceSeconds(long seconds) {
        advanceMs(seconds * 1000L);
    }

    /** Moves only the wall clock, as an NTP step would. */
    public void stepWallClockMs(long deltaMs) {
        wallMs.addAndGet(deltaMs);
    }

    @Override
    public long wallTimeMs() {
        return wallMs.get();
    }

    @Override
    public long monotonicNanos() {
        return nanos.get();
    }
}

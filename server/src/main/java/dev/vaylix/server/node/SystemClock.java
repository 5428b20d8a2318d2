package dev.vaylix.server.node;

import dev.vaylix.api.Clock;

/**
 * The system clock: the one place in the code base that reads the wall clock and the monotonic
 * clock (DESIGN.md §2); everything else receives a {@link Clock}. Thread-safe.
 */
public final class SystemClock implements Clock {

    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long wallTimeMs() {
        return System.currentTimeMillis();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}

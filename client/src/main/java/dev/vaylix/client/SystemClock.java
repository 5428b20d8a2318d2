package dev.vaylix.client;

import dev.vaylix.api.Clock;

/**
 * The machine's clocks, for clients that run outside the server. The library reads time only through the
 * {@link Clock} of its {@link ClientConfig} (request ids, pool idle times); this is the default.
 */
final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

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

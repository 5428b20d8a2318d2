package dev.vaylix.bench.raft;

import dev.vaylix.api.Clock;

/** The system clock, as the server passes it (a benchmark is a process of its own, like the server). */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long wallTimeMs() {
        return System.currentTimeMillis();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}

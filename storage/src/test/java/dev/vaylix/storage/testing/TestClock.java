package dev.vaylix.storage.testing;

import dev.vaylix.api.Clock;

/** A clock that moves only when told to. */
public final class TestClock implements Clock {

    private volatile long nowMs;

    public TestClock(long nowMs) {
        this.nowMs = nowMs;
    }

    public void advanceMs(long ms) {
        nowMs += ms;
    }

    @Override
    public long wallTimeMs() {
        return nowMs;
    }

    @Override
    public long monotonicNanos() {
        return nowMs * 1_000_000L;
    }
}

package dev.vaylix.api;

/**
 * The only way code outside {@code server} learns the time (DESIGN.md §2): the server passes the
 * system clock in; tests and simulations pass a controllable one.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
public interface Clock {

    /** Wall-clock time in Unix epoch milliseconds. May jump backwards (NTP); never use it to measure durations. */
    long wallTimeMs();

    /** A monotonic reading in nanoseconds, only meaningful as a difference between two readings. */
    long monotonicNanos();
}

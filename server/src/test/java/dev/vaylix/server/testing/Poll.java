package dev.vaylix.server.testing;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for something another process does (a line in its log or audit file), with a deadline:
 * the condition is checked every few milliseconds until it holds or the time is up.
 */
public final class Poll {

    /** Long enough for a busy 2-core machine; a condition that takes longer is a failure. */
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Poll() {
    }

    /**
     * The first present result of {@code probe} within {@link #DEFAULT_TIMEOUT_MS}.
     *
     * @throws AssertionError naming {@code what} and the last state ({@code describe}) when the time is up
     */
    public static <T> T until(Supplier<Optional<T>> probe, String what, Supplier<String> describe) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEFAULT_TIMEOUT_MS);
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + DEFAULT_TIMEOUT_MS + " ms waiting for " + what + "\n"
                        + describe.get());
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    /** As {@link #until(Supplier, String, Supplier)} for a condition without a result. */
    public static void until(BooleanSupplier condition, String what, Supplier<String> describe) {
        until(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), what, describe);
    }
}

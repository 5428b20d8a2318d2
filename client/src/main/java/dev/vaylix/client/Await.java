package dev.vaylix.client;

import dev.vaylix.api.VaylixException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a reply in the synchronous API, with the client's timeout and the documented exceptions. */
final class Await {

    private Await() {
    }

    /**
     * The result of {@code future}.
     *
     * @param timeoutMs  0 = wait forever
     * @param mutating   the request changes state and was (or may have been) sent: a timeout or an interrupt
     *                   leaves its outcome unknown
     * @throws OutcomeUnknownException a mutating request timed out or the wait was interrupted, or the future
     *     failed with it
     * @throws VaylixException {@code TRN-016} a read timed out; {@code TRN-013} the wait was interrupted (the
     *     thread's interrupt flag is set again); or the failure the future completed with
     */
    static <T> T result(CompletableFuture<T> future, int timeoutMs, boolean mutating) {
        try {
            return timeoutMs > 0 ? future.get(timeoutMs, TimeUnit.MILLISECONDS) : future.get();
        } catch (ExecutionException e) {
            // Futures of this library complete with their final, already classified exception.
            Throwable cause = Failures.unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : Failures.transport(cause, mutating);
        } catch (TimeoutException e) {
            throw uncertain(Failures.timeout(timeoutMs), mutating);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw uncertain(Failures.interrupted(), mutating);
        } catch (CancellationException e) {
            throw new IllegalStateException("the request was cancelled (its transaction was discarded)", e);
        }
    }

    private static RuntimeException uncertain(VaylixException failure, boolean mutating) {
        return mutating
                ? new OutcomeUnknownException("no reply to a state-changing request (" + failure.describe()
                + "); it may or may not have been applied", failure)
                : failure;
    }
}

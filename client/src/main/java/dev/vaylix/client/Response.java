package dev.vaylix.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The future result of one request of a {@link Pipeline} or a {@link Transaction}.
 *
 * <p>{@link #get()} waits (up to the client's request timeout) and returns the typed result or throws the
 * request's own failure, as the synchronous API would. Thread-safe.
 *
 * @param <T> the result type
 */
public final class Response<T> {

    private final CompletableFuture<T> future;
    private final int timeoutMs;
    private final boolean mutating;
    private final String notReadyMessage;

    /**
     * @param notReadyMessage if not null, {@link #get()} before completion throws IllegalStateException with it
     *                        instead of waiting (transaction results exist only after EXEC)
     */
    Response(CompletableFuture<T> future, int timeoutMs, boolean mutating, String notReadyMessage) {
        this.future = Objects.requireNonNull(future, "future");
        this.timeoutMs = timeoutMs;
        this.mutating = mutating;
        this.notReadyMessage = notReadyMessage;
    }

    /**
     * The result.
     *
     * @throws IllegalStateException for a transaction result before {@link Transaction#exec()}, or after
     *     {@link Transaction#discard()}
     * @throws OutcomeUnknownException, dev.vaylix.api.VaylixException, UnrecognizedErrorException,
     *     TransactionAbortedException as documented on {@link VaylixClient}
     */
    public T get() {
        if (notReadyMessage != null && !future.isDone()) {
            throw new IllegalStateException(notReadyMessage);
        }
        return Await.result(future, timeoutMs, mutating);
    }

    /** True once the result or the failure is known. */
    public boolean isDone() {
        return future.isDone();
    }

    /** The underlying future (completes on the connection's reader thread: keep callbacks short). */
    public CompletableFuture<T> future() {
        return future;
    }
}

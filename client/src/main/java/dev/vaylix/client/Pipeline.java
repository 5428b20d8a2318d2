package dev.vaylix.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Many requests on one connection without waiting for each answer: {@link #add} sends at once and returns a
 * {@link Response}; {@link #sync()} waits until every response is in. Responses keep their order (the server
 * answers in request order) and each carries its own result or failure.
 *
 * <pre>{@code
 * Pipeline pipeline = client.pipeline();
 * Response<Long> counter = pipeline.add(Requests.incr("hits"));
 * Response<Optional<Bytes>> name = pipeline.add(Requests.get("name"));
 * pipeline.sync();
 * long hits = counter.get();
 * }</pre>
 *
 * <p>A pipeline holds at most {@link #PENDING_MAX} unsynced responses. Thread-safe, though one thread per
 * pipeline is the usual use.
 */
public final class Pipeline {

    /** Bound on responses kept between two {@link #sync()} calls. */
    public static final int PENDING_MAX = 1 << 20;

    private final VaylixClient client;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();

    Pipeline(VaylixClient client) {
        this.client = client;
    }

    /**
     * Sends {@code request} now (waiting only if the connection already has {@link ClientConfig#maxInFlight()}
     * requests unanswered).
     *
     * @throws IllegalStateException if {@link #PENDING_MAX} responses are waiting for {@link #sync()}
     */
    public synchronized <T> Response<T> add(Request<T> request) {
        if (pending.size() >= PENDING_MAX) {
            throw new IllegalStateException("a pipeline holds at most " + PENDING_MAX + " responses; call sync()");
        }
        CompletableFuture<T> future = client.callAsync(request);
        pending.add(future);
        return new Response<>(future, client.config().requestTimeoutMs(), Effects.mayChangeState(request.command()),
                null);
    }

    /**
     * Waits until every response added so far has its result or failure (each within the request timeout),
     * then forgets them. Failures are not thrown here; {@link Response#get()} throws each one.
     */
    public void sync() {
        List<CompletableFuture<?>> batch;
        synchronized (this) {
            batch = List.copyOf(pending);
            pending.clear();
        }
        for (CompletableFuture<?> future : batch) {
            try {
                Await.result(future, client.config().requestTimeoutMs(), false);
            } catch (RuntimeException ignored) {
                // Each response reports its own failure through Response.get().
            }
        }
    }
}

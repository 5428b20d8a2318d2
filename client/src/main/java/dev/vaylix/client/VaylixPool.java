package dev.vaylix.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A bounded pool of {@link VaylixClient} connections to one server.
 *
 * <pre>{@code
 * try (VaylixPool pool = VaylixPool.create(config, PoolConfig.DEFAULT)) {
 *     long hits = pool.withClient(client -> client.incr("hits"));
 * }
 * }</pre>
 *
 * <p>At most {@link PoolConfig#maxConnections()} connections exist at once; {@link #borrow()} waits up to
 * {@link PoolConfig#borrowTimeoutMs()} for one ({@link PoolTimeoutException} otherwise). Idle connections are
 * reused most-recently-returned first (they are the warmest), and one idle for
 * {@link PoolConfig#validateAfterIdleMs()} or more is checked with PING before it is lent out.
 *
 * <p>A connection is never handed to another borrower when it might surprise them: it is closed instead if it
 * failed, if the borrower called {@link Lease#invalidate()}, left a raw MULTI open, or switched identity with
 * AUTH. Typed transactions ({@link VaylixClient#multi()}) always finish within {@link Transaction#exec()} and
 * leave the connection clean.
 *
 * <p>Thread-safe. New connections are opened by the borrowing thread, outside any lock.
 */
public final class VaylixPool implements AutoCloseable {

    private record Idle(VaylixClient client, long returnedAtNanos) {
    }

    private final ClientConfig clientConfig;
    private final PoolConfig poolConfig;
    private final Function<ClientConfig, VaylixClient> connector;
    /** One permit per connection that may still be lent out. */
    private final Semaphore slots;
    private final Deque<Idle> idle = new ArrayDeque<>(); // guarded by this
    private boolean closed; // guarded by this

    VaylixPool(ClientConfig clientConfig, PoolConfig poolConfig, Function<ClientConfig, VaylixClient> connector) {
        this.clientConfig = Objects.requireNonNull(clientConfig, "clientConfig");
        this.poolConfig = Objects.requireNonNull(poolConfig, "poolConfig");
        this.connector = connector;
        this.slots = new Semaphore(poolConfig.maxConnections());
    }

    /** A pool whose connections are opened with {@link VaylixClient#connect} (and authenticated if configured). */
    public static VaylixPool create(ClientConfig clientConfig, PoolConfig poolConfig) {
        return new VaylixPool(clientConfig, poolConfig, VaylixClient::connect);
    }

    /** A borrowed connection; {@link #close()} gives it back. */
    public final class Lease implements AutoCloseable {
        private final VaylixClient client;
        private boolean returned; // guarded by this
        private boolean invalid; // guarded by this

        private Lease(VaylixClient client) {
            this.client = client;
        }

        public VaylixClient client() {
            return client;
        }

        /** Marks the connection unfit for reuse: it is closed when the lease is returned. */
        public synchronized void invalidate() {
            invalid = true;
        }

        /** Returns the connection to the pool (or closes it if it is not reusable). Idempotent. */
        @Override
        public void close() {
            boolean reusable;
            synchronized (this) {
                if (returned) {
                    return;
                }
                returned = true;
                reusable = !invalid;
            }
            giveBack(client, reusable);
        }
    }

    /**
     * Lends out a connection, opening one if no idle one is fit.
     *
     * @throws PoolTimeoutException if all {@link PoolConfig#maxConnections()} are lent out for longer than the
     *     borrow timeout
     * @throws dev.vaylix.api.VaylixException if a new connection cannot be opened or authenticated
     * @throws IllegalStateException after {@link #close()}
     */
    public Lease borrow() {
        requireOpen();
        acquireSlot();
        try {
            return new Lease(fitIdleOrNew());
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Runs {@code work} with a borrowed connection and gives it back. */
    public <T> T withClient(Function<VaylixClient, T> work) {
        try (Lease lease = borrow()) {
            return work.apply(lease.client());
        }
    }

    /** Idle connections right now. */
    public synchronized int idleCount() {
        return idle.size();
    }

    /** Connections lent out right now. */
    public int leasedCount() {
        return poolConfig.maxConnections() - slots.availablePermits();
    }

    /** Closes the idle connections; lent-out ones are closed when they come back. Idempotent. */
    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(entry -> entry.client().close());
    }

    private void acquireSlot() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(poolConfig.borrowTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolTimeoutException("interrupted while waiting for a pooled connection");
        }
        if (!acquired) {
            throw new PoolTimeoutException("no pooled connection to " + clientConfig.address() + " became free within "
                    + poolConfig.borrowTimeoutMs() + " ms (all " + poolConfig.maxConnections() + " are in use)");
        }
    }

    /** Reuses the most recently returned fit idle connection, closing unfit ones on the way, or opens one. */
    private VaylixClient fitIdleOrNew() {
        while (true) { // each iteration removes one idle connection, so this ends
            Idle candidate;
            synchronized (this) {
                requireOpen();
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return connector.apply(clientConfig);
            }
            if (isFit(candidate)) {
                return candidate.client();
            }
            candidate.client().close();
        }
    }

    private boolean isFit(Idle candidate) {
        VaylixClient client = candidate.client();
        if (!client.isReusable()) {
            return false;
        }
        long idleNanos = clientConfig.clock().monotonicNanos() - candidate.returnedAtNanos();
        if (idleNanos < TimeUnit.MILLISECONDS.toNanos(poolConfig.validateAfterIdleMs())) {
            return true;
        }
        try {
            client.ping();
            return true;
        } catch (RuntimeException e) {
            return false; // a connection that cannot answer PING is replaced
        }
    }

    private void giveBack(VaylixClient client, boolean reusable) {
        boolean kept = false;
        synchronized (this) {
            if (!closed && reusable && client.isReusable() && idle.size() < poolConfig.maxIdle()) {
                idle.addFirst(new Idle(client, clientConfig.clock().monotonicNanos()));
                kept = true;
            }
        }
        if (!kept) {
            client.close();
        }
        slots.release();
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
    }
}

package dev.vaylix.server.session;

import dev.vaylix.api.VaylixException;
import dev.vaylix.server.exec.CommandExecutor;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections and gives each its own virtual thread ({@link Session}). At most
 * {@code --max-connections} sessions run at once; a connection beyond that is closed at once, before
 * any byte is read, and counted ({@link #refused()}; it also counts as accepted and completed in the
 * metrics), so a flood of connections cannot exhaust memory or threads.
 *
 * <p>Thread-safe. The accept loop runs on its own thread; {@link #shutDown} stops it and ends the
 * sessions.
 */
public final class ConnectionAcceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAcceptor.class);

    private final ServerContext context;
    private final CommandExecutor executor;
    private final Listener listener;
    private final UUID serverId;
    private final Semaphore slots;
    private final Map<Long, Running> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopping;
    private Thread acceptThread;

    private record Running(Session session, Thread thread) {
    }

    public ConnectionAcceptor(ServerContext context, Listener listener, UUID serverId) {
        this.context = context;
        this.executor = new CommandExecutor(context);
        this.listener = listener;
        this.serverId = serverId;
        this.slots = new Semaphore(context.config().network().maxConnections());
    }

    /**
     * The most requests all sessions can have in flight at once: what the Raft driver must be able to
     * queue so that a full house of pipelining clients is never refused as overloaded (plus room for the
     * server's own proposals and reads).
     */
    public static int maxRequestsInFlight(int maxConnections) {
        return Math.addExact(Math.multiplyExact(maxConnections, RequestPipeline.WINDOW_REQUESTS), 1_024);
    }

    /** Starts accepting. */
    public synchronized void start() {
        if (acceptThread != null) {
            throw new IllegalStateException("already started");
        }
        acceptThread = Thread.ofPlatform().name("vaylix-accept").daemon().start(this::acceptLoop);
    }

    /** Connections closed because {@code --max-connections} sessions were running. */
    public long refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!stopping) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (VaylixException e) {
                if (stopping || !listener.isOpen()) {
                    return;
                }
                LOG.warn("event=accept_failed error={}", e.getMessage());
                continue;
            }
            context.metrics().increment(Metric.CONNECTION_ACCEPTED);
            if (!slots.tryAcquire()) {
                connection.close();
                context.metrics().increment(Metric.CONNECTION_COMPLETED);
                long count = refused.incrementAndGet();
                LOG.warn("event=connection_refused reason=max_connections max_connections={} refused_total={}",
                        context.config().network().maxConnections(), count);
                continue;
            }
            long id = nextId.incrementAndGet();
            Session session = new Session(context, executor, connection, id, serverId, () -> stopping);
            Thread thread = Thread.ofVirtual().name("vaylix-session-" + id).unstarted(() -> {
                try {
                    session.run();
                } finally {
                    sessions.remove(id);
                    context.metrics().decrement(Metric.CONNECTION_ACTIVE);
                    context.metrics().increment(Metric.CONNECTION_COMPLETED);
                    slots.release();
                }
            });
            sessions.put(id, new Running(session, thread));
            context.metrics().increment(Metric.CONNECTION_ACTIVE);
            thread.start();
        }
    }

    /**
     * Stops accepting, lets every session answer the requests it already read (within
     * {@code graceMillis} in total), then closes every connection and waits for the sessions to end.
     */
    public void shutDown(long graceMillis) throws InterruptedException {
        stopping = true;
        listener.close();
        Thread accept;
        synchronized (this) {
            accept = acceptThread;
        }
        if (accept != null) {
            accept.join(TimeUnit.SECONDS.toMillis(5));
        }
        long deadline = context.clock().monotonicNanos() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        List<Running> open = new ArrayList<>(sessions.values());
        for (Running running : open) {
            running.session().drainAndClose(remaining(deadline));
        }
        for (Running running : open) {
            // Closed connections end their sessions promptly; the bound only guards against a stuck one.
            running.thread().join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
        }
    }

    private long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - context.clock().monotonicNanos());
    }
}

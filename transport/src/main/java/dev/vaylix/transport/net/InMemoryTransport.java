package dev.vaylix.transport.net;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.transport.TransportErrors;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSession;

/**
 * In-memory transport for tests and simulations: two bounded pipes make a connection pair with the same
 * blocking, close and timeout behaviour as a socket, and an in-memory listener hands out such pairs.
 * Real frames travel through it, so everything above the byte stream is exercised for real.
 */
public final class InMemoryTransport {

    /** Per-direction buffering, like a socket's send plus receive buffers. */
    public static final int DEFAULT_PIPE_BYTES = 256 * 1024;

    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private InMemoryTransport() {
    }

    /** Two connected connections. */
    public record Pair(Connection client, Connection server) {
    }

    /** A connected pair with {@link #DEFAULT_PIPE_BYTES} per direction. */
    public static Pair pair() {
        return pair(DEFAULT_PIPE_BYTES);
    }

    public static Pair pair(int pipeBytes) {
        long id = NEXT_ID.getAndIncrement();
        BytePipe toServer = new BytePipe(pipeBytes);
        BytePipe toClient = new BytePipe(pipeBytes);
        Connection client = new StreamConnection(new PipeEndpoint(toClient, toServer, "memory:server-" + id));
        Connection server = new StreamConnection(new PipeEndpoint(toServer, toClient, "memory:client-" + id));
        return new Pair(client, server);
    }

    /**
     * A listener whose {@link InMemoryListener#connector()} creates pairs and queues their server ends.
     *
     * @param backlog how many unaccepted connections may wait; connecting beyond that fails ({@code TRN-013})
     */
    public static InMemoryListener listen(String name, int backlog) {
        return new InMemoryListener(name, backlog);
    }

    /** An in-memory {@link Listener}. Thread-safe. */
    public static final class InMemoryListener implements Listener {
        private final String name;
        private final int backlog;
        private final ArrayDeque<Connection> pending = new ArrayDeque<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private boolean closed;

        private InMemoryListener(String name, int backlog) {
            if (backlog <= 0) {
                throw new IllegalArgumentException("backlog must be > 0");
            }
            this.name = name;
            this.backlog = backlog;
        }

        /** A connector whose connections arrive at this listener. */
        public Connector connector() {
            return () -> {
                Pair pair = pair();
                lock.lock();
                try {
                    if (closed || pending.size() >= backlog) {
                        pair.client().close();
                        pair.server().close();
                        throw TransportErrors.ioFailure(closed ? "connection refused" : "listen queue full");
                    }
                    pending.addLast(pair.server());
                    arrived.signal();
                } finally {
                    lock.unlock();
                }
                return pair.client();
            };
        }

        @Override
        public Connection accept() {
            lock.lock();
            try {
                while (pending.isEmpty() && !closed) {
                    arrived.awaitUninterruptibly();
                }
                if (closed) {
                    throw ErrorCode.SRV_002.exception("listener closed");
                }
                return pending.removeFirst();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String localAddress() {
            return "memory:" + name;
        }

        @Override
        public boolean isOpen() {
            lock.lock();
            try {
                return !closed;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                pending.forEach(Connection::close);
                pending.clear();
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** One end of a pair: reads one pipe, writes the other. */
    private record PipeEndpoint(BytePipe in, BytePipe out, String peer) implements Endpoint {
        @Override
        public InputStream input() {
            return in.input();
        }

        @Override
        public OutputStream output() {
            return out.output();
        }

        @Override
        public void readTimeoutMs(int timeoutMs) {
            in.readTimeoutMs(timeoutMs);
        }

        @Override
        public void handshake() {
            // No security layer in memory.
        }

        @Override
        public Optional<SSLSession> tlsSession() {
            return Optional.empty();
        }

        @Override
        public String peerAddress() {
            return peer;
        }

        @Override
        public void close() {
            out.closeWriter();
            in.closeReader();
        }
    }
}

package dev.vaylix.client.testing;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestEnvelope;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.SocketListener;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.net.TlsServerConfig;
import dev.vaylix.transport.session.Handshakes;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process VTP2 server over real sockets for client tests: the transport's real server-side pieces
 * (listener, TLS, {@link Handshakes#accept}, codecs) in front of a {@link FakeStore}, with the session rules a
 * client observes: AUTH against a user table ({@code SRV-008}; without AUTH every command but PING and AUTH is
 * {@code SRV-007}), MULTI/EXEC/DISCARD with {@code QUEUED} replies, {@code SRV-014}/{@code SRV-015}/{@code SRV-016}.
 * Requests are answered in order; each connection has a reader and an answering virtual thread, and answers
 * are flushed once per batch of queued requests. It is not the product server.
 *
 * <p>An {@link Interceptor} can replace any answer, drop the connection instead of answering, or hold an answer
 * back, to provoke the failures clients must classify.
 */
public final class FakeVaylixServer implements AutoCloseable {

    /** What to do with a request instead of answering it normally. */
    public sealed interface Action {
        /** Answer with this reply. */
        record Answer(Reply reply) implements Action {
        }

        /** Close the connection without answering. */
        record Drop() implements Action {
        }

        /** Wait until the latch opens (at most 10 s), then answer normally. */
        record Hold(CountDownLatch release) implements Action {
        }
    }

    /** Chooses an {@link Action} for a request, or null to answer normally. Called on connection threads. */
    @FunctionalInterface
    public interface Interceptor {
        Action intercept(Command command);
    }

    private final SocketListener listener;
    private final FakeStore store = new FakeStore();
    private final Map<String, String> users;
    private final boolean authRequired;
    private final Negotiation.ServerOptions options;
    private volatile Interceptor interceptor = command -> null;
    private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    private FakeVaylixServer(SocketListener listener, Map<String, String> users, boolean authRequired,
                             Negotiation.ServerOptions options) {
        this.listener = listener;
        this.users = Map.copyOf(users);
        this.authRequired = authRequired;
        this.options = options;
        this.acceptor = Thread.ofVirtual().name("fake-server-acceptor").start(this::acceptLoop);
    }

    /** A plain TCP server on a free loopback port with the user {@code vaylix}/{@code vaylix}. */
    public static FakeVaylixServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration of a fake server. */
    public static final class Builder {
        private Map<String, String> users = Map.of("vaylix", "vaylix");
        private boolean authRequired = true;
        private TlsServerConfig tls;
        private Compression compression = Compression.ZSTD;
        private int port;

        public Builder users(Map<String, String> value) {
            users = value;
            return this;
        }

        /** Like {@code --disable-auth}: every command works without AUTH, and AUTH always succeeds. */
        public Builder authDisabled() {
            authRequired = false;
            return this;
        }

        public Builder tls(TlsServerConfig value) {
            tls = value;
            return this;
        }

        public Builder compression(Compression value) {
            compression = value;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public FakeVaylixServer start() {
            InetSocketAddress bind = new InetSocketAddress("127.0.0.1", port);
            SocketListener listener = tls == null ? SocketTransport.listen(bind, SocketTransport.DEFAULT_BACKLOG)
                    : SocketTransport.listenTls(bind, SocketTransport.DEFAULT_BACKLOG, tls);
            return new FakeVaylixServer(listener, users, authRequired, new Negotiation.ServerOptions(compression,
                    Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES, Vtp2.MAX_FRAME_LEN));
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    /** A client configuration that reaches this server as {@code vaylix}/{@code vaylix}, 5 s per reply. */
    public ClientConfig.Builder clientConfig() {
        return ClientConfig.builder().host(host()).port(port()).credentials("vaylix", "vaylix").requestTimeoutMs(5_000);
    }

    public int port() {
        return listener.port();
    }

    public FakeStore store() {
        return store;
    }

    /** Replaces the interceptor (null-returning by default). */
    public void intercept(Interceptor value) {
        interceptor = value;
    }

    /** Connections accepted so far. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Requests received so far (hellos excluded). */
    public int requestsReceived() {
        return requests.get();
    }

    /** Connections currently open. */
    public int openConnections() {
        connections.removeIf(connection -> !connection.isOpen());
        return connections.size();
    }

    /** Closes every open connection (the listener keeps accepting). */
    public void dropConnections() {
        connections.forEach(Connection::close);
    }

    /** Failures that ended connections other than by a clean close (TLS refusals, protocol errors). */
    public Queue<Throwable> errors() {
        return errors;
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (VaylixException e) {
                return;
            }
            accepted.incrementAndGet();
            connections.add(connection);
            Thread.ofVirtual().name("fake-server-" + connection.peerAddress()).start(() -> serve(connection));
        }
    }

    private static final String ALL_PERMISSIONS =
            "read,write,admin,backup,restore,metrics,snapshot,clear,user_admin,role_admin";

    /** Per-connection state a client can observe. */
    private final class Session {
        boolean authenticated = !authRequired;
        // Like the real server: with auth off every session is "anonymous" (COMPATIBILITY.md, Note 14).
        String username = authRequired ? null : "anonymous";
        List<Command> transaction; // null outside MULTI

        Reply answer(Command command) {
            if (command instanceof Command.Auth auth) {
                authenticated = !authRequired || auth.password().equals(users.get(auth.username()));
                if (authenticated) {
                    username = authRequired ? auth.username() : "anonymous";
                }
                return authenticated ? Reply.OK : Reply.Error.of(ErrorCode.SRV_008);
            }
            if (!authenticated && !(command instanceof Command.Ping)) {
                return Reply.Error.of(ErrorCode.SRV_007);
            }
            return switch (command) {
                case Command.Multi _ -> {
                    if (transaction != null) {
                        yield Reply.Error.of(ErrorCode.SRV_014);
                    }
                    transaction = new ArrayList<>();
                    yield Reply.OK;
                }
                case Command.Exec _ -> {
                    if (transaction == null) {
                        yield Reply.Error.of(ErrorCode.SRV_015);
                    }
                    List<Command> queued = transaction;
                    transaction = null;
                    yield store.applyAll(queued);
                }
                case Command.Discard _ -> {
                    if (transaction == null) {
                        yield Reply.Error.of(ErrorCode.SRV_015);
                    }
                    transaction = null;
                    yield Reply.OK;
                }
                // The fake has no RBAC: every user may do everything, which WHOAMI reports as the real server does for
                // an administrator (all ten permissions in the fixed order of COMMANDS.md §3.4).
                case Command.Whoami _ -> new Reply.Entries(List.of(Reply.Entry.text("username", username),
                        Reply.Entry.text("permissions", ALL_PERMISSIONS)));
                default -> {
                    if (transaction == null) {
                        yield store.apply(command);
                    }
                    if (!WriteBatchCodec.isQueueable(command)) {
                        yield Reply.Error.of(ErrorCode.SRV_016);
                    }
                    transaction.add(command);
                    yield Reply.QUEUED;
                }
            };
        }
    }

    /** One decoded request, handed from a connection's reader to its answering thread. */
    private record Incoming(UUID requestId, Command command) {
    }

    /** Marks the end of a connection's requests (clean close or failure). */
    private static final Incoming END = new Incoming(new UUID(0, 0), new Command.Ping(java.util.Optional.empty()));
    private static final int QUEUE_CAPACITY = 4096;

    /**
     * Serves one connection like a server that batches its writes: a reader thread decodes requests into a
     * bounded queue; this thread answers everything queued, in order, and flushes once per batch. (Flushing
     * every answer would make clients pay a read per reply, which no real server forces on them.)
     */
    private void serve(Connection connection) {
        try (connection) {
            connection.readTimeoutMs(10_000);
            connection.handshake();
            if (Handshakes.accept(connection, options, new UUID(0xFA4E, 1)).isEmpty()) {
                return;
            }
            connection.readTimeoutMs(0);
            BlockingQueue<Incoming> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            Thread.ofVirtual().name("fake-server-reader-" + connection.peerAddress()).start(() -> read(connection, queue));
            Session session = new Session();
            BodyWriter out = new BodyWriter();
            List<Incoming> batch = new ArrayList<>();
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                for (Incoming incoming : batch) {
                    if (incoming == END) {
                        connection.flush();
                        return;
                    }
                    Reply reply = null;
                    switch (interceptor.intercept(incoming.command())) {
                        case null -> { }
                        case Action.Answer answer -> reply = answer.reply();
                        case Action.Drop drop -> {
                            return;
                        }
                        case Action.Hold hold -> {
                            connection.flush(); // what was answered before goes out first
                            if (!hold.release().await(10, TimeUnit.SECONDS)) {
                                return;
                            }
                        }
                    }
                    if (reply == null) {
                        reply = session.answer(incoming.command());
                    }
                    ResponseCodec.encode(out, incoming.requestId(), reply);
                    connection.send(out);
                }
                batch.clear();
                connection.flush();
            }
        } catch (VaylixException e) {
            if (listener.isOpen()) {
                errors.add(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(Connection connection, BlockingQueue<Incoming> queue) {
        try {
            while (true) {
                ByteBuffer body = connection.receive();
                if (body == null) {
                    break;
                }
                requests.incrementAndGet();
                RequestEnvelope envelope = RequestCodec.decodeEnvelope(body);
                queue.put(new Incoming(envelope.requestId(), RequestCodec.decodeCommand(envelope)));
            }
        } catch (VaylixException e) {
            if (listener.isOpen() && connection.isOpen()) {
                errors.add(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            endOfRequests(connection, queue);
        }
    }

    /** Tells the answering thread that no request follows, unless it already left (and closed the connection). */
    private static void endOfRequests(Connection connection, BlockingQueue<Incoming> queue) {
        try {
            while (connection.isOpen() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                // The answering thread is busy with a full queue; retry while it is still there.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        listener.close();
        connections.forEach(Connection::close);
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

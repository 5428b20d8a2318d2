package dev.vaylix.client;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.ServerHello;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.session.AsyncClientSession;
import dev.vaylix.transport.session.RequestIds;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.StampedLock;

/**
 * One connection to a Vaylix server: hello negotiation, optional AUTH, TLS/mTLS, and every command, typed.
 *
 * <p><b>Sharing.</b> Thread-safe: any number of threads may call it at once; their requests are pipelined on
 * the one connection (at most {@link ClientConfig#maxInFlight()} unanswered, further calls wait). For more
 * parallelism than one connection gives, use a {@link VaylixPool}.
 *
 * <p><b>Four ways to send.</b>
 * <ul>
 *   <li>Typed, synchronous: {@link #get}, {@link #set}, {@link #incr}, … and {@link #call(Request)} with any
 *       {@link Requests} factory; {@link #admin()} has the administrative commands.</li>
 *   <li>Asynchronous: {@link #callAsync(Request)} returns a {@link CompletableFuture} at once.</li>
 *   <li>Pipelined: {@link #pipeline()} — add many requests, {@link Pipeline#sync()}, read the results in order.</li>
 *   <li>Transactions: {@link #multi()} — queue requests locally, {@link Transaction#exec()} applies them
 *       atomically.</li>
 * </ul>
 * {@link #execute(Command)} is the raw form: server errors come back as {@link Reply.Error} values instead of
 * exceptions (the command line uses it to print replies exactly).
 *
 * <p><b>Errors.</b> The typed API throws:
 * <ul>
 *   <li>{@link dev.vaylix.api.VaylixException} — a definite failure with a catalogue code: the server refused the
 *       command (its code, name and message), the request could not be encoded and was not sent, or the
 *       connection failed while the request was a read. A refused write had no effect.</li>
 *   <li>{@link OutcomeUnknownException} — a state-changing command may or may not have been applied: the
 *       server answered {@code SRV-035}, or the connection failed, the reply timed out
 *       ({@link ClientConfig#requestTimeoutMs()}) or the thread was interrupted after it was sent. Read the
 *       data back before retrying.</li>
 *   <li>{@link UnrecognizedErrorException} — an error code this client does not know (definite).</li>
 * </ul>
 * After a transport failure the connection is closed ({@link #isOpen()} is false) and every later call fails
 * at once with {@code TRN-013}; open a new client. A timed-out reply does not close the connection: the
 * answer, when it comes, is matched and discarded.
 */
public final class VaylixClient implements AutoCloseable {

    private final AsyncClientSession session;
    private final SendTracker tracker;
    private final ClientConfig config;
    private final Admin admin;
    /** Shared for every submit; exclusive while a transaction needs the connection to itself. */
    private final StampedLock order = new StampedLock();
    /** A raw MULTI may have left the server-side session inside a transaction. */
    private volatile boolean rawTransactionOpen;
    /** AUTH was sent after connecting: the identity is no longer the configured one. */
    private volatile boolean identityChanged;

    private VaylixClient(AsyncClientSession session, SendTracker tracker, ClientConfig config) {
        this.session = session;
        this.tracker = tracker;
        this.config = config;
        this.admin = new Admin(this);
    }

    /**
     * Connects (TCP or TLS per {@code config}), negotiates, and sends AUTH if credentials are configured.
     *
     * @throws dev.vaylix.api.VaylixException {@code TRN-013} if the server cannot be reached or the TLS handshake
     *     fails; {@code TRN-014} if the server rejects the hello; the AUTH error ({@code SRV-008},
     *     {@code SRV-031}, …) if the credentials are refused — the connection is closed in every case
     */
    public static VaylixClient connect(ClientConfig config) {
        VaylixClient client = handshake(config.connector().connect(), config);
        if (config.credentials().isPresent()) {
            Credentials credentials = config.credentials().get();
            try {
                client.call(Requests.auth(credentials.username(), credentials.password()));
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
            client.identityChanged = false; // this is the configured identity
        }
        return client;
    }

    /**
     * Performs only the hello on an open connection (announcing AUTH intent if credentials are configured);
     * the caller authenticates itself, for example to show the AUTH reply (the command line does).
     *
     * @throws dev.vaylix.api.VaylixException as {@link #connect}, except AUTH; the connection is closed on failure
     */
    public static VaylixClient handshake(Connection connection, ClientConfig config) {
        SendTracker tracker = new SendTracker(Objects.requireNonNull(connection, "connection"));
        AsyncClientSession session = AsyncClientSession.open(tracker, config.clientOptions(),
                RequestIds.uuidV7(config.clock()), config.maxInFlight(),
                Thread.ofVirtual().name("vaylix-client-reader-", 0).factory());
        return new VaylixClient(session, tracker, config);
    }

    /** The negotiated hello: capabilities, compression, frame limit, server id. */
    public ServerHello serverHello() {
        return session.serverHello();
    }

    public ClientConfig config() {
        return config;
    }

    /** True until the connection failed or was closed. */
    public boolean isOpen() {
        return session.isOpen();
    }

    /** Closes the connection; unanswered requests fail ({@link OutcomeUnknownException} for writes). Idempotent. */
    @Override
    public void close() {
        session.close();
    }

    // ---------------------------------------------------------------- raw and generic API

    /**
     * Sends {@code command} and waits for its reply, returned as is (an error reply is a {@link Reply.Error}).
     *
     * @throws dev.vaylix.api.VaylixException the request could not be sent, or a read failed in transport
     * @throws OutcomeUnknownException a state-changing command failed in transport after it was sent, or timed out
     * @throws IllegalArgumentException for HELP and EXIT, which never leave the command line
     */
    public Reply execute(Command command) {
        return Await.result(executeAsync(command), config.requestTimeoutMs(), Effects.mayChangeState(command));
    }

    /** {@link #execute} without waiting. The future completes on the reader thread: keep callbacks short. */
    public CompletableFuture<Reply> executeAsync(Command command) {
        refuseLocal(command);
        long stamp = order.readLock();
        try {
            return submit(command);
        } finally {
            order.unlockRead(stamp);
        }
    }

    /** Sends a typed request and waits for its result; see the class comment for the exceptions. */
    public <T> T call(Request<T> request) {
        return Await.result(callAsync(request), config.requestTimeoutMs(), Effects.mayChangeState(request.command()));
    }

    /** {@link #call} without waiting; the future fails with the exceptions {@link #call} would throw. */
    public <T> CompletableFuture<T> callAsync(Request<T> request) {
        return executeAsync(request.command()).thenApply(request::decode);
    }

    /** A new pipeline on this connection. */
    public Pipeline pipeline() {
        return new Pipeline(this);
    }

    /** A new transaction on this connection: queue requests, then {@link Transaction#exec()}. */
    public Transaction multi() {
        return new Transaction(this);
    }

    /** The administrative commands (users, roles, backups, maintenance, metrics, cluster). */
    public Admin admin() {
        return admin;
    }

    // ---------------------------------------------------------------- session

    /** PING: {@code PONG}. */
    public String ping() {
        return call(Requests.ping());
    }

    /** AUTH: switches this connection's identity. */
    public void auth(String username, String password) {
        call(Requests.auth(username, password));
    }

    /** WHOAMI: {@code username} and {@code permissions}. */
    public Map<String, String> whoami() {
        return call(Requests.whoami());
    }

    // ---------------------------------------------------------------- key/value

    public Optional<Bytes> get(String key) {
        return call(Requests.get(key));
    }

    /** GET, decoded as UTF-8 text ({@code TRN-012} if the value is not UTF-8). */
    public Optional<String> getString(String key) {
        return get(key).map(Bytes::utf8String);
    }

    public void set(String key, Bytes value) {
        call(Requests.set(key, value));
    }

    public void set(String key, String value) {
        call(Requests.set(key, value));
    }

    /** SET with options: true if the value was written. */
    public boolean set(String key, Bytes value, SetOptions options) {
        return call(Requests.set(key, value, options));
    }

    /** SET … GET: the previous value, whether or not the write happened. */
    public Optional<Bytes> setAndGet(String key, Bytes value, SetOptions options) {
        return call(Requests.setAndGet(key, value, options));
    }

    public boolean setNx(String key, Bytes value) {
        return call(Requests.setNx(key, value));
    }

    public Optional<Bytes> getDel(String key) {
        return call(Requests.getDel(key));
    }

    /** GETEX with EX/PX ({@link Expiration#NONE} = plain read). */
    public Optional<Bytes> getEx(String key, Expiration expiration) {
        return call(Requests.getEx(key, expiration));
    }

    public Optional<Bytes> getExPersist(String key) {
        return call(Requests.getExPersist(key));
    }

    public List<Optional<Bytes>> mget(String... keys) {
        return mget(Arrays.asList(keys));
    }

    public List<Optional<Bytes>> mget(Collection<String> keys) {
        return call(Requests.mget(keys));
    }

    public void mset(Map<String, Bytes> pairs) {
        call(Requests.mset(pairs));
    }

    /** DEL: how many of the keys existed. */
    public long del(String... keys) {
        return call(Requests.del(Arrays.asList(keys)));
    }

    public boolean exists(String key) {
        return call(Requests.exists(key));
    }

    public long incr(String key) {
        return call(Requests.incr(key));
    }

    public long decr(String key) {
        return call(Requests.decr(key));
    }

    public boolean expire(String key, long seconds) {
        return call(Requests.expire(key, seconds));
    }

    /** TTL: -2 missing, -1 no expiry, else remaining seconds rounded up. */
    public long ttl(String key) {
        return call(Requests.ttl(key));
    }

    public boolean persist(String key) {
        return call(Requests.persist(key));
    }

    public boolean rename(String source, String destination) {
        return call(Requests.rename(source, destination));
    }

    public boolean renameNx(String source, String destination) {
        return call(Requests.renameNx(source, destination));
    }

    public Reply.ScanPage scan(long cursor) {
        return call(Requests.scan(cursor));
    }

    public Reply.ScanPage scan(long cursor, Optional<String> pattern, OptionalInt count) {
        return call(Requests.scan(cursor, pattern, count));
    }

    public long dbSize() {
        return call(Requests.dbSize());
    }

    public List<KeyValue> list() {
        return call(Requests.list());
    }

    public void clear() {
        call(Requests.clear());
    }

    // ---------------------------------------------------------------- internals for Pipeline, Transaction, pool

    /** Takes the connection for a transaction: no other request is sent until {@link #releaseExclusive}. */
    long takeExclusive() {
        return order.writeLock();
    }

    void releaseExclusive(long stamp) {
        order.unlockWrite(stamp);
    }

    /**
     * Sends one request; the caller holds the order lock (shared or exclusive). The returned future fails with
     * the classified transport failure: definite if the request provably never reached the socket, else
     * (for a state-changing command) {@link OutcomeUnknownException}.
     */
    CompletableFuture<Reply> submit(Command command) {
        boolean mutating = Effects.mayChangeState(command);
        tracker.beginSubmit();
        CompletableFuture<Reply> sent = session.submit(command);
        // A failure raised inside submit on this thread before any byte was handed to the socket (encoding,
        // a session that had already failed) is definite; anything later may have reached the server.
        boolean neverSent = sent.isCompletedExceptionally() && !tracker.sentSinceBegin();
        return sent.handle((reply, failure) -> {
            if (failure != null) {
                throw Failures.transport(failure, mutating && !neverSent);
            }
            observe(command, reply);
            return reply;
        });
    }

    /** Tracks session state that a raw command can change, so the pool never hands it on. */
    private void observe(Command command, Reply reply) {
        switch (command) {
            case Command.Multi _ -> rawTransactionOpen |= reply instanceof Reply.Ok;
            // Only a successful EXEC/DISCARD certainly closed it (SRV-012 or SRV-033 leave it open).
            case Command.Exec _, Command.Discard _ ->
                    rawTransactionOpen &= !(reply instanceof Reply.Ok || reply instanceof Reply.ExecResults);
            case Command.Auth _ -> identityChanged = true;
            default -> { }
        }
    }

    /** True if the connection can serve another user: open, outside MULTI, with the configured identity. */
    boolean isReusable() {
        return isOpen() && !rawTransactionOpen && !identityChanged;
    }

    /** Local commands never reach a server. */
    private static void refuseLocal(Command command) {
        if (command.type().isLocal()) {
            throw new IllegalArgumentException(command.type() + " is local to the command line and is never sent");
        }
    }
}

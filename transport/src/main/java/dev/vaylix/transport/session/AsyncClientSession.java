package dev.vaylix.transport.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.ReplicationRequest;
import dev.vaylix.transport.ReplyShape;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestMetadata;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.ResponseEnvelope;
import dev.vaylix.transport.ServerHello;
import dev.vaylix.transport.TransportErrors;
import dev.vaylix.transport.net.Connection;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * An asynchronous, pipelining client connection: any number of threads {@link #submit} requests and get a
 * {@link CompletableFuture} each; one reader thread reads the responses, which the server sends in request
 * order, checks each against the oldest unanswered request's id, and completes its future.
 *
 * <p>Writes are batched without a timer: a submitter that sees other submitters waiting for the send lock
 * leaves the flush to the last of them, so under load many requests share one write, and a lone request is
 * flushed at once.
 *
 * <p>Back-pressure: at most {@code maxInFlight} requests are unanswered; {@link #submit} blocks (parks the
 * virtual thread) until a slot frees up.
 *
 * <p>Futures complete on the reader thread: keep callbacks short or use the {@code *Async} variants, or the
 * reader stalls. Server error replies complete normally with a {@link Reply.Error}; futures complete
 * exceptionally with a {@link VaylixException} when the request could not be encoded (that request only) or
 * the connection failed (every unanswered request, and every later submit).
 *
 * <p>Thread-safe.
 */
public final class AsyncClientSession implements Closeable {

    private final Connection connection;
    private final RequestIds ids;
    private final ServerHello serverHello;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final BodyWriter body = new BodyWriter(); // guarded by sendLock
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight;
    private final AtomicReference<VaylixException> failure = new AtomicReference<>();

    private AsyncClientSession(Connection connection, RequestIds ids, ServerHello serverHello, int maxInFlight) {
        this.connection = connection;
        this.ids = ids;
        this.serverHello = serverHello;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * Performs the startup exchange, then starts the reader thread.
     *
     * @param maxInFlight   bound on unanswered requests (≥ 1)
     * @param readerThreads creates the reader thread; {@code Thread.ofVirtual().factory()} suits
     */
    public static AsyncClientSession open(Connection connection, ClientOptions options, RequestIds ids, int maxInFlight,
                                          ThreadFactory readerThreads) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1");
        }
        ServerHello hello;
        try {
            hello = Handshakes.connect(connection, options);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        AsyncClientSession session = new AsyncClientSession(connection, ids, hello, maxInFlight);
        Thread reader = readerThreads.newThread(session::readLoop);
        reader.start();
        return session;
    }

    public ServerHello serverHello() {
        return serverHello;
    }

    /** Sends {@code command} without metadata. */
    public CompletableFuture<Reply> submit(Command command) {
        return submit(command, RequestMetadata.NONE);
    }

    /** Sends {@code command}; the future completes with its reply. */
    public CompletableFuture<Reply> submit(Command command, RequestMetadata metadata) {
        ReplyShape shape;
        try {
            shape = ReplyShape.of(command);
        } catch (VaylixException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(shape, id -> RequestCodec.encode(body, id, metadata, command));
    }

    /** Sends a replication request; the future completes with its raw reply. */
    public CompletableFuture<Reply> submit(ReplicationRequest request) {
        return send(ReplyShape.RAW, id -> RequestCodec.encode(body, id, RequestMetadata.NONE, request));
    }

    private CompletableFuture<Reply> send(ReplyShape shape, Consumer<UUID> encoder) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        VaylixException failed = failure.get();
        if (failed != null) {
            return CompletableFuture.failedFuture(failed);
        }
        inFlight.acquireUninterruptibly();
        Pending entry = null;
        sendLock.lock();
        try {
            if (failure.get() != null) {
                inFlight.release();
                future.completeExceptionally(failure.get());
                return future;
            }
            UUID id = ids.next();
            try {
                encoder.accept(id);
            } catch (VaylixException e) {
                inFlight.release();
                future.completeExceptionally(e); // this request only; nothing was sent
                return future;
            }
            entry = new Pending(id, shape, future);
            pending.add(entry); // before the bytes leave, so the reader always finds it
            try {
                connection.send(body);
            } catch (VaylixException e) {
                if (e.code() == ErrorCode.TRN_006 || e.code() == ErrorCode.TRN_011) {
                    pending.remove(entry); // the frame writer wrote nothing: only this request fails
                    inFlight.release();
                    future.completeExceptionally(e);
                    return future;
                }
                failAll(e);
            }
        } finally {
            try {
                if (failure.get() == null && !sendLock.hasQueuedThreads()) {
                    connection.flush(); // the last of a burst of submitters flushes for all of them
                }
            } catch (VaylixException e) {
                failAll(e);
            } finally {
                sendLock.unlock();
            }
        }
        if (failure.get() != null) {
            drain(failure.get()); // the reader may have drained before this entry was queued
        }
        return future;
    }

    private void readLoop() {
        try {
            while (true) {
                ByteBuffer response = connection.receive();
                if (response == null) {
                    failAll(TransportErrors.ioFailure("connection closed by the server"));
                    return;
                }
                ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(response);
                Pending head = pending.poll();
                if (head == null) {
                    failAll(ErrorCode.CLI_006.exception("no request", envelope.requestId()));
                    return;
                }
                if (!head.id().equals(envelope.requestId())) {
                    VaylixException mismatch = ErrorCode.CLI_006.exception(head.id(), envelope.requestId());
                    head.future().completeExceptionally(mismatch);
                    inFlight.release();
                    failAll(mismatch);
                    return;
                }
                Reply reply;
                try {
                    reply = ResponseCodec.decodeReply(envelope, head.shape());
                } catch (VaylixException e) {
                    // The frame was consumed whole, so the stream is still in step: only this reply is bad.
                    inFlight.release();
                    head.future().completeExceptionally(e);
                    continue;
                }
                inFlight.release();
                head.future().complete(reply);
            }
        } catch (VaylixException e) {
            failAll(e);
        } catch (RuntimeException e) {
            failAll(new VaylixException(ErrorCode.TRN_013, ErrorCode.TRN_013.message(String.valueOf(e)), e));
        }
    }

    /** Marks the session failed (first failure wins), closes the connection, fails every unanswered request. */
    private void failAll(VaylixException cause) {
        failure.compareAndSet(null, cause);
        connection.close();
        drain(failure.get());
    }

    private void drain(VaylixException cause) {
        Pending entry;
        while ((entry = pending.poll()) != null) {
            inFlight.release();
            entry.future().completeExceptionally(cause);
        }
    }

    /** True until the connection failed or was closed. */
    public boolean isOpen() {
        return failure.get() == null && connection.isOpen();
    }

    /** Closes the connection; unanswered requests fail with {@code TRN-013}. */
    @Override
    public void close() {
        failAll(TransportErrors.ioFailure("session closed"));
    }

    private record Pending(UUID id, ReplyShape shape, CompletableFuture<Reply> future) {
    }
}

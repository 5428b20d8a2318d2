package dev.vaylix.server.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.exec.CommandExecutor.Concurrency;
import dev.vaylix.server.exec.PendingReply;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.RequestEnvelope;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.TransportErrors;
import dev.vaylix.transport.net.Connection;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one connection after the hello: read in order, checked in order, answered in order
 * (VTP2.md §7.3), but not necessarily executed one at a time.
 *
 * <p>Two virtual threads. The <b>reader</b> (the session's thread) reads a frame, decodes its envelope,
 * runs the {@link RequestGate} checks and starts the request, then reads the next one. The <b>writer</b>
 * takes the requests in the order they were read, waits for each reply, encodes and sends it, and
 * flushes whenever it would otherwise wait, so replies that are ready leave together.
 *
 * <p>Consecutive proposals of a connection are proposed without waiting for each other and share
 * group commits (the log keeps their order); consecutive reads share ReadIndex rounds. Everything else,
 * and every switch between reads and writes, waits until the earlier requests are answered, so a
 * connection observes its own requests in order exactly as if they ran one at a time
 * ({@code CommandExecutor.Concurrency}). At most {@value #WINDOW_REQUESTS} requests are in flight per
 * connection; beyond that the reader stops reading.
 *
 * <p>The connection ends at a clean end of stream, at a frame or envelope error (§7.2: closed without a
 * reply), at the idle timeout, when the server stops, or when a reply cannot be sent. Requests read
 * before the end are still answered, then the connection is closed.
 */
final class RequestPipeline {

    /** Requests of one connection in flight at once. */
    static final int WINDOW_REQUESTS = 128;

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

    private final ServerContext context;
    private final Connection connection;
    private final RequestGate gate;
    private final RequestObserver observer;
    private final long connectionId;
    private final BooleanSupplier stopping;
    private final Window window = new Window(WINDOW_REQUESTS);
    private Concurrency run = Concurrency.INLINE;

    RequestPipeline(ServerContext context, Connection connection, RequestGate gate, RequestObserver observer, long connectionId,
                    BooleanSupplier stopping) {
        this.context = context;
        this.connection = connection;
        this.gate = gate;
        this.observer = observer;
        this.connectionId = connectionId;
        this.stopping = stopping;
    }

    /**
     * Waits until every request read so far has been answered (at most {@code timeoutNanos}): the server's
     * shutdown closes the connection only then. Any thread.
     */
    boolean awaitAnswered(long timeoutNanos) throws InterruptedException {
        return window.awaitDrained(timeoutNanos);
    }

    /** Serves the connection until it ends; returns once every admitted request was answered or discarded. */
    void run() throws InterruptedException {
        Thread writer = Thread.ofVirtual().name("vaylix-writer-" + connectionId).start(this::writeLoop);
        try {
            readLoop();
        } finally {
            window.end();
            writer.join();
        }
    }

    private void readLoop() throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            ByteBuffer body;
            try {
                body = connection.receive();
            } catch (VaylixException e) {
                ended(e);
                return;
            }
            long startNanos = context.clock().monotonicNanos();
            if (body == null || stopping.getAsBoolean()) {
                return; // a clean end between frames, or the server stops: at the read boundary (§7.2)
            }
            RequestEnvelope envelope;
            try {
                envelope = RequestEnvelope.decode(body);
            } catch (VaylixException e) {
                // §7.2: envelope errors (TRN-002 unknown opcode, TRN-008 metadata flags, TRN-007) close the connection.
                LOG.debug("event=connection_closed connection_id={} reason={}", connectionId, e.code().code());
                return;
            }
            RequestGate.Dispatch dispatch = gate.admit(envelope);
            barrier(dispatch.concurrency());
            PendingReply reply = dispatch.action().get();
            window.put(new Slot(envelope.requestId(), dispatch.opcode(), envelope.commandType(), dispatch.command(), gate.username(),
                    startNanos, reply, dispatch.raw(), dispatch.refusal()));
        }
    }

    /** Waits for the earlier requests where this one must not overlap them (see the class comment). */
    private void barrier(Concurrency next) throws InterruptedException {
        switch (next) {
            case IMMEDIATE -> {
                // answered from the request alone: no ordering with execution
            }
            case INLINE -> {
                window.awaitDrained();
                run = Concurrency.INLINE;
            }
            case PROPOSE, READ -> {
                if (run != next) {
                    window.awaitDrained();
                    run = next;
                }
            }
        }
    }

    private void ended(VaylixException e) {
        if (TransportErrors.isTimeout(e)) {
            if (context.config().network().idleTimeoutSeconds().isPresent()) {
                context.metrics().increment(Metric.CONNECTION_IDLE_DISCONNECT);
            }
            LOG.debug("event=connection_idle_timeout connection_id={}", connectionId);
        } else {
            // §7.2: frame-layer errors and I/O failures close the connection without a reply.
            LOG.debug("event=connection_closed connection_id={} reason={}", connectionId, e.code().code());
        }
    }

    private void writeLoop() {
        BodyWriter body = new BodyWriter();
        boolean broken = false;
        try {
            while (true) {
                Slot slot = window.poll();
                if (slot == null) {
                    broken = flush(broken);
                    slot = window.take();
                }
                if (slot == Slot.END) {
                    flush(broken);
                    return;
                }
                if (!slot.reply().isReady()) {
                    broken = flush(broken); // what is ready leaves before we wait
                }
                try {
                    Reply reply = slot.reply().await();
                    if (!broken) {
                        broken = !send(body, slot, reply);
                    }
                    observer.answered(slot, reply, context.clock().monotonicNanos() - slot.startNanos());
                } catch (RuntimeException e) {
                    // A bug, not the client's fault: the reply order is lost, so this connection ends; the
                    // writer keeps draining so that the reader (and its barriers) never wait forever.
                    LOG.error("event=reply_failed connection_id={} opcode={}", connectionId, slot.opcode(), e);
                    connection.close();
                    broken = true;
                } finally {
                    window.answered();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close(); // unblocks a reader stuck on a dead peer; idempotent
        }
    }

    /**
     * Sends one response. A reply that cannot be encoded within the negotiated limits (say LIST of a large
     * keyspace beyond the frame limit) is answered with its TRN error instead: nothing of it was sent, so
     * the connection stays in step (the reference closed the connection, §7.2).
     *
     * @return false if the connection broke (replies of the remaining requests are then discarded)
     */
    private boolean send(BodyWriter body, Slot slot, Reply reply) {
        try {
            try {
                encode(body, slot, reply);
                connection.send(body);
            } catch (VaylixException e) {
                if (!isEncodingFailure(e)) {
                    throw e;
                }
                ResponseCodec.encode(body, slot.requestId(), Reply.Error.of(e));
                connection.send(body);
            }
            return true;
        } catch (VaylixException e) {
            LOG.debug("event=connection_write_failed connection_id={} reason={}", connectionId, e.code().code());
            connection.close();
            return false;
        }
    }

    private static void encode(BodyWriter body, Slot slot, Reply reply) {
        if (slot.raw() && reply instanceof Reply.Data data) {
            ResponseCodec.encodeRaw(body, slot.requestId(), data.value());
        } else {
            ResponseCodec.encode(body, slot.requestId(), reply);
        }
    }

    private static boolean isEncodingFailure(VaylixException e) {
        return e.code() == ErrorCode.TRN_006 || e.code() == ErrorCode.TRN_008 || e.code() == ErrorCode.TRN_011
                || e.code() == ErrorCode.TRN_012;
    }

    private boolean flush(boolean broken) {
        if (broken) {
            return true;
        }
        try {
            connection.flush();
            return false;
        } catch (VaylixException e) {
            connection.close();
            return true;
        }
    }
}

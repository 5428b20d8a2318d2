package dev.vaylix.server.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.exec.CommandExecutor;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.TransportErrors;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.session.Handshakes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, on its own virtual thread: the TLS handshake and the hello, each bounded by
 * {@code --hello-timeout-seconds} (the reference waited forever for a hello, VTP2.md Note 10), then the
 * {@link RequestPipeline} with {@code --idle-timeout-seconds} as the read timeout.
 *
 * <p>Hello failures close the connection without a reply (§2.2); a protocol-version mismatch is
 * answered with the rejection hello first (§2.5). The server id announced in every hello is this node's
 * stable id (VTP2.md Note 7: the reference sent a fresh one per connection).
 */
final class Session {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final ServerContext context;
    private final CommandExecutor executor;
    private final Connection connection;
    private final long id;
    private final UUID serverId;
    private final BooleanSupplier stopping;
    private volatile RequestPipeline pipeline;

    Session(ServerContext context, CommandExecutor executor, Connection connection, long id, UUID serverId,
            BooleanSupplier stopping) {
        this.context = context;
        this.executor = executor;
        this.connection = connection;
        this.id = id;
        this.serverId = serverId;
        this.stopping = stopping;
    }

    /** Serves the connection until it ends, then closes it. Never throws. */
    void run() {
        String peer = connection.peerAddress();
        try {
            if (!handshake(peer)) {
                return;
            }
            int idleMs = (int) Math.min(Integer.MAX_VALUE,
                    TimeUnit.SECONDS.toMillis(context.config().network().idleTimeoutSeconds().orElse(0)));
            connection.readTimeoutMs(idleMs);
            RequestGate gate = new RequestGate(context, executor, peerHost(peer));
            pipeline = new RequestPipeline(context, connection, gate, new RequestObserver(context, id, peer), id, stopping);
            pipeline.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug, not a client's fault: log it with its stack, drop this connection, keep serving the others.
            LOG.error("event=session_failed connection_id={} peer={}", id, peer, e);
        } finally {
            connection.close();
        }
    }

    /**
     * Server shutdown: lets the requests already read be answered (at most {@code timeoutNanos}), then
     * closes the connection, which ends the session at its read boundary. Any thread.
     */
    void drainAndClose(long timeoutNanos) throws InterruptedException {
        RequestPipeline current = pipeline;
        if (current != null) {
            current.awaitAnswered(timeoutNanos);
        }
        connection.close();
    }

    /** TLS and the hello; false if the connection must end (the reason is logged). */
    private boolean handshake(String peer) {
        int helloMs = (int) Math.min(Integer.MAX_VALUE, TimeUnit.SECONDS.toMillis(context.config().network().helloTimeoutSeconds()));
        try {
            connection.readTimeoutMs(helloMs);
            connection.handshake();
            Optional<Handshakes.ServerResult> result = Handshakes.accept(connection, serverOptions(), serverId);
            if (result.isEmpty()) {
                return false; // closed before saying anything: not worth a log line
            }
            if (!result.get().clientHello().clientName().equals("vaylix-healthcheck")) {
                LOG.debug("event=connection_established connection_id={} peer={} client={}", id, peer,
                        result.get().clientHello().clientName());
            }
            return true;
        } catch (VaylixException e) {
            if (e.code() == ErrorCode.SRV_011) {
                LOG.info("event=tls_handshake_failed connection_id={} peer={} error={}", id, peer, e.getMessage());
            } else if (TransportErrors.isTimeout(e)) {
                LOG.debug("event=hello_timeout connection_id={} peer={} timeout_ms={}", id, peer, helloMs);
            } else {
                LOG.debug("event=hello_failed connection_id={} peer={} error={}", id, peer, e.code().code());
            }
            return false;
        }
    }

    private Negotiation.ServerOptions serverOptions() {
        boolean zstd = context.config().network().compressionEnabled();
        return new Negotiation.ServerOptions(zstd ? Compression.ZSTD : Compression.NONE,
                zstd ? Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES : 0, Vtp2.MAX_FRAME_LEN);
    }

    /** The IP address of {@code ip:port} (IPv6 addresses are written without brackets by the transport). */
    static String peerHost(String peer) {
        int colon = peer.lastIndexOf(':');
        return colon > 0 ? peer.substring(0, colon) : peer;
    }
}

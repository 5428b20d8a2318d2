package dev.vaylix.transport.net;

import java.io.Closeable;

/** The server side of a transport: accepts connections. */
public interface Listener extends Closeable {

    /**
     * Blocks until a peer connects and returns its connection. TLS connections are returned before their
     * handshake: the caller runs {@link Connection#handshake()} on the connection's own thread.
     *
     * <p>Thread-safety: may be called from several threads; each connection is returned once.
     *
     * @throws dev.vaylix.api.VaylixException {@code SRV-002} if accepting failed, including because the
     *     listener was closed ({@link #isOpen()} tells which)
     */
    Connection accept();

    /** The bound address for logs and clients, e.g. {@code 127.0.0.1:9173} or {@code memory:test}. */
    String localAddress();

    /** False once {@link #close()} was called. */
    boolean isOpen();

    /** Stops accepting; a blocked {@link #accept()} fails. Established connections are not affected. Never throws. */
    @Override
    void close();
}

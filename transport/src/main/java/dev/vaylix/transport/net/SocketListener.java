package dev.vaylix.transport.net;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * A TCP listener, optionally speaking TLS. Sockets are accepted in plain TCP and wrapped in TLS afterwards
 * (server mode, handshake deferred to {@link Connection#handshake()}), so a slow TLS client never holds up
 * the accept loop, and the TLS configuration can be replaced while the listener runs (certificate reload).
 *
 * <p>Thread-safe.
 */
public final class SocketListener implements Listener {

    private final ServerSocket serverSocket;
    private final String localAddress;
    private volatile TlsServerConfig tls; // null for plain TCP

    private SocketListener(ServerSocket serverSocket, TlsServerConfig tls) {
        this.serverSocket = serverSocket;
        this.localAddress = SocketEndpoint.describe(serverSocket.getLocalSocketAddress());
        this.tls = tls;
    }

    /**
     * Binds a listener.
     *
     * @param bind    address and port; port 0 picks a free port ({@link #port()} tells which)
     * @param backlog pending-connection queue length (the kernel may cap it)
     * @param tls     TLS configuration, or {@code null} for plain TCP
     * @throws VaylixException {@code SRV-001 failed to bind TCP listener: …}
     */
    static SocketListener bind(InetSocketAddress bind, int backlog, TlsServerConfig tls) {
        ServerSocket serverSocket = null;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(bind, backlog);
            return new SocketListener(serverSocket, tls);
        } catch (IOException e) {
            if (serverSocket != null) {
                try {
                    serverSocket.close();
                } catch (IOException ignored) {
                    // Already failing with the bind error, which is the one to report.
                }
            }
            throw new VaylixException(ErrorCode.SRV_001, ErrorCode.SRV_001.message(bind + ": " + e.getMessage()), e);
        }
    }

    @Override
    public Connection accept() {
        Socket socket;
        try {
            socket = serverSocket.accept();
        } catch (IOException e) {
            throw new VaylixException(ErrorCode.SRV_002, ErrorCode.SRV_002.message(
                    serverSocket.isClosed() ? "listener closed" : String.valueOf(e.getMessage())), e);
        }
        try {
            SocketEndpoint.configure(socket);
            TlsServerConfig config = tls;
            if (config == null) {
                return new StreamConnection(new SocketEndpoint(socket, true));
            }
            SSLSocket ssl = (SSLSocket) config.context().getSocketFactory().createSocket(socket, null, true);
            config.apply(ssl);
            return new StreamConnection(new SocketEndpoint(ssl, true));
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The accept failure below is what matters.
            }
            throw new VaylixException(ErrorCode.SRV_002, ErrorCode.SRV_002.message(String.valueOf(e.getMessage())), e);
        }
    }

    /** The bound port. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public String localAddress() {
        return localAddress;
    }

    /** True if this listener speaks TLS. */
    public boolean isTls() {
        return tls != null;
    }

    /**
     * Uses {@code config} for every connection accepted from now on (e.g. after a certificate reload);
     * established connections keep their session.
     *
     * @throws IllegalStateException if this is a plain TCP listener
     */
    public void replaceTlsConfig(TlsServerConfig config) {
        if (tls == null) {
            throw new IllegalStateException("a plain TCP listener cannot start speaking TLS");
        }
        tls = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public boolean isOpen() {
        return !serverSocket.isClosed();
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Best effort: the listener is unusable either way.
        }
    }

    @Override
    public String toString() {
        return "SocketListener[" + localAddress + (tls != null ? ", tls" : "") + "]";
    }
}

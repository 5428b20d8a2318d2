package dev.vaylix.transport.net;

import dev.vaylix.transport.TransportErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.ssl.SSLSocket;

/**
 * TCP and TLS transports over blocking sockets, meant to be driven by virtual threads (one per connection
 * on the server, one reader per async client): a blocked read parks the virtual thread only.
 */
public final class SocketTransport {

    /** Default accept backlog. */
    public static final int DEFAULT_BACKLOG = 512;

    private SocketTransport() {
    }

    /** A plain TCP listener; see {@link SocketListener#bind}. */
    public static SocketListener listen(InetSocketAddress bind, int backlog) {
        return SocketListener.bind(bind, backlog, null);
    }

    /** A TLS listener (TLS 1.2/1.3, optional client certificates per {@code tls}). */
    public static SocketListener listenTls(InetSocketAddress bind, int backlog, TlsServerConfig tls) {
        return SocketListener.bind(bind, backlog, Objects.requireNonNull(tls, "tls"));
    }

    /**
     * A plain TCP connector.
     *
     * @param connectTimeoutMs bound on establishing the TCP connection; 0 = the system's default
     */
    public static Connector tcp(String host, int port, int connectTimeoutMs) {
        return () -> new StreamConnection(new SocketEndpoint(connectSocket(host, port, connectTimeoutMs), false));
    }

    /**
     * A TLS connector: TCP connect, then the TLS handshake with server name {@code host} (SNI and certificate
     * host-name verification unless the config disables the latter), before {@link Connector#connect()} returns.
     */
    public static Connector tls(String host, int port, int connectTimeoutMs, TlsClientConfig tls) {
        return tls(host, port, host, connectTimeoutMs, tls);
    }

    /**
     * As {@link #tls(String, int, int, TlsClientConfig)}, but the server is expected to present a
     * certificate for {@code serverName} (also sent as SNI when it is a host name), which may differ from
     * the address connected to: a probe of {@code 127.0.0.1} on a server whose certificate names
     * {@code db.example}.
     */
    public static Connector tls(String host, int port, String serverName, int connectTimeoutMs, TlsClientConfig tls) {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(tls, "tls");
        return () -> {
            Socket plain = connectSocket(host, port, connectTimeoutMs);
            SSLSocket ssl = onSocket(plain, () -> {
                SSLSocket layered = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, serverName, port, true);
                tls.apply(layered);
                if (connectTimeoutMs > 0) {
                    layered.setSoTimeout(connectTimeoutMs); // the handshake is part of connecting
                }
                return layered;
            });
            StreamConnection connection = new StreamConnection(new SocketEndpoint(ssl, false));
            try {
                connection.handshake();
                connection.readTimeoutMs(0);
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        };
    }

    private static Socket connectSocket(String host, int port, int connectTimeoutMs) {
        Socket socket = new Socket();
        return onSocket(socket, () -> {
            SocketEndpoint.configure(socket);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            return socket;
        });
    }

    private interface SocketStep<T> {
        T run() throws IOException;
    }

    /** Runs a connect step; on any failure closes {@code socket} and reports {@code TRN-013} for I/O errors. */
    private static <T> T onSocket(Socket socket, SocketStep<T> step) {
        try {
            return step.run();
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already failing with the connect error, which is the one to report.
            }
            throw e instanceof IOException io ? TransportErrors.ioFailure(io) : (RuntimeException) e;
        }
    }
}

package dev.vaylix.transport.net;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.transport.TransportErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSession;

/** A plain or TLS socket under a {@link StreamConnection}. */
final class SocketEndpoint implements Endpoint {

    private final Socket socket;
    private final boolean serverSide;
    private final String peer;
    private volatile boolean handshakeDone;

    SocketEndpoint(Socket socket, boolean serverSide) {
        this.socket = socket;
        this.serverSide = serverSide;
        this.peer = describe(socket.getRemoteSocketAddress());
        this.handshakeDone = !(socket instanceof SSLSocket);
    }

    @Override
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public void readTimeoutMs(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
    }

    @Override
    public void handshake() {
        if (handshakeDone || !(socket instanceof SSLSocket ssl)) {
            return;
        }
        try {
            ssl.startHandshake();
            handshakeDone = true;
        } catch (IOException e) {
            String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (serverSide) {
                throw new VaylixException(ErrorCode.SRV_011, ErrorCode.SRV_011.message(detail), e);
            }
            throw new VaylixException(ErrorCode.TRN_013, ErrorCode.TRN_013.message("TLS handshake failed: " + detail), e);
        }
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        if (handshakeDone && socket instanceof SSLSocket ssl) {
            return Optional.of(ssl.getSession());
        }
        return Optional.empty();
    }

    @Override
    public String peerAddress() {
        return peer;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is unusable either way.
        }
    }

    /** Applies the socket options every VTP2 connection uses: frames are small and latency-bound. */
    static void configure(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
        } catch (IOException e) {
            throw TransportErrors.ioFailure(e);
        }
    }

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}

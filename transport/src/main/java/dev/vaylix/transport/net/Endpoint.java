package dev.vaylix.transport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The byte pipe under a {@link StreamConnection}: a plain socket, a TLS socket or an in-memory pipe. The
 * frame logic is the same for all three; only these operations differ.
 */
interface Endpoint {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** Bounds later blocking reads; 0 = unbounded. */
    void readTimeoutMs(int timeoutMs) throws IOException;

    /** Performs the TLS handshake if there is one; throws a {@link dev.vaylix.api.VaylixException}. */
    void handshake();

    Optional<SSLSession> tlsSession();

    String peerAddress();

    /** Releases the pipe and unblocks blocked reads and writes; quiet and idempotent. */
    void close();
}

package dev.vaylix.transport.net;

import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.FrameSettings;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * One VTP2 connection, whatever carries it (TCP, TLS, in-memory pipes): sends and receives whole frames.
 *
 * <p>Threading: at most one thread sends (and flushes) at a time, and at most one thread receives at a
 * time; one sender and one receiver may run concurrently (the async client does). {@link #close()} may be
 * called from any thread at any time and unblocks a blocked receive or send. Everything here is designed
 * for virtual threads: blocking calls park the virtual thread, not a carrier.
 *
 * <p>Errors are {@link dev.vaylix.api.VaylixException}s with TRN codes (I/O problems are {@code TRN-013});
 * after any error from {@link #send}, {@link #flush} or {@link #receive} the connection is unusable and
 * must be closed, because the byte stream may be in the middle of a frame.
 */
public interface Connection extends Closeable {

    /**
     * Completes the transport's security handshake if it has one (TLS) and it is not done yet; a no-op for
     * plain TCP and in-memory connections. Servers call it on the connection's own thread, right after
     * accepting, with a read timeout set, so that a slow or hostile peer never stalls the accept loop.
     * (Sending or receiving first performs the handshake implicitly, with less precise errors.)
     *
     * @throws dev.vaylix.api.VaylixException {@code SRV-011 TLS handshake failed: …} on the server side,
     *     {@code TRN-013} on the client side
     */
    void handshake();

    /** The frame settings in use: {@link FrameSettings#HELLO} until {@link #settings(FrameSettings)} changes them. */
    FrameSettings settings();

    /**
     * Switches to the negotiated settings. Call it between frames (after the hello exchange), from the
     * thread that sends or receives next; it applies to both directions.
     */
    void settings(FrameSettings settings);

    /**
     * Encodes {@code body} as one frame into the connection's output buffer, without flushing: several sends
     * followed by one {@link #flush()} form a pipeline batch. The body is copied out before this returns, so
     * the caller may reuse the writer at once.
     *
     * @throws dev.vaylix.api.VaylixException TRN-006 / TRN-011 (nothing was sent; the connection remains
     *     usable), TRN-013 (I/O failure or closed connection)
     */
    void send(BodyWriter body);

    /** Writes out everything buffered by {@link #send}. {@code TRN-013} on failure. */
    void flush();

    /**
     * Blocks until one frame has arrived and returns its body.
     *
     * @return the body, a view of an internal buffer valid until the next call to {@code receive} (decode or
     *     copy what you need before that); {@code null} if the peer closed the stream cleanly between frames
     * @throws dev.vaylix.api.VaylixException a frame-layer TRN code (§1.2 of VTP2.md), or TRN-013 for I/O
     *     failures, a closed connection, or a read timeout ({@link dev.vaylix.transport.TransportErrors#isTimeout})
     */
    ByteBuffer receive();

    /**
     * Bounds every later blocking read (including the TLS handshake) to {@code timeoutMs}; 0 disables the
     * bound. Used for hello, handshake and idle timeouts.
     */
    void readTimeoutMs(int timeoutMs);

    /** The peer's address for logs, e.g. {@code 127.0.0.1:53122} or {@code memory:3}. */
    String peerAddress();

    /** The TLS session once the handshake is done; empty for plain and in-memory connections. */
    Optional<SSLSession> tlsSession();

    /** False once {@link #close()} was called. */
    boolean isOpen();

    /** Closes the connection; idempotent; never throws. */
    @Override
    void close();
}

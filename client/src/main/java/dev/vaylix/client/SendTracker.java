package dev.vaylix.client;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.FrameSettings;
import dev.vaylix.transport.net.Connection;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A {@link Connection} that remembers which requests may have reached the wire, so that a failure can be
 * classified exactly: a request that was never handed to the socket had no effect (a definite failure),
 * one that was may have been applied (for a write: outcome unknown).
 *
 * <p>Two views, for the two sessions of the transport:
 * <ul>
 *   <li>{@link #framesSent()} counts frames handed to the socket (the synchronous session sends from one
 *       thread, so "k frames went out before the failure" is exact);</li>
 *   <li>{@link #beginSubmit()} / {@link #sentSinceBegin()} answer "did <em>this thread</em> send a frame since
 *       it began submitting?" for the asynchronous session, which sends on the submitting thread under its own
 *       lock (if a future transport sent from another thread, the flag would stay clear and callers treat a
 *       clear flag as proof of nothing only together with a synchronous failure, so they fail safe).</li>
 * </ul>
 *
 * <p>A send that fails with {@code TRN-006} or {@code TRN-011} wrote nothing (the {@link Connection#send}
 * contract), so it does not count.
 */
final class SendTracker implements Connection {

    private final Connection delegate;
    private final ThreadLocal<boolean[]> sentByThread = ThreadLocal.withInitial(() -> new boolean[1]);
    private volatile long framesSent;

    SendTracker(Connection delegate) {
        this.delegate = delegate;
    }

    /** Clears this thread's "sent" flag; call right before submitting one request. */
    void beginSubmit() {
        sentByThread.get()[0] = false;
    }

    /** True if this thread handed a frame to the socket since {@link #beginSubmit()}. */
    boolean sentSinceBegin() {
        return sentByThread.get()[0];
    }

    /** Frames handed to the socket so far (the synchronous session's single sender reads it). */
    long framesSent() {
        return framesSent;
    }

    @Override
    public void send(BodyWriter body) {
        try {
            delegate.send(body);
        } catch (VaylixException e) {
            if (e.code() != ErrorCode.TRN_006 && e.code() != ErrorCode.TRN_011) {
                markSent(); // part of the frame may have left
            }
            throw e;
        }
        markSent();
    }

    private void markSent() {
        sentByThread.get()[0] = true;
        framesSent++; // single writer at a time: the session's send lock (async) or its only thread (sync)
    }

    @Override
    public void handshake() {
        delegate.handshake();
    }

    @Override
    public FrameSettings settings() {
        return delegate.settings();
    }

    @Override
    public void settings(FrameSettings settings) {
        delegate.settings(settings);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public ByteBuffer receive() {
        return delegate.receive();
    }

    @Override
    public void readTimeoutMs(int timeoutMs) {
        delegate.readTimeoutMs(timeoutMs);
    }

    @Override
    public String peerAddress() {
        return delegate.peerAddress();
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return delegate.tlsSession();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

package dev.vaylix.transport.net;

import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.FrameReader;
import dev.vaylix.transport.FrameSettings;
import dev.vaylix.transport.FrameWriter;
import dev.vaylix.transport.TransportErrors;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;

/**
 * A {@link Connection} over any {@link Endpoint}: buffered streams, one {@link FrameReader} and one
 * {@link FrameWriter}, both reused for every frame.
 */
final class StreamConnection implements Connection {

    /** Read and write buffers: a pipeline batch of small frames leaves in one write. */
    static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private final Endpoint endpoint;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile FrameSettings settings = FrameSettings.HELLO;

    StreamConnection(Endpoint endpoint) {
        this.endpoint = endpoint;
        try {
            this.reader = new FrameReader(new BufferedInputStream(endpoint.input(), STREAM_BUFFER_BYTES));
            this.writer = new FrameWriter(new BufferedOutputStream(endpoint.output(), STREAM_BUFFER_BYTES));
        } catch (IOException e) {
            endpoint.close();
            throw TransportErrors.ioFailure(e);
        }
    }

    @Override
    public void handshake() {
        requireOpen();
        endpoint.handshake();
    }

    @Override
    public FrameSettings settings() {
        return settings;
    }

    @Override
    public void settings(FrameSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void send(BodyWriter body) {
        requireOpen();
        writer.write(body, settings);
    }

    @Override
    public void flush() {
        requireOpen();
        writer.flush();
    }

    @Override
    public ByteBuffer receive() {
        requireOpen();
        return reader.read(settings);
    }

    @Override
    public void readTimeoutMs(int timeoutMs) {
        if (timeoutMs < 0) {
            throw new IllegalArgumentException("timeoutMs must be >= 0: " + timeoutMs);
        }
        try {
            endpoint.readTimeoutMs(timeoutMs);
        } catch (IOException e) {
            throw TransportErrors.ioFailure(e);
        }
    }

    @Override
    public String peerAddress() {
        return endpoint.peerAddress();
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return endpoint.tlsSession();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            endpoint.close();
        }
    }

    private void requireOpen() {
        if (!open.get()) {
            throw TransportErrors.ioFailure("connection closed");
        }
    }

    @Override
    public String toString() {
        return "Connection[" + endpoint.peerAddress() + (open.get() ? "" : ", closed") + "]";
    }
}

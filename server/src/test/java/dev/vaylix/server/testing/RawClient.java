package dev.vaylix.server.testing;

import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.ClientHello;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.RequestEnvelope;
import dev.vaylix.transport.RequestMetadata;
import dev.vaylix.transport.Vtp2;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * A VTP2 client that sends whatever bytes a test wants, valid or not, over a plain socket: frames with
 * chosen magic, version, flags, length and checksum, hellos and request bodies built by hand.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    public RawClient(String host, int port) {
        try {
            socket = new Socket(host, port);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes. */
    public RawClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A well-formed uncompressed frame around {@code payload}. */
    public static byte[] frame(byte[] payload) {
        return frame(Vtp2.MAGIC, Vtp2.VERSION, 0, payload.length, crc(payload), payload);
    }

    /** A frame with every header field chosen by the caller. */
    public static byte[] frame(int magic, int version, int flags, long length, long crc, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(Vtp2.HEADER_BYTES + payload.length);
        buffer.putInt(magic).put((byte) version).put((byte) flags).putInt((int) length).putInt((int) crc).put(payload);
        return buffer.array();
    }

    public static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The body of the ClientHello the Rust CLI sends, with {@code protocolVersion}. */
    public static byte[] helloBody(int protocolVersion) {
        BodyWriter body = new BodyWriter(64);
        new ClientHello(protocolVersion, "vaylix-it-raw", "0", 0x1F, Compression.NONE, Vtp2.MAX_FRAME_LEN, true).encode(body);
        return body.toByteArray();
    }

    /** A valid hello exchange (no compression); returns the ServerHello body. */
    public byte[] hello() {
        send(frame(helloBody(Vtp2.VERSION)));
        byte[] reply = readFrame();
        if (reply == null) {
            throw new AssertionError("the server closed the connection instead of answering the hello");
        }
        return reply;
    }

    /** A request body: envelope without metadata, then {@code payload} as is. */
    public static byte[] request(UUID id, int opcode, byte[] payload) {
        BodyWriter body = new BodyWriter(32 + payload.length);
        RequestEnvelope.encodeHeader(body, id, opcode, RequestMetadata.NONE);
        body.raw(payload, 0, payload.length);
        return body.toByteArray();
    }

    /**
     * Reads one frame's payload (expects uncompressed frames); null if the server closed the connection.
     *
     * @throws AssertionError if nothing arrives within the socket timeout
     */
    public byte[] readFrame() {
        try {
            byte[] header = new byte[Vtp2.HEADER_BYTES];
            in.readFully(header);
            int length = ByteBuffer.wrap(header, 6, 4).getInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            return payload;
        } catch (EOFException | SocketException e) {
            return null; // closed (or reset) by the server
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no frame and no close within the timeout", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the server closed the connection (end of stream or reset) within {@code timeoutMs}. */
    public boolean closedByServer(int timeoutMs) {
        try {
            socket.setSoTimeout(timeoutMs);
            InputStream stream = socket.getInputStream();
            byte[] sink = new byte[4096];
            while (true) {
                if (stream.read(sink) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Half-closes: the server sees the end of the stream. */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a test helper closing a socket the server may have reset already
        }
    }
}

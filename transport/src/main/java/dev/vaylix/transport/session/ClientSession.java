package dev.vaylix.transport.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.ReplicationRequest;
import dev.vaylix.transport.ReplyShape;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestMetadata;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.ResponseEnvelope;
import dev.vaylix.transport.ServerHello;
import dev.vaylix.transport.net.Connection;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;

/**
 * A synchronous client connection: hello on open, then one request and its response at a time, or a
 * pipelined batch ({@link #executeAll}) whose responses are matched to their requests by id.
 *
 * <p>Error replies from the server are {@link Reply.Error} values, not exceptions; exceptions mean the
 * transport failed (or a response did not answer the request it should: {@code CLI-006}), after which the
 * session is unusable and should be closed.
 *
 * <p>Not thread-safe: one thread at a time (use {@link AsyncClientSession} to share a connection). One body
 * buffer is reused for every request.
 */
public final class ClientSession implements Closeable {

    /**
     * A pipelined batch never has more than this many request bytes unanswered: the server answers strictly
     * in order and stops reading while its writes are blocked, so a client that wrote megabytes before
     * reading anything could deadlock with it. 64 KiB fits in the socket buffers of both sides.
     */
    static final int PIPELINE_WINDOW_BYTES = 64 * 1024;
    /** … and never more than this many requests unanswered. */
    static final int PIPELINE_DEPTH_MAX = 1024;

    private final Connection connection;
    private final RequestIds ids;
    private final ServerHello serverHello;
    private final BodyWriter body = new BodyWriter();

    private ClientSession(Connection connection, RequestIds ids, ServerHello serverHello) {
        this.connection = connection;
        this.ids = ids;
        this.serverHello = serverHello;
    }

    /**
     * Performs the startup exchange on {@code connection} (see {@link Handshakes#connect}) and returns the
     * session; closes the connection if that fails.
     */
    public static ClientSession open(Connection connection, ClientOptions options, RequestIds ids) {
        try {
            return new ClientSession(connection, ids, Handshakes.connect(connection, options));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The server's hello: negotiated capabilities, compression, frame limit, server id. */
    public ServerHello serverHello() {
        return serverHello;
    }

    public Connection connection() {
        return connection;
    }

    /** Sends {@code command} without metadata and waits for its reply. */
    public Reply execute(Command command) {
        return execute(command, RequestMetadata.NONE);
    }

    /**
     * Sends {@code command} and waits for its reply.
     *
     * @throws dev.vaylix.api.VaylixException TRN-004 (HELP/EXIT), TRN-006/008/012 (cannot encode; nothing
     *     was sent, the session stays usable); TRN-013 and frame errors (transport broken); CLI-006 if the
     *     response carries another request id
     */
    public Reply execute(Command command, RequestMetadata metadata) {
        ReplyShape shape = ReplyShape.of(command);
        UUID id = ids.next();
        RequestCodec.encode(body, id, metadata, command);
        connection.send(body);
        connection.flush();
        return readReply(id, shape);
    }

    /** Sends a replication request and waits for its raw reply ({@link ReplyShape#RAW}). */
    public Reply replicate(ReplicationRequest request) {
        UUID id = ids.next();
        RequestCodec.encode(body, id, RequestMetadata.NONE, request);
        connection.send(body);
        connection.flush();
        return readReply(id, ReplyShape.RAW);
    }

    /**
     * Pipelines {@code commands}: writes requests without waiting, reads the responses in order, and checks
     * that each answers its request. The number of unanswered requests is bounded by
     * {@link #PIPELINE_WINDOW_BYTES} and {@link #PIPELINE_DEPTH_MAX}, so any batch size is safe.
     *
     * @return one reply per command, in order
     */
    public List<Reply> executeAll(List<? extends Command> commands) {
        ReplyShape[] shapes = new ReplyShape[commands.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = ReplyShape.of(commands.get(i)); // refuse HELP/EXIT before anything is sent
        }
        Reply[] replies = new Reply[commands.size()];
        ArrayDeque<Outstanding> outstanding = new ArrayDeque<>();
        long outstandingBytes = 0;
        boolean unflushed = false;
        for (int i = 0; i < shapes.length; i++) {
            UUID id = ids.next();
            try {
                RequestCodec.encode(body, id, RequestMetadata.NONE, commands.get(i));
            } catch (RuntimeException e) {
                // Nothing of this request was sent; collect the answers already owed so the session stays in step.
                if (unflushed) {
                    connection.flush();
                }
                for (Outstanding head : outstanding) {
                    readReply(head.id(), shapes[head.index()]);
                }
                throw e;
            }
            int length = body.length();
            while (!outstanding.isEmpty()
                    && (outstandingBytes + length > PIPELINE_WINDOW_BYTES || outstanding.size() >= PIPELINE_DEPTH_MAX)) {
                if (unflushed) {
                    connection.flush();
                    unflushed = false;
                }
                Outstanding head = outstanding.removeFirst();
                replies[head.index()] = readReply(head.id(), shapes[head.index()]);
                outstandingBytes -= head.lengthBytes();
            }
            connection.send(body);
            unflushed = true;
            outstanding.addLast(new Outstanding(i, id, length));
            outstandingBytes += length;
        }
        if (unflushed) {
            connection.flush();
        }
        while (!outstanding.isEmpty()) {
            Outstanding head = outstanding.removeFirst();
            replies[head.index()] = readReply(head.id(), shapes[head.index()]);
        }
        return List.of(replies);
    }

    private Reply readReply(UUID expectedId, ReplyShape shape) {
        ByteBuffer response = connection.receive();
        if (response == null) {
            throw ErrorCode.TRN_007.exception();
        }
        ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(response);
        if (!envelope.requestId().equals(expectedId)) {
            throw ErrorCode.CLI_006.exception(expectedId, envelope.requestId());
        }
        return ResponseCodec.decodeReply(envelope, shape);
    }

    @Override
    public void close() {
        connection.close();
    }

    private record Outstanding(int index, UUID id, int lengthBytes) {
    }
}

package dev.vaylix.transport.testing;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.ReplyShape;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestEnvelope;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.Listener;
import dev.vaylix.transport.session.Handshakes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A minimal VTP2 server for transport tests: one virtual thread per connection running the real server-side
 * pieces (TLS handshake, {@link Handshakes#accept}, envelope and payload codecs), answering commands with a
 * handler and replication requests with their own payload. Not the product server: no auth, no engine.
 */
public final class TestServer implements AutoCloseable {

    private final Listener listener;
    private final Function<Command, Reply> handler;
    private final Negotiation.ServerOptions options;
    private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
    private final Queue<VaylixException> errors = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    public TestServer(Listener listener, Function<Command, Reply> handler, Negotiation.ServerOptions options) {
        this.listener = listener;
        this.handler = handler;
        this.options = options;
        this.acceptor = Thread.ofVirtual().name("test-server-acceptor").start(this::acceptLoop);
    }

    public TestServer(Listener listener) {
        this(listener, TestServer::answer, Negotiation.ServerOptions.DEFAULT);
    }

    /** Errors that ended connections (handshake refusals, protocol errors), in order. */
    public Queue<VaylixException> errors() {
        return errors;
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            Connection connection;
            try {
                connection = listener.accept();
            } catch (VaylixException e) {
                return;
            }
            connections.add(connection);
            Thread.ofVirtual().name("test-server-" + connection.peerAddress()).start(() -> serve(connection));
        }
    }

    private void serve(Connection connection) {
        try (connection) {
            connection.readTimeoutMs(10_000);
            connection.handshake();
            if (Handshakes.accept(connection, options, new UUID(0x5E, 0x1)).isEmpty()) {
                return;
            }
            connection.readTimeoutMs(0);
            BodyWriter out = new BodyWriter();
            while (true) {
                ByteBuffer body = connection.receive();
                if (body == null) {
                    return;
                }
                RequestEnvelope envelope = RequestCodec.decodeEnvelope(body);
                if (envelope.isReplication()) {
                    ResponseCodec.encodeRaw(out, envelope.requestId(), RequestCodec.decodeReplication(envelope).payload());
                } else {
                    Reply reply;
                    try {
                        reply = handler.apply(RequestCodec.decodeCommand(envelope));
                    } catch (VaylixException e) {
                        reply = Reply.Error.of(e);
                    }
                    ResponseCodec.encode(out, envelope.requestId(), reply);
                }
                connection.send(out);
                connection.flush();
            }
        } catch (VaylixException e) {
            errors.add(e);
        }
    }

    /** Deterministic answers of the right shape for every command, derived from its arguments. */
    public static Reply answer(Command command) {
        return switch (command) {
            case Command.Ping ping -> Reply.Data.utf8(ping.message().orElse("PONG"));
            case Command.Get get -> get.key().text().equals("missing") ? Reply.NOT_FOUND : new Reply.Data(get.key().utf8());
            case Command.MGet mget -> new Reply.Values(mget.keys().stream().map(k -> Optional.of(k.utf8())).toList());
            case Command.Incr incr -> new Reply.Int(incr.key().utf8Length());
            case Command.Del del -> new Reply.Count(del.keys().size());
            case Command.Auth auth -> auth.password().equals("wrong")
                    ? Reply.Error.of(dev.vaylix.api.ErrorCode.SRV_008) : Reply.OK;
            case Command.Scan scan -> new Reply.ScanPage(0, List.of(Key.of("a"), Key.of("b")));
            case Command.Exec exec -> new Reply.ExecResults(List.of(Reply.OK, Reply.Data.utf8("x")));
            default -> switch (ReplyShape.of(command)) {
                case OK -> Reply.OK;
                case VALUE, RAW -> new Reply.Data(Bytes.utf8(command.type().name()));
                case BOOLEAN -> Reply.TRUE;
                case COUNT -> new Reply.Count(command.type().opcode());
                case INTEGER -> new Reply.Int(-command.type().opcode());
                case ENTRIES -> new Reply.Entries(List.of(Reply.Entry.text("command", command.type().name())));
                case VALUES -> new Reply.Values(List.of());
                case SCAN_PAGE -> new Reply.ScanPage(0, List.of());
                case EXEC_RESULTS -> new Reply.ExecResults(List.of());
            };
        };
    }

    @Override
    public void close() {
        listener.close();
        connections.forEach(Connection::close);
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

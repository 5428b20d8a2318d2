package dev.vaylix.server.healthcheck;

import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestEnvelope;
import dev.vaylix.transport.ResponseCodec;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.SocketListener;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.session.Handshakes;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A VTP2 server on a real loopback socket for probe tests: the transport module's own server-side
 * pieces (hello negotiation, envelope and payload codecs) answering commands with {@code handler}.
 * With {@code answerHello} false it accepts connections and never says a word.
 */
final class FakeServer implements AutoCloseable {

    private final SocketListener listener = SocketTransport.listen(new InetSocketAddress("127.0.0.1", 0), 16);
    private final Function<Command, Reply> handler;
    private final boolean answerHello;
    private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
    /** Client names from the hellos, in order. */
    final Queue<String> clientNames = new ConcurrentLinkedQueue<>();
    /** Commands received, in order. */
    final Queue<Command> commands = new ConcurrentLinkedQueue<>();

    FakeServer(Function<Command, Reply> handler, boolean answerHello) {
        this.handler = handler;
        this.answerHello = answerHello;
        Thread.ofVirtual().name("fake-server-acceptor").start(this::acceptLoop);
    }

    FakeServer(Function<Command, Reply> handler) {
        this(handler, true);
    }

    int port() {
        return listener.port();
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
            if (answerHello) {
                Thread.ofVirtual().start(() -> serve(connection));
            }
        }
    }

    private void serve(Connection connection) {
        try (connection) {
            connection.readTimeoutMs(10_000);
            var accepted = Handshakes.accept(connection, Negotiation.ServerOptions.DEFAULT, new UUID(1, 2));
            if (accepted.isEmpty()) {
                return;
            }
            clientNames.add(accepted.get().clientHello().clientName());
            BodyWriter out = new BodyWriter();
            while (true) {
                ByteBuffer body = connection.receive();
                if (body == null) {
                    return;
                }
                RequestEnvelope envelope = RequestCodec.decodeEnvelope(body);
                Command command = RequestCodec.decodeCommand(envelope);
                commands.add(command);
                ResponseCodec.encode(out, envelope.requestId(), handler.apply(command));
                connection.send(out);
                connection.flush();
            }
        } catch (VaylixException e) {
            // The probe closed its side or timed out: nothing to answer.
        }
    }

    @Override
    public void close() {
        listener.close();
        connections.forEach(Connection::close);
    }
}

package dev.vaylix.transport.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.transport.BodyReader;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.ClientHello;
import dev.vaylix.transport.FrameSettings;
import dev.vaylix.transport.Negotiation;
import dev.vaylix.transport.ServerHello;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.net.Connection;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/** The startup exchange of §2.2 on a {@link Connection}, for both sides. */
public final class Handshakes {

    private Handshakes() {
    }

    /** A completed server-side startup. */
    public record ServerResult(ClientHello clientHello, ServerHello serverHello, FrameSettings settings) {
    }

    /**
     * Server side: reads the ClientHello, negotiates (§2.4), answers, and switches the connection to the
     * negotiated settings. Set a read timeout first: unlike the reference (VTP2.md note 10), a server should
     * not wait forever for a hello.
     *
     * @param serverId the id to announce (see {@link Negotiation#negotiate})
     * @return the result, or empty if the peer closed the connection cleanly before sending anything
     * @throws dev.vaylix.api.VaylixException a frame-layer or hello decode error (close the connection
     *     without a reply: {@code TRN-018 expected client hello} when the first body is not a ClientHello), or
     *     {@code TRN-014} after the rejection hello was sent (close the connection)
     */
    public static Optional<ServerResult> accept(Connection connection, Negotiation.ServerOptions options, UUID serverId) {
        connection.settings(FrameSettings.HELLO);
        ByteBuffer body = connection.receive();
        if (body == null) {
            return Optional.empty();
        }
        ClientHello hello = ClientHello.decode(new BodyReader().reset(body));
        Negotiation.Outcome outcome = Negotiation.negotiate(hello, options, serverId);
        BodyWriter reply = new BodyWriter(64);
        outcome.reply().encode(reply);
        connection.send(reply);
        connection.flush();
        return switch (outcome) {
            case Negotiation.Rejected rejected -> throw ErrorCode.TRN_014.exception("unsupported protocol version");
            case Negotiation.Accepted accepted -> {
                connection.settings(accepted.settings());
                yield Optional.of(new ServerResult(hello, accepted.reply(), accepted.settings()));
            }
        };
    }

    /**
     * Client side: sends the ClientHello, reads and checks the ServerHello, switches the connection to the
     * negotiated settings.
     *
     * @throws dev.vaylix.api.VaylixException TRN-014 for a rejection or a wrong protocol version; TRN-007 if
     *     the server closed the connection instead of answering; hello decode and frame errors
     */
    public static ServerHello connect(Connection connection, ClientOptions options) {
        ClientHello hello = new ClientHello(Vtp2.VERSION, options.clientName(), options.clientVersion(),
                options.capabilities(), options.desiredCompression(), options.maxFrameLen(), options.authIntent());
        connection.settings(FrameSettings.HELLO);
        BodyWriter out = new BodyWriter(64);
        hello.encode(out);
        connection.send(out);
        connection.flush();
        connection.readTimeoutMs(options.helloTimeoutMs());
        ByteBuffer body = connection.receive();
        if (body == null) {
            throw ErrorCode.TRN_007.exception();
        }
        ServerHello serverHello = ServerHello.decode(new BodyReader().reset(body));
        FrameSettings settings = Negotiation.clientSettings(serverHello, options.compressionThresholdBytes());
        connection.readTimeoutMs(0);
        connection.settings(settings);
        return serverHello;
    }
}

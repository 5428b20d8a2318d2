package dev.vaylix.transport.net;

/** The client side of a transport: opens connections to one server. Implementations are thread-safe. */
@FunctionalInterface
public interface Connector {

    /**
     * Opens a connection, including the TLS handshake for TLS transports, and returns it with
     * {@link dev.vaylix.transport.FrameSettings#HELLO} settings, ready for the ClientHello.
     *
     * @throws dev.vaylix.api.VaylixException {@code TRN-013} if the server cannot be reached or the TLS
     *     handshake fails
     */
    Connection connect();
}

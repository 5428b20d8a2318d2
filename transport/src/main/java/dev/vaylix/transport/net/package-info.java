/**
 * Transports that carry VTP2 frames: one {@link dev.vaylix.transport.net.Connection} interface (send frame,
 * flush, receive frame), a {@link dev.vaylix.transport.net.Listener} on the server side and a
 * {@link dev.vaylix.transport.net.Connector} on the client side.
 *
 * <ul>
 *   <li>TCP and TLS: {@link dev.vaylix.transport.net.SocketTransport} (blocking sockets, TCP_NODELAY, 64 KiB
 *       buffers flushed per frame or per pipeline batch, meant for virtual threads);
 *       {@link dev.vaylix.transport.net.TlsServerConfig} / {@link dev.vaylix.transport.net.TlsClientConfig}
 *       (JSSE, TLS 1.3 and 1.2, PEM files through {@link dev.vaylix.transport.net.Pem}, optional mTLS).</li>
 *   <li>In-memory: {@link dev.vaylix.transport.net.InMemoryTransport}, connected pipes with socket semantics
 *       for tests and simulations.</li>
 * </ul>
 */
package dev.vaylix.transport.net;

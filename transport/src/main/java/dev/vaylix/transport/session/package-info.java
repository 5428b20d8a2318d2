/**
 * Both ends of a VTP2 conversation on top of a {@link dev.vaylix.transport.net.Connection}:
 * {@link dev.vaylix.transport.session.Handshakes} (the startup exchange, server and client side),
 * {@link dev.vaylix.transport.session.ClientSession} (synchronous, with bounded pipelining) and
 * {@link dev.vaylix.transport.session.AsyncClientSession} (one future per request, one reader thread).
 * The product server and the client library build on these.
 */
package dev.vaylix.transport.session;

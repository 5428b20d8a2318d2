/**
 * The Java client library of Vaylix.
 *
 * <ul>
 *   <li>{@link dev.vaylix.client.VaylixClient}: one connection (TCP or TLS/mTLS, hello negotiation, optional AUTH),
 *       thread-safe, with typed methods, {@link dev.vaylix.client.Requests} for every command,
 *       {@link dev.vaylix.client.VaylixClient#callAsync async} calls, {@link dev.vaylix.client.Pipeline pipelines}
 *       and {@link dev.vaylix.client.Transaction transactions}; {@link dev.vaylix.client.Admin} for the
 *       administrative commands.</li>
 *   <li>{@link dev.vaylix.client.VaylixConnection}: a blocking connection for one thread that pipelines whole
 *       batches with one write (bulk loads, the load generator).</li>
 *   <li>{@link dev.vaylix.client.VaylixPool}: a bounded, health-checked pool of clients.</li>
 * </ul>
 *
 * <p>Failures: {@link dev.vaylix.api.VaylixException} (catalogue code, definite: nothing was applied or it was a
 * read), {@link dev.vaylix.client.OutcomeUnknownException} (a write may or may not have been applied),
 * {@link dev.vaylix.client.UnrecognizedErrorException}, {@link dev.vaylix.client.TransactionAbortedException},
 * {@link dev.vaylix.client.PoolTimeoutException}. Built on the transport's sessions
 * ({@code dev.vaylix.transport.session}).
 */
package dev.vaylix.client;

/**
 * VTP2, the Vaylix wire protocol (spec/VTP2.md), without any I/O policy: frames, hellos, envelopes and
 * payload codecs.
 *
 * <p>Layers, bottom up:
 * <ul>
 *   <li><b>Frames</b> (§1): {@link dev.vaylix.transport.FrameWriter} / {@link dev.vaylix.transport.FrameReader}
 *       over streams, {@link dev.vaylix.transport.Frames} over whole buffers, configured by
 *       {@link dev.vaylix.transport.FrameSettings}. CRC-32 over the transmitted bytes, zstd with the sender's
 *       threshold, bounded decompression.</li>
 *   <li><b>Startup</b> (§2): {@link dev.vaylix.transport.ClientHello}, {@link dev.vaylix.transport.ServerHello},
 *       {@link dev.vaylix.transport.Negotiation} (server algorithm, rejection, client checks),
 *       {@link dev.vaylix.transport.Capabilities}.</li>
 *   <li><b>Envelopes</b> (§3): {@link dev.vaylix.transport.RequestEnvelope} (request id, opcode,
 *       {@link dev.vaylix.transport.RequestMetadata}) and {@link dev.vaylix.transport.ResponseEnvelope}
 *       (request id, {@link dev.vaylix.transport.Status}).</li>
 *   <li><b>Payloads</b> (§4–§6): {@link dev.vaylix.transport.RequestCodec} turns
 *       {@link dev.vaylix.api.command.Command}s and {@link dev.vaylix.transport.ReplicationRequest}s into
 *       request bodies and back; {@link dev.vaylix.transport.ResponseCodec} does the same for
 *       {@link dev.vaylix.api.reply.Reply}s, decoding against the {@link dev.vaylix.transport.ReplyShape} of
 *       the request being answered.</li>
 * </ul>
 *
 * <p>Bodies are built in a reusable {@link dev.vaylix.transport.BodyWriter} and read with a
 * {@link dev.vaylix.transport.BodyReader}; neither copies more than once. Every failure is a
 * {@link dev.vaylix.api.VaylixException} with a TRN code of §9 (or {@code CLI-006} for a response that
 * answers the wrong request). Connections, TLS and client sessions live in the {@code net} and
 * {@code session} sub-packages.
 */
package dev.vaylix.transport;

package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Everything that is encoded decodes to itself, through frame, envelope and payload, compressed or not. */
class RoundTripPropertiesTest {

    @Provide
    Arbitrary<Command> commands() {
        return WireArbitraries.commands();
    }

    @Provide
    Arbitrary<RequestMetadata> metadata() {
        return WireArbitraries.metadata();
    }

    @Provide
    Arbitrary<FrameSettings> settings() {
        return WireArbitraries.settings();
    }

    @Provide
    Arbitrary<UUID> ids() {
        return WireArbitraries.uuids();
    }

    @Provide
    Arbitrary<WireArbitraries.Shaped> replies() {
        return WireArbitraries.shapedReplies();
    }

    @Provide
    Arbitrary<ClientHello> clientHellos() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), WireArbitraries.text(), WireArbitraries.text(),
                Arbitraries.longs(), Arbitraries.of(Compression.class), Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.of(true, false)).as(ClientHello::new);
    }

    @Provide
    Arbitrary<ServerHello> serverHellos() {
        Arbitrary<Optional<String>> text = WireArbitraries.text().optional();
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.longs(),
                Arbitraries.of(Compression.class), Arbitraries.longs().between(0, 0xFFFF_FFFFL), WireArbitraries.uuids(),
                Arbitraries.of(Status.class), text, text).as((v, c, z, m, id, st, a, b) ->
                new ServerHello(v, c, z, m, id, st, a, b, a.map(x -> x + "!")));
    }

    @Property(tries = 250)
    void everyCommandRoundTripsThroughFrameEnvelopeAndPayload(@ForAll("commands") Command command,
            @ForAll("metadata") RequestMetadata metadata, @ForAll("ids") UUID id, @ForAll("settings") FrameSettings sender) {
        BodyWriter body = new BodyWriter();
        RequestCodec.encode(body, id, metadata, command);
        byte[] frame = Frames.encode(body.toByteArray(), sender);

        RequestEnvelope envelope = RequestCodec.decodeEnvelope(ByteBuffer.wrap(Frames.decode(frame, FrameSettings.DEFAULT)));
        assertEquals(id, envelope.requestId());
        assertEquals(metadata, envelope.metadata());
        assertEquals(command.type().opcode(), envelope.opcode());
        assertEquals(command, RequestCodec.decodeCommand(envelope));
    }

    @Property(tries = 250)
    void everyReplyKindRoundTripsThroughFrameEnvelopeAndPayload(@ForAll("replies") WireArbitraries.Shaped shaped,
            @ForAll("ids") UUID id, @ForAll("settings") FrameSettings sender) {
        BodyWriter body = new BodyWriter();
        if (shaped.shape() == ReplyShape.RAW && shaped.reply() instanceof Reply.Data data) {
            ResponseCodec.encodeRaw(body, id, data.value()); // replication answers travel without a length prefix
        } else {
            ResponseCodec.encode(body, id, shaped.reply());
        }
        byte[] frame = Frames.encode(body.toByteArray(), sender);

        ResponseEnvelope envelope = ResponseCodec.decodeEnvelope(ByteBuffer.wrap(Frames.decode(frame, FrameSettings.DEFAULT)));
        assertEquals(id, envelope.requestId());
        assertEquals(shaped.reply(), ResponseCodec.decodeReply(envelope, shaped.shape()));
    }

    @Property(tries = 150)
    void helloesRoundTrip(@ForAll("clientHellos") ClientHello client, @ForAll("serverHellos") ServerHello server) {
        BodyWriter body = new BodyWriter();
        client.encode(body);
        assertEquals(client, ClientHello.decode(Frames.decode(Frames.encode(body.toByteArray(), FrameSettings.HELLO),
                FrameSettings.HELLO)));
        server.encode(body.reset());
        assertEquals(server, ServerHello.decode(body.toByteArray()));
    }

    @Property(tries = 25)
    void aStreamOfFramesOfMixedSizesReadsBackInOrder_withBuffersReusedAndReleased(
            @ForAll("bodySizes") List<Integer> sizes, @ForAll("settings") FrameSettings sender) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(stream);
        BodyWriter body = new BodyWriter();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            byte[] content = new byte[sizes.get(i)];
            for (int j = 0; j < content.length; j++) {
                content[j] = (byte) (i * 31 + j / 7); // compressible but not constant
            }
            sent.add(content);
            writer.write(body.reset().raw(content, 0, content.length), sender);
        }
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream.toByteArray()));
        for (byte[] expected : sent) {
            ByteBuffer received = reader.read(FrameSettings.DEFAULT);
            byte[] copy = new byte[received.remaining()];
            received.get(copy);
            assertArrayEquals(expected, copy);
        }
        assertNull(reader.read(FrameSettings.DEFAULT));
    }

    @Provide
    Arbitrary<List<Integer>> bodySizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300), Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(FrameReader.RETAINED_CAPACITY_BYTES, FrameReader.RETAINED_CAPACITY_BYTES + 9000))
                .list().ofMinSize(1).ofMaxSize(6);
    }
}

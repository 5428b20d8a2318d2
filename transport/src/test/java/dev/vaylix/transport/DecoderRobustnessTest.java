package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input: random bytes, truncation at every offset and bit flips reach every decoder, which must answer
 * with a TRN code from its documented set and nothing else: no other exception, no hang, no huge allocation.
 */
class DecoderRobustnessTest {

    private static final Set<ErrorCode> FRAME_ERRORS = EnumSet.of(ErrorCode.TRN_001, ErrorCode.TRN_005, ErrorCode.TRN_006,
            ErrorCode.TRN_007, ErrorCode.TRN_009, ErrorCode.TRN_010, ErrorCode.TRN_011, ErrorCode.TRN_017);
    private static final Set<ErrorCode> HELLO_ERRORS = EnumSet.of(ErrorCode.TRN_003, ErrorCode.TRN_007, ErrorCode.TRN_008,
            ErrorCode.TRN_012, ErrorCode.TRN_015, ErrorCode.TRN_018);
    private static final Set<ErrorCode> ENVELOPE_ERRORS = EnumSet.of(ErrorCode.TRN_002, ErrorCode.TRN_003,
            ErrorCode.TRN_007, ErrorCode.TRN_008);
    private static final Set<ErrorCode> PAYLOAD_ERRORS = EnumSet.of(ErrorCode.TRN_007, ErrorCode.TRN_008, ErrorCode.TRN_012);

    interface Decoder {
        void decode();
    }

    static void expectOnly(Set<ErrorCode> allowed, Decoder decoder) {
        try {
            decoder.decode();
        } catch (VaylixException e) {
            assertTrue(allowed.contains(e.code()), () -> "unexpected " + e.describe());
        } catch (RuntimeException | Error e) {
            fail("a decoder threw something other than a coded error", e);
        }
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Command> commands() {
        return WireArbitraries.commands();
    }

    @Property(tries = 150)
    void randomBytesAreRejectedWithDocumentedCodes(@ForAll("noise") byte[] bytes) {
        expectOnly(FRAME_ERRORS, () -> Frames.decode(bytes, FrameSettings.DEFAULT));
        expectOnly(HELLO_ERRORS, () -> ClientHello.decode(bytes));
        expectOnly(HELLO_ERRORS, () -> ServerHello.decode(bytes));
        expectOnly(ENVELOPE_ERRORS, () -> RequestCodec.decodeEnvelope(ByteBuffer.wrap(bytes)));
        expectOnly(ENVELOPE_ERRORS, () -> ResponseCodec.decodeEnvelope(ByteBuffer.wrap(bytes)));
        for (CommandType type : CommandType.values()) {
            if (!type.isLocal()) {
                expectOnly(PAYLOAD_ERRORS, () -> RequestCodec.decodePayload(type, ByteBuffer.wrap(bytes)));
            }
        }
        for (Status status : Status.values()) {
            for (ReplyShape shape : ReplyShape.values()) {
                byte[] withStatus = Hex.concat(new byte[16], new byte[] {(byte) status.wireByte()}, bytes);
                expectOnly(PAYLOAD_ERRORS, () -> ResponseCodec.decodeReply(
                        ResponseCodec.decodeEnvelope(ByteBuffer.wrap(withStatus)), shape));
            }
        }
    }

    @Property(tries = 150)
    void randomBytesWithAValidHeaderAndChecksumReachTheDecompressor(@ForAll("noise") byte[] payload) {
        byte[] frame = FrameCodecTest.rawFrame(Vtp2.MAGIC, 2, 1, payload.length, payload, null);
        expectOnly(FRAME_ERRORS, () -> Frames.decode(frame, FrameSettings.DEFAULT));
    }

    @Property(tries = 100)
    void everyStrictPrefixOfAPayloadIsUnexpectedEnd_exceptSetWithoutItsCasField(@ForAll("commands") Command command) {
        BodyWriter out = new BodyWriter();
        RequestCodec.encodePayload(command, out);
        byte[] payload = out.toByteArray();
        for (int cut = 0; cut < payload.length; cut++) {
            ByteBuffer prefix = ByteBuffer.wrap(Arrays.copyOf(payload, cut));
            if (command instanceof Command.Set set && cut == payload.length - (set.ifVersion().isPresent() ? 9 : 1)) {
                Command.Set withoutCas = new Command.Set(set.key(), set.value(), set.condition(), OptionalLong.empty(),
                        set.expiration(), set.keepTtl(), set.returnPrevious());
                assertEquals(withoutCas, RequestCodec.decodePayload(command.type(), prefix));
                continue;
            }
            Expect.error(ErrorCode.TRN_007, () -> RequestCodec.decodePayload(command.type(), prefix));
        }
    }

    @Property(tries = 25)
    void everyStrictPrefixOfAFrameIsUnexpectedEnd_andEveryBitFlipIsCaught(@ForAll("commands") Command command) {
        BodyWriter body = new BodyWriter();
        RequestCodec.encode(body, new UUID(1, 2), RequestMetadata.NONE, command);
        byte[] frame = Frames.encode(body.toByteArray(), FrameSettings.HELLO);
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] prefix = Arrays.copyOf(frame, cut);
            Expect.error(ErrorCode.TRN_007, () -> Frames.decode(prefix, FrameSettings.DEFAULT));
        }
        for (int bit = 0; bit < frame.length * 8; bit += 3) {
            byte[] flipped = frame.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            int flippedBit = bit;
            // Any single flipped bit is detected (CRC-32 catches every single-bit error in the payload).
            expectOnly(FRAME_ERRORS, () -> {
                Frames.decode(flipped, FrameSettings.DEFAULT);
                fail("bit " + flippedBit + " flipped and the frame still decoded");
            });
        }
    }
}

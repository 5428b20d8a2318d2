package dev.vaylix.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Fuzzes the hello decoders with raw bodies (hellos carry no checksum of their own). Seeds replay in
 * {@code mvn test} from {@code HelloFuzzTestInputs/<method>/}. A hello that decodes must re-encode to exactly
 * the same bytes: the encoding is canonical, so anything else is a decoder accepting what it should not.
 */
class HelloFuzzTest {

    private static final Set<ErrorCode> HELLO_ERRORS = EnumSet.of(ErrorCode.TRN_003, ErrorCode.TRN_007,
            ErrorCode.TRN_008, ErrorCode.TRN_012, ErrorCode.TRN_015, ErrorCode.TRN_018);

    @FuzzTest(maxDuration = "30s")
    void clientHello(byte[] body) {
        ClientHello hello = decodeCanonical(body, ClientHello::decode, ClientHello::encode);
        if (hello != null) {
            Negotiation.negotiate(hello, Negotiation.ServerOptions.DEFAULT, Negotiation.NIL_UUID);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void serverHello(byte[] body) {
        ServerHello hello = decodeCanonical(body, ServerHello::decode, ServerHello::encode);
        if (hello == null) {
            return;
        }
        try {
            Negotiation.clientSettings(hello, 0);
        } catch (VaylixException e) {
            Fuzzing.requireCode(e, EnumSet.of(ErrorCode.TRN_014));
        }
    }

    /** The decoded hello, or null after a documented decode error; a decoded hello must re-encode to {@code body}. */
    private static <T> T decodeCanonical(byte[] body, Function<byte[], T> decoder, BiConsumer<T, BodyWriter> encoder) {
        T hello;
        try {
            hello = decoder.apply(body);
        } catch (VaylixException e) {
            Fuzzing.requireCode(e, HELLO_ERRORS);
            return null;
        }
        BodyWriter again = new BodyWriter();
        encoder.accept(hello, again);
        if (!Arrays.equals(body, again.toByteArray())) {
            throw new AssertionError("a hello did not re-encode to its own bytes: " + hello);
        }
        return hello;
    }
}

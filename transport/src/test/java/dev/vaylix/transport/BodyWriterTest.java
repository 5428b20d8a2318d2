package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Strings on the wire: the ASCII fast path and the general UTF-8 path write exactly the JDK's UTF-8. */
class BodyWriterTest {

    @Provide
    Arbitrary<String> texts() {
        // Mostly ASCII (the fast path), some with a non-ASCII char anywhere (the fallback after a partial copy),
        // including supplementary characters (surrogate pairs).
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(80);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40)
                .filter(text -> StandardCharsets.UTF_8.newEncoder().canEncode(text));
        Arbitrary<String> mixed = ascii.flatMap(prefix -> Arbitraries.of("é", "€", "\uD83D\uDE00", "\u07FF")
                .map(odd -> prefix + odd + prefix));
        return Arbitraries.oneOf(ascii, any, mixed);
    }

    @Property(tries = 150)
    void str16_and_str32_write_the_length_prefix_and_the_exact_utf8(@ForAll("texts") String text,
                                                                    @ForAll("texts") String before) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        BodyWriter writer = new BodyWriter(4); // grows on the way
        writer.str16(before).str16(text).str32(text).u8(0x7E);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        expected.write(head.length >>> 8);
        expected.write(head.length);
        expected.writeBytes(head);
        expected.write(utf8.length >>> 8);
        expected.write(utf8.length);
        expected.writeBytes(utf8);
        expected.write(utf8.length >>> 24);
        expected.write(utf8.length >>> 16);
        expected.write(utf8.length >>> 8);
        expected.write(utf8.length);
        expected.writeBytes(utf8);
        expected.write(0x7E);
        assertArrayEquals(expected.toByteArray(), writer.toByteArray());
    }

    @Test
    void a_lone_surrogate_after_ascii_is_trn_012_and_leaves_the_body_as_it_was() {
        BodyWriter writer = new BodyWriter().str16("ok");
        VaylixException e = assertThrows(VaylixException.class, () -> writer.str16("abc\uD800def"));
        assertEquals(ErrorCode.TRN_012, e.code());
        assertArrayEquals(new byte[] {0, 2, 'o', 'k'}, writer.toByteArray());
    }

    @Test
    void str16_refuses_more_than_65535_bytes_ascii_or_not() {
        assertEquals(2 + 65_535, new BodyWriter().str16("k".repeat(65_535)).length());
        assertEquals(ErrorCode.TRN_008, assertThrows(VaylixException.class,
                () -> new BodyWriter().str16("k".repeat(65_536))).code());
        assertEquals(ErrorCode.TRN_008, assertThrows(VaylixException.class,
                () -> new BodyWriter().str16("é".repeat(32_768))).code());
    }

    @Test
    void an_ascii_string_beyond_the_frame_limit_is_trn_006() {
        String huge = "x".repeat(Vtp2.MAX_FRAME_LEN);
        VaylixException e = assertThrows(VaylixException.class, () -> new BodyWriter().str32(huge));
        assertEquals(ErrorCode.TRN_006, e.code());
    }
}

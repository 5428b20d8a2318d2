package dev.vaylix.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void bytes_are_copied_in_and_out() {
        byte[] source = {1, 2, 3};
        Bytes bytes = Bytes.of(source);
        source[0] = 9;
        assertEquals(1, bytes.byteAt(0));
        byte[] out = bytes.toByteArray();
        out[1] = 9;
        assertEquals(2, bytes.byteAt(1));
    }

    @Test
    void equality_is_by_content() {
        assertEquals(Bytes.of((byte) 0, (byte) -1), Bytes.fromHex("00ff"));
        assertEquals(Bytes.of((byte) 0, (byte) -1).hashCode(), Bytes.fromHex("00FF").hashCode());
        assertNotEquals(Bytes.of((byte) 0), Bytes.EMPTY);
    }

    @Test
    void ordering_is_unsigned() {
        assertTrue(Bytes.of((byte) 0x7f).compareTo(Bytes.of((byte) 0x80)) < 0);
        assertTrue(Bytes.of((byte) 1).compareTo(Bytes.of((byte) 1, (byte) 0)) < 0);
    }

    @Test
    void utf8_is_strict() {
        assertTrue(Bytes.utf8("héllo").isValidUtf8());
        assertFalse(Bytes.fromHex("c0af").isValidUtf8(), "overlong encoding");
        assertFalse(Bytes.fromHex("eda080").isValidUtf8(), "encoded surrogate");
        VaylixException e = assertThrows(VaylixException.class, () -> Bytes.fromHex("ff").utf8String());
        assertEquals(ErrorCode.TRN_012, e.code());
        assertThrows(IllegalArgumentException.class, () -> Bytes.utf8("a\uD800b"));
    }

    @Test
    void readable_form_shows_text_or_hex() {
        assertEquals("\"abc\"", Bytes.utf8("abc").toString());
        assertEquals("0x00ff", Bytes.fromHex("00ff").toString());
    }

    @Property
    void slice_concat_round_trip(@ForAll byte[] a, @ForAll byte[] b) {
        Bytes joined = Bytes.of(a).concat(Bytes.of(b));
        assertEquals(a.length + b.length, joined.length());
        assertEquals(Bytes.of(a), joined.slice(0, a.length));
        assertEquals(Bytes.of(b), joined.slice(a.length, b.length));
        assertTrue(joined.startsWith(Bytes.of(a)));
    }

    @Property
    void compare_agrees_with_unsigned_array_compare(@ForAll byte[] a, @ForAll byte[] b) {
        assertEquals(Integer.signum(Arrays.compareUnsigned(a, b)), Integer.signum(Bytes.of(a).compareTo(Bytes.of(b))));
    }

    @Property
    void utf8_round_trips_well_formed_text(@ForAll String text) {
        if (!Bytes.Utf8.isWellFormed(text)) {
            assertThrows(IllegalArgumentException.class, () -> Bytes.utf8(text));
            return;
        }
        Bytes bytes = Bytes.utf8(text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
        assertEquals(text, bytes.utf8String());
    }
}

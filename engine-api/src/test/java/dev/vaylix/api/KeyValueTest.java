package dev.vaylix.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KeyValueTest {

    @Property
    void key_order_is_utf8_byte_order(@ForAll String a, @ForAll String b) {
        Assume.that(Bytes.Utf8.isWellFormed(a) && Bytes.Utf8.isWellFormed(b));
        int expected = Integer.signum(Bytes.utf8(a).compareTo(Bytes.utf8(b)));
        assertEquals(expected, Integer.signum(Key.of(a).compareTo(Key.of(b))));
    }

    @Property
    void utf8_length_matches_encoding(@ForAll String text) {
        Assume.that(Bytes.Utf8.isWellFormed(text));
        assertEquals(Bytes.utf8(text).length(), Key.of(text).utf8Length());
    }

    @Test
    void key_order_differs_from_utf16_order_above_the_bmp() {
        Key privateUse = Key.of("\uE000");
        Key emoji = Key.of("\uD83D\uDE00"); // U+1F600
        assertTrue(privateUse.text().compareTo(emoji.text()) > 0, "UTF-16 order puts U+E000 last");
        assertTrue(privateUse.compareTo(emoji) < 0, "code point (UTF-8) order puts U+E000 first");
    }

    @Test
    void keys_without_utf8_form_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Key.of("\uDC00"));
        assertEquals(ErrorCode.TRN_012,
                assertThrows(VaylixException.class, () -> Key.fromUtf8(Bytes.fromHex("80"))).code());
    }

    @Test
    void values_expire_at_or_after_their_expiry() {
        Value value = new Value(Bytes.utf8("v"), 1, 1_000);
        assertFalse(value.isExpiredAt(999));
        assertTrue(value.isExpiredAt(1_000));
        Value forever = new Value(Bytes.utf8("v"), 1, Value.NO_EXPIRY);
        assertFalse(forever.isExpiredAt(Long.MAX_VALUE));
        assertFalse(forever.isExpiredAt(-1L), "u64 max time");
        assertThrows(IllegalArgumentException.class, () -> new Value(Bytes.EMPTY, 0, 0));
    }
}

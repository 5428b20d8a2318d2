package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyOrderTest {

    @Property(tries = 2000)
    void the_fast_order_is_utf8_byte_order(@ForAll("keys") String a, @ForAll("keys") String b) {
        int expected = Integer.signum(Bytes.utf8(a).compareTo(Bytes.utf8(b)));
        assertEquals(expected, Integer.signum(KeyOrder.compare(a, b)));
        assertEquals(expected, Integer.signum(Key.of(a).compareTo(Key.of(b))));
    }

    @Provide
    Arbitrary<String> keys() {
        // Few distinct characters around the interesting boundaries, so that prefixes collide often.
        Arbitrary<Integer> codePoints = Arbitraries.of(0x00, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF,
                0x10000, 0x1F600, 0x10FFFF);
        return codePoints.list().ofMaxSize(4).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::appendCodePoint);
            return text.toString();
        });
    }
}

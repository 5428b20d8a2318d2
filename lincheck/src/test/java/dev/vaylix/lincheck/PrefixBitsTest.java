package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PrefixBitsTest {

    /** After any sequence of sets and clears, the tracked bounds equal the ones found by scanning. */
    @Property(tries = 300)
    void bounds_match_a_full_scan(
            @ForAll @Size(max = 400) List<@IntRange(min = -300, max = 299) Integer> steps) {
        PrefixBits bits = new PrefixBits(300);
        for (int step : steps) {
            if (step >= 0) {
                bits.set(step);
            } else {
                bits.clear(-step - 1);
            }
            long[] w = bits.words();
            int lead = 0;
            while (lead < w.length && w[lead] == -1L) {
                lead++;
            }
            int end = w.length;
            while (end > 0 && w[end - 1] == 0L) {
                end--;
            }
            assertEquals(lead, bits.lead());
            assertEquals(end, bits.end());
        }
    }
}

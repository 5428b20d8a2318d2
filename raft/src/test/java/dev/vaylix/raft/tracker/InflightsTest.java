package dev.vaylix.raft.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InflightsTest {

    @Test
    void theWindowIsBoundedByCountAndBytes() {
        Inflights byCount = new Inflights(3, 1_000);
        byCount.add(1, 10);
        byCount.add(2, 10);
        assertFalse(byCount.full());
        byCount.add(3, 10);
        assertTrue(byCount.full());
        assertThrows(IllegalStateException.class, () -> byCount.add(4, 10));

        Inflights byBytes = new Inflights(100, 50);
        byBytes.add(1, 30);
        assertFalse(byBytes.full());
        byBytes.add(2, 30);
        assertTrue(byBytes.full(), "60 bytes in flight over a 50-byte bound");
    }

    @Test
    void acknowledgementsFreeEverythingUpToTheIndexInOrder() {
        Inflights inflights = new Inflights(4, 1_000);
        for (long i = 1; i <= 4; i++) {
            inflights.add(i * 10, 5);
        }
        inflights.freeLE(25);
        assertEquals(2, inflights.count());
        assertEquals(10, inflights.bytes());
        inflights.add(50, 5);
        inflights.add(60, 5);
        assertTrue(inflights.full());
        inflights.freeFirstOne();
        assertEquals(3, inflights.count());
        inflights.freeLE(1_000);
        assertEquals(0, inflights.count());
        assertEquals(0, inflights.bytes());
    }

    @Test
    void indexesMustIncrease() {
        Inflights inflights = new Inflights(4, 1_000);
        inflights.add(5, 1);
        assertThrows(IllegalStateException.class, () -> inflights.add(5, 1));
    }
}

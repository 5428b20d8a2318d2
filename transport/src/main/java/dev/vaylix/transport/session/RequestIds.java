package dev.vaylix.transport.session;

import dev.vaylix.api.Clock;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where request ids come from. The server echoes them and never tracks them (VTP2.md §7.3); clients use
 * them to check that each response answers the request they expect. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RequestIds {

    /** The id of the next request. */
    UUID next();

    /**
     * UUIDv7 ids (RFC 9562) like the reference CLI: 48 bits of Unix milliseconds from {@code clock}, then
     * random bits drawn once per generator, with a per-generator counter added to the low 62 bits so ids
     * from one generator never repeat (and no random number is drawn per request).
     */
    static RequestIds uuidV7(Clock clock) {
        SecureRandom seedSource = new SecureRandom();
        long randA = seedSource.nextLong() & 0x0FFFL;
        AtomicLong counter = new AtomicLong(seedSource.nextLong());
        return () -> {
            long ms = clock.wallTimeMs() & 0xFFFF_FFFF_FFFFL;
            long msb = (ms << 16) | 0x7000L | randA;
            long lsb = 0x8000_0000_0000_0000L | (counter.incrementAndGet() & 0x3FFF_FFFF_FFFF_FFFFL);
            return new UUID(msb, lsb);
        };
    }

    /** Deterministic ids for tests and simulations: {@code prefix} as the high half, a counter as the low half. */
    static RequestIds sequential(long prefix) {
        AtomicLong counter = new AtomicLong();
        return () -> new UUID(prefix, counter.incrementAndGet());
    }
}

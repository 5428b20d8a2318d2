package dev.vaylix.lincheck;

import java.util.Objects;

/**
 * What the check of one key did.
 *
 * @param key            the key
 * @param operations     operations searched (completed ones plus state-changing ones of unknown outcome)
 * @param statesExplored distinct configurations memoized: the measure of work, deterministic for a
 *                       given history and independent of the machine, so tests can bound it
 * @param verdict        the answer for this key
 */
public record KeyStats(String key, int operations, long statesExplored, Verdict verdict) {
    public KeyStats {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
    }
}

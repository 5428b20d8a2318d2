package dev.vaylix.raft;

/**
 * Where the core gets randomness (randomised election timeouts, thesis §3.4). Injected so a seeded
 * source makes a simulation reproducible; the core never creates its own.
 *
 * <p>Thread-safety: called only from the thread that drives the node.
 */
@FunctionalInterface
public interface RandomSource {

    /** A uniformly distributed value in {@code [0, boundExclusive)}; {@code boundExclusive >= 1}. */
    int nextInt(int boundExclusive);
}

package dev.vaylix.bench.load;

import java.util.Locale;

/** What the generator sends. */
enum Workload {
    /** GET of random keys (preloaded by default, so every read finds a value). */
    GET,
    /** SET of random keys. */
    SET,
    /** GET with probability {@code --read-ratio}, else SET. */
    MIXED,
    /** MULTI, {@code --transaction-size} SETs, EXEC: one operation per transaction. */
    TRANSACTION;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads need data: get and mixed preload the keyspace unless told not to. */
    boolean preloadsByDefault() {
        return this == GET || this == MIXED;
    }
}

package dev.vaylix.server.config;

import java.util.Locale;
import java.util.Optional;

/**
 * When a write is acknowledged ({@code --write-ack-mode}). Reported as {@code local}, {@code majority}
 * or {@code all}; {@code replica} is accepted as an alias of {@code majority}, as in the reference.
 */
public enum WriteAckMode {
    /** After the leader's own fsync; not HA-safe (a leader crash can lose the write). */
    LOCAL,
    /** After a majority of voters hold the entry durably: Raft commit. The default. */
    MAJORITY,
    /** After every voter holds the entry durably. */
    ALL;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code local|majority|all|replica}, ASCII-case-insensitively. */
    public static Optional<WriteAckMode> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "local" -> Optional.of(LOCAL);
            case "majority", "replica" -> Optional.of(MAJORITY);
            case "all" -> Optional.of(ALL);
            default -> Optional.empty();
        };
    }
}

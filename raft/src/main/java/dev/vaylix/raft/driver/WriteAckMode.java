package dev.vaylix.raft.driver;

import java.util.Locale;

/**
 * When a write is acknowledged ({@code --write-ack-mode}; docs/RAFT.md "Write acknowledgement modes").
 */
public enum WriteAckMode {
    /**
     * Default. Committed (durable on a majority of voters) and applied: the proposer gets the state
     * machine's result. Survives the loss of any minority of voters.
     */
    MAJORITY,
    /** Like {@link #MAJORITY}, and also durable on every voter of the configuration. */
    ALL,
    /**
     * Durable on this leader's disk only, before replication completes. Not HA-safe: the entry is not
     * committed yet and the state machine's result is not known. If this leader fails or loses its
     * leadership before a majority stores the entry, the write can be lost even though it was
     * acknowledged (a new leader without it overwrites it). Survives only a crash of this leader after
     * which it is elected again.
     */
    LOCAL;

    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WriteAckMode fromFlag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "majority" -> MAJORITY;
            case "all" -> ALL;
            case "local" -> LOCAL;
            default -> throw new IllegalArgumentException("write ack mode must be majority, all or local: " + value);
        };
    }
}

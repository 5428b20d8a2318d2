package dev.vaylix.api.command;

import java.util.Objects;

/**
 * A relative expiry as written in a command: none, {@code EX seconds} or {@code PX milliseconds}.
 * The engine turns it into an absolute time from the log entry's leader time.
 *
 * @param kind   which form
 * @param amount seconds or milliseconds, an unsigned 64-bit value; 0 when {@code kind} is NONE
 */
public record Expiration(Kind kind, long amount) {

    /** The wire tag is the ordinal (VTP2.md §4 expiration). */
    public enum Kind { NONE, SECONDS, MILLISECONDS }

    public static final Expiration NONE = new Expiration(Kind.NONE, 0);

    public Expiration {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NONE && amount != 0) {
            throw new IllegalArgumentException("no expiration carries no amount");
        }
    }

    public static Expiration seconds(long seconds) {
        return new Expiration(Kind.SECONDS, seconds);
    }

    public static Expiration millis(long millis) {
        return new Expiration(Kind.MILLISECONDS, millis);
    }

    public boolean isPresent() {
        return kind != Kind.NONE;
    }
}

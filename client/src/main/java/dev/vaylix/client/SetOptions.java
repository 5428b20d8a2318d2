package dev.vaylix.client;

import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The options of SET (COMMANDS.md §3.2) other than GET, which {@link Requests#setAndGet} adds. Immutable;
 * start from {@link #NONE} and chain: {@code SetOptions.NONE.nx().ex(60)}.
 *
 * <p>Combinations the text language refuses are refused here too (IllegalArgumentException): IF VERSION with
 * NX/XX, and KEEPTTL with EX/PX.
 *
 * @param condition  NX (only if absent), XX (only if present) or none
 * @param ifVersion  write only if the key exists with exactly this (unsigned) version
 * @param expiration EX seconds / PX milliseconds; none clears the TTL unless {@code keepTtl}
 * @param keepTtl    keep the key's existing expiry
 */
public record SetOptions(SetCondition condition, OptionalLong ifVersion, Expiration expiration, boolean keepTtl) {

    /** Plain SET: always write, clear the TTL. */
    public static final SetOptions NONE = new SetOptions(SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, false);

    public SetOptions {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(ifVersion, "ifVersion");
        Objects.requireNonNull(expiration, "expiration");
        if (ifVersion.isPresent() && condition != SetCondition.NONE) {
            throw new IllegalArgumentException("IF VERSION cannot be combined with NX or XX");
        }
        if (keepTtl && expiration.isPresent()) {
            throw new IllegalArgumentException("KEEPTTL cannot be combined with EX or PX");
        }
    }

    /** Only if the key is absent. */
    public SetOptions nx() {
        return new SetOptions(SetCondition.NX, ifVersion, expiration, keepTtl);
    }

    /** Only if the key is present. */
    public SetOptions xx() {
        return new SetOptions(SetCondition.XX, ifVersion, expiration, keepTtl);
    }

    /** Only if the key is present with exactly {@code version} (compare-and-set). */
    public SetOptions ifVersion(long version) {
        return new SetOptions(condition, OptionalLong.of(version), expiration, keepTtl);
    }

    /** Expire {@code seconds} after the write (0 deletes the key again at once). */
    public SetOptions ex(long seconds) {
        return new SetOptions(condition, ifVersion, Expiration.seconds(seconds), keepTtl);
    }

    /** Expire {@code millis} milliseconds after the write. */
    public SetOptions px(long millis) {
        return new SetOptions(condition, ifVersion, Expiration.millis(millis), keepTtl);
    }

    /** Keep the existing expiry (KEEPTTL). */
    public SetOptions keepingTtl() {
        return new SetOptions(condition, ifVersion, expiration, true);
    }

    /** True if the server answers whether the write happened (NX, XX or IF VERSION). */
    boolean isConditional() {
        return condition != SetCondition.NONE || ifVersion.isPresent();
    }
}

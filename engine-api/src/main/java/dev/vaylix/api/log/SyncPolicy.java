package dev.vaylix.api.log;

import java.util.Locale;

/**
 * When an append is reported durable ({@code --wal-sync}). Only {@link #SYNC} survives power loss;
 * unlike the reference, {@link #FLUSH} is not the default and says exactly what it does.
 */
public enum SyncPolicy {
    /** Records stay in the process's buffer until a later append or rotation writes them. */
    BUFFERED,
    /** Records are written to the OS (survive a process crash, not a power loss); no fsync. */
    FLUSH,
    /** Records are fsynced before the append returns; many appends share one fsync (group commit). */
    SYNC;

    /** The flag value: {@code buffered}, {@code flush}, {@code sync}. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncPolicy fromFlag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "buffered" -> BUFFERED;
            case "flush" -> FLUSH;
            case "sync" -> SYNC;
            default -> throw new IllegalArgumentException("wal sync policy must be buffered, flush or sync: " + value);
        };
    }
}

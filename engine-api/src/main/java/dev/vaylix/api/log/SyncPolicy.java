package dev.vaylix.api.log;

import java.util.Locale;

/**
 * When an append is reported durable ({@code --wal-sync}). Only {@link #SYNC} survives power loss;
 * unlike the reference, {@link #FLUSH} is not the default and says exactly what it does.
 *
 * <p>Every policy keeps the log's atomicity and prefix guarantees (a crash loses a suffix of the
 * mutations, never one in the middle); they differ only in how long that suffix may be.
 */
public enum SyncPolicy {
    /**
     * Records may stay in the process's buffer until a later append, {@link LogStore#sync()},
     * rotation or {@link LogStore#close()} writes them: a process crash may lose recent appends.
     * (A memory-mapped log writes into the page cache directly, so it behaves like {@link #FLUSH}.)
     */
    BUFFERED,
    /** Records are written to the OS before the append returns (survive a process crash, not a power loss); no fsync. */
    FLUSH,
    /**
     * Records are fsynced before the append returns (survive power loss). One append call is one
     * fsync, so callers get group commit by passing many proposals in one call.
     */
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

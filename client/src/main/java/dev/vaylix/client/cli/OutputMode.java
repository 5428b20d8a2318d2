package dev.vaylix.client.cli;

import java.util.Locale;
import java.util.Optional;

/** How entries replies are printed (COMMANDS.md §11.4); every other reply prints the same in all modes. */
public enum OutputMode {
    /** {@code k1=v1, k2=v2} on one line. */
    PLAIN,
    /** A {@code key | value} table. */
    TABLE,
    /** A pretty-printed JSON array of {@code {"key": …, "value": …}} objects. */
    JSON;

    /** The name as written on the command line and in URLs: {@code plain}, {@code table}, {@code json}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named exactly {@code plain}, {@code table} or {@code json} (lower case, as the reference). */
    public static Optional<OutputMode> fromCliName(String name) {
        for (OutputMode mode : values()) {
            if (mode.cliName().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}

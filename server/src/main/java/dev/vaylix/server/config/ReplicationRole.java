package dev.vaylix.server.config;

import java.util.Locale;
import java.util.Optional;

/** {@code --replication-role}: the role a node starts in. */
public enum ReplicationRole {
    STANDALONE, LEADER, FOLLOWER;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReplicationRole> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "standalone" -> Optional.of(STANDALONE);
            case "leader" -> Optional.of(LEADER);
            case "follower" -> Optional.of(FOLLOWER);
            default -> Optional.empty();
        };
    }
}

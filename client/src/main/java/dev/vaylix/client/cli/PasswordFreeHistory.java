package dev.vaylix.client.cli;

import java.time.Instant;
import java.util.Locale;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, minus every line that carries a password ({@code auth}, {@code create user},
 * {@code alter user}): the history file is plain text on disk, and a password does not belong there. The
 * reference kept them.
 */
final class PasswordFreeHistory extends DefaultHistory {

    @Override
    public void add(Instant time, String line) {
        if (!carriesPassword(line)) {
            super.add(time, line);
        }
    }

    static boolean carriesPassword(String line) {
        String[] words = line.strip().toLowerCase(Locale.ROOT).split("[ \t\r\n]+", 3);
        return switch (words[0]) {
            case "auth" -> true;
            case "create", "alter" -> words.length > 1 && words[1].equals("user");
            default -> false;
        };
    }
}

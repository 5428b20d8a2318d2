package dev.vaylix.client.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shell keeps its history: the per-user data directory of the reference
 * ({@code ProjectDirs("dev", "vaylix", "vaylix")}), which on Linux is {@code $XDG_DATA_HOME/vaylix} when
 * {@code XDG_DATA_HOME} is an absolute path, else {@code $HOME/.local/share/vaylix}; the file is
 * {@code history.txt}.
 */
final class HistoryLocation {

    static final String FILE_NAME = "history.txt";

    private HistoryLocation() {
    }

    /** The history file, or empty if neither variable gives a usable directory ({@code CLI-005}). */
    static Optional<Path> resolve(Map<String, String> environment) {
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "vaylix", FILE_NAME));
        }
        String home = environment.get("HOME");
        if (home != null && !home.isEmpty() && Path.of(home).isAbsolute()) {
            return Optional.of(Path.of(home, ".local", "share", "vaylix", FILE_NAME));
        }
        return Optional.empty();
    }
}

package dev.vaylix.client.cli;

import java.io.Console;
import java.util.List;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether standard input is a terminal, which decides between the shell and script mode. Standard output
 * does not matter ({@code vaylix-client > log} is still interactive), so {@link Console#isTerminal()}, which
 * needs both, is only the last resort.
 *
 * <p>Order: the system property {@code vaylix.stdin.tty} (the launcher sets it from the shell's {@code [ -t 0 ]},
 * the one test every shell gets right), then JLine's native providers, then the console.
 */
final class StdinProbe {

    static final String PROPERTY = "vaylix.stdin.tty";

    private StdinProbe() {
    }

    static boolean isTerminal() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        for (String provider : List.of("ffm", "jni", "exec")) {
            try {
                return TerminalProvider.load(provider).isSystemStream(SystemStream.Input);
            } catch (Exception | LinkageError e) {
                // This provider is unavailable here (no native access, no JNI library, no exec); try the next.
            }
        }
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}

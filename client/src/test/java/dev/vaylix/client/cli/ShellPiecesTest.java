package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts of the shell and script modes: history location and filter, input lines, first words. */
class ShellPiecesTest {

    @Test
    void historyLivesInTheXdgDataDirectoryOrUnderHome() {
        assertEquals(Optional.of(Path.of("/x/data/vaylix/history.txt")),
                HistoryLocation.resolve(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/home/u")));
        assertEquals(Optional.of(Path.of("/home/u/.local/share/vaylix/history.txt")),
                HistoryLocation.resolve(Map.of("XDG_DATA_HOME", "relative/ignored", "HOME", "/home/u")));
        assertEquals(Optional.empty(), HistoryLocation.resolve(Map.of()));
    }

    @Test
    void linesWithPasswordsNeverReachTheHistory() {
        assertTrue(PasswordFreeHistory.carriesPassword("auth admin s3cret"));
        assertTrue(PasswordFreeHistory.carriesPassword("  AUTH admin s3cret"));
        assertTrue(PasswordFreeHistory.carriesPassword("create user bob password hunter22hunter"));
        assertTrue(PasswordFreeHistory.carriesPassword("Alter\tUser bob password x"));
        assertFalse(PasswordFreeHistory.carriesPassword("create role readers"));
        assertFalse(PasswordFreeHistory.carriesPassword("get auth"));
        assertFalse(PasswordFreeHistory.carriesPassword(""));
    }

    @Test
    void inputLinesSplitAtLineFeedsAndDropOneCarriageReturn() throws IOException {
        InputLines lines = new InputLines(new StringReader("a\r\nb\"\r\"c\n\nlast"), 100);
        assertEquals("a", lines.next());
        assertEquals("b\"\r\"c", lines.next());
        assertEquals("", lines.next());
        assertEquals("last", lines.next());
        assertNull(lines.next());
    }

    @Test
    void anOverlongLineIsReportedAndSkippedWhole() throws IOException {
        InputLines lines = new InputLines(new StringReader("0123456789\nok\n"), 5);
        assertSame(InputLines.TOO_LONG, lines.next());
        assertEquals("ok", lines.next());
    }

    @Test
    void theFirstWordIsWhatTheEditorChecks() {
        assertEquals("get", Repl.firstWord("  get key  "));
        assertEquals("\"get\"", Repl.firstWord("\"get\" key"));
        assertEquals("", Repl.firstWord(" \t "));
        assertEquals("frob", Repl.firstWord("frob\u00a0x"), "a no-break space separates words here too");
    }
}

package dev.vaylix.client.cli;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.command.CommandParser;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive shell (COMMANDS.md §11.3 steps 4–5) on a JLine terminal: prompt {@code vaylix> }, Emacs key
 * bindings, a history file, completion of command keywords, and lines whose first word is not a command refused
 * in the editor with {@code unknown command: <word>} (the line stays for editing, as in the reference).
 * {@code exit}/{@code quit} leave; Ctrl-C and Ctrl-D print {@code Exiting...} and leave; the history is saved
 * either way. History expansion ({@code !}) is off: {@code !} is ordinary text in keys and values.
 */
final class Repl {

    static final String PROMPT = "vaylix> ";
    static final String EXITING = "Exiting...";

    private Repl() {
    }

    /**
     * Runs the shell until the user leaves.
     *
     * @param historyFile where to keep history; empty = this session only
     * @return the exit status: {@link ExitCodes#OK} when the user leaves
     * @throws CliAbort if the connection fails or the terminal cannot be read ({@code CLI-004})
     */
    static int run(Terminal terminal, Optional<Path> historyFile, CommandRunner runner) {
        LineReader reader = build(terminal, historyFile);
        PrintWriter out = terminal.writer();
        try {
            while (true) { // ends on exit/quit, Ctrl-C, Ctrl-D or a CliAbort
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException | EndOfFileException e) {
                    out.println(EXITING);
                    out.flush();
                    return ExitCodes.OK;
                } catch (IOError | IllegalStateException e) {
                    throw new CliAbort(ExitCodes.CONNECTION,
                            ErrorCode.CLI_004.exception(String.valueOf(e.getMessage())).describe());
                }
                CommandRunner.Step step = runner.handleLine(line);
                out.flush();
                if (step == CommandRunner.Step.EXIT) {
                    return ExitCodes.OK;
                }
            }
        } finally {
            saveHistory(reader, terminal);
        }
    }

    static LineReader build(Terminal terminal, Optional<Path> historyFile) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false); // an unterminated quote is CMD-008, not a continuation line
        parser.setEofOnEscapedNewLine(false);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("vaylix")
                .parser(parser)
                .completer(new KeywordCompleter())
                .history(new PasswordFreeHistory())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false);
        historyFile.flatMap(file -> prepare(file, terminal)).ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        LineReader reader = builder.build();
        reader.setKeyMap(LineReader.EMACS);
        refuseUnknownCommands(reader);
        return reader;
    }

    /** Replaces accept-line: a line whose first word is not a command root is refused with a message. */
    private static void refuseUnknownCommands(LineReader reader) {
        Widget accept = reader.getBuiltinWidgets().get(LineReader.ACCEPT_LINE);
        reader.getWidgets().put(LineReader.ACCEPT_LINE, () -> {
            String word = firstWord(reader.getBuffer().toString());
            if (!word.isEmpty() && !CommandParser.isCommandWord(word)) {
                reader.printAbove("unknown command: " + word);
                return true;
            }
            return accept.apply();
        });
    }

    /** The first whitespace-separated word of the trimmed line, or "" for a blank line. */
    static String firstWord(String line) {
        String trimmed = CommandParser.trimLine(line);
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && !Character.isSpaceChar(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end);
    }

    /** Creates the history directory and an owner-only history file; empty (no history file) if impossible. */
    private static Optional<Path> prepare(Path file, Terminal terminal) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException ignored) {
                // Keep the existing history.
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            return Optional.of(file);
        } catch (IOException e) {
            terminal.writer().println(ErrorCode.CLI_003.exception("cannot use history file " + file + ": " + e.getMessage())
                    .describe());
            return Optional.empty();
        }
    }

    private static void saveHistory(LineReader reader, Terminal terminal) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println(ErrorCode.CLI_003.exception("cannot save history: " + e.getMessage()).describe());
        }
        terminal.writer().flush();
    }
}

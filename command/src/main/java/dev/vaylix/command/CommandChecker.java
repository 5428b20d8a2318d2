package dev.vaylix.command;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The command checker: a temporary stand-in for the client REPL until the server and client exist.
 * It reads command lines and prints, for each, how the parser understood it or the parse error.
 *
 * <p>Behaviour, per line (the REPL's rules of COMMANDS.md §11.3 where they apply):
 * <ul>
 *   <li>the line is trimmed like the REPL trims it ({@link CommandParser#trimLine}); an empty line
 *       prints nothing;
 *   <li>a parse error prints {@code [CMD-00x] <Name>: <message>};
 *   <li>{@code help} prints the help table; {@code exit} or {@code quit} ends the session;
 *   <li>any other command prints a one-line description ({@link CommandDescriber}); passwords are
 *       never printed.
 * </ul>
 *
 * <p>On a terminal ({@link Console#isTerminal()}) it prompts with {@code vaylix-check> }. Otherwise
 * it reads standard input as UTF-8, splitting lines at LF and dropping one CR before it (so a CR
 * inside a quoted string survives), and writes UTF-8. A line longer than {@link #LINE_CHARS_MAX} is
 * skipped with a CLI-004 line. End of input ends the session. The exit status is 0, or 1 if standard
 * input cannot be read.
 */
public final class CommandChecker {

    static final String PROMPT = "vaylix-check> ";
    /** Longer lines are refused: no command can be sent in a frame larger than 8 MiB (VTP2.md). */
    static final int LINE_CHARS_MAX = 8 * 1024 * 1024;

    private CommandChecker() {
    }

    public static void main(String[] args) {
        Console console = System.console();
        // Since JDK 22 System.console() is non-null even when the streams are redirected; isTerminal() tells.
        if (console != null && console.isTerminal()) {
            runInteractive(console);
            return;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Reader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            run(in, out::println, LINE_CHARS_MAX);
        } catch (IOException e) {
            failReading(e.getMessage());
        }
    }

    private static void runInteractive(Console console) {
        PrintWriter writer = console.writer();
        Consumer<String> print = text -> {
            writer.println(text);
            writer.flush();
        };
        while (true) { // ends at end of input or on exit/quit
            String line;
            try {
                line = console.readLine(PROMPT);
            } catch (IOError e) {
                failReading(e.getMessage());
                return;
            }
            if (line == null || !handle(line, print)) {
                return;
            }
        }
    }

    private static void failReading(String reason) {
        System.err.println(ErrorCode.CLI_004.exception(String.valueOf(reason)).describe());
        System.exit(1);
    }

    /**
     * Reads lines from {@code in} until end of input or exit/quit, printing one result per non-empty line.
     *
     * @param lineCharsMax longer lines are skipped with a CLI-004 line
     */
    static void run(Reader in, Consumer<String> print, int lineCharsMax) throws IOException {
        while (true) { // ends at end of input or on exit/quit; each iteration consumes at least one character
            InputLine line = InputLine.read(in, lineCharsMax);
            if (line == null) {
                return;
            }
            if (line.tooLong()) {
                print.accept(ErrorCode.CLI_004.exception("line is longer than " + lineCharsMax + " characters").describe());
                continue;
            }
            if (!handle(line.text(), print)) {
                return;
            }
        }
    }

    /**
     * Handles one raw input line.
     *
     * @return false if the session should end (exit/quit)
     */
    static boolean handle(String rawLine, Consumer<String> print) {
        String line = CommandParser.trimLine(rawLine);
        if (line.isEmpty()) {
            return true;
        }
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (VaylixException e) {
            print.accept(e.describe());
            return true;
        }
        switch (command) {
            case Command.Help help -> print.accept(CommandHelp.text());
            case Command.Exit exit -> {
                return false;
            }
            default -> print.accept(CommandDescriber.describe(command));
        }
        return true;
    }

    /**
     * One line of non-interactive input.
     *
     * @param text    the line without its LF and without one CR before the LF
     * @param tooLong the line exceeded the bound; {@code text} is empty and the rest of the line was skipped
     */
    record InputLine(String text, boolean tooLong) {

        /** The next line, or null at end of input (a last line without LF still counts). */
        static InputLine read(Reader in, int charsMax) throws IOException {
            StringBuilder text = new StringBuilder();
            boolean overflow = false; // more than charsMax + 1 characters: one more than allowed, plus a CR
            int c = in.read();
            if (c < 0) {
                return null;
            }
            while (c >= 0 && c != '\n') { // bounded by the input; the buffer by charsMax + 1
                if (text.length() <= charsMax) {
                    text.append((char) c);
                } else {
                    overflow = true;
                }
                c = in.read();
            }
            int length = text.length();
            if (!overflow && length > 0 && text.charAt(length - 1) == '\r') {
                text.setLength(length - 1);
            }
            if (overflow || text.length() > charsMax) {
                return new InputLine("", true);
            }
            return new InputLine(text.toString(), false);
        }
    }
}

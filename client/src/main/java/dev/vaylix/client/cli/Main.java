package dev.vaylix.client.cli;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.command.CommandParser;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;

/**
 * {@code vaylix-client}: the command-line client (COMMANDS.md §11).
 *
 * <p>Three modes, chosen by the arguments and standard input:
 * <ul>
 *   <li>a command given as arguments ({@code vaylix-client get mykey}): run it, print its reply, exit;</li>
 *   <li>no command, standard input not a terminal: run each line of standard input as a command;</li>
 *   <li>no command, standard input a terminal: the interactive shell ({@link Repl}).</li>
 * </ul>
 * In the two non-interactive modes results go to standard output (one rendered reply per command), errors to
 * standard error with their codes, the startup lines and the AUTH reply are not printed, and the exit status
 * says what happened ({@link ExitCodes}).
 */
public final class Main {

    private Main() {
    }

    /** What the process is connected to. */
    record Io(InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> environment,
              boolean stdinIsTerminal) {
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Io io = new Io(System.in, stdout, stderr, System.getenv(), StdinProbe.isTerminal());
        System.exit(run(args, io));
    }

    /** Runs the client; returns the exit status. Never throws for bad input or a failing server. */
    static int run(String[] args, Io io) {
        CliFlags flags = new CliFlags();
        CommandLine commandLine = new CommandLine(flags).setStopAtPositional(true);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            io.stderr().println(e.getMessage());
            commandLine.usage(io.stderr());
            return ExitCodes.USAGE;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(io.stdout());
            return ExitCodes.OK;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(io.stdout());
            return ExitCodes.OK;
        }
        CliSettings settings;
        ClientConfig config;
        try {
            settings = CliSettings.resolve(flags.connection, flags.output);
            config = settings.toClientConfig();
        } catch (VaylixException e) {
            io.stderr().println(e.describe());
            return ExitCodes.USAGE;
        }
        if (!flags.command.isEmpty()) {
            return runOne(ArgumentLine.of(flags.command), settings, config, io);
        }
        if (io.stdinIsTerminal()) {
            return runShell(settings, config, io);
        }
        return runScript(new InputStreamReader(io.stdin(), StandardCharsets.UTF_8), settings, config, io);
    }

    private static CommandRunner.Output streams(Io io) {
        return CommandRunner.Output.of(io.stdout()::println, io.stderr()::println);
    }

    private static int runOne(String line, CliSettings settings, ClientConfig config, Io io) {
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (VaylixException e) {
            io.stderr().println(e.describe());
            return ExitCodes.COMMAND_FAILED;
        }
        try (CommandRunner runner = new CommandRunner(settings, config, streams(io), false)) {
            runner.handle(command);
            return runner.anyCommandFailed() ? ExitCodes.COMMAND_FAILED : ExitCodes.OK;
        } catch (CliAbort abort) {
            io.stderr().println(abort.getMessage());
            return abort.exitCode();
        }
    }

    /** One command per line; connects at the first line that needs the server. */
    static int runScript(Reader input, CliSettings settings, ClientConfig config, Io io) {
        InputLines lines = new InputLines(input, InputLines.LINE_CHARS_MAX);
        boolean tooLong = false;
        try (CommandRunner runner = new CommandRunner(settings, config, streams(io), false)) {
            while (true) { // ends at end of input, exit/quit, or a CliAbort
                String line;
                try {
                    line = lines.next();
                } catch (IOException e) {
                    throw new CliAbort(ExitCodes.CONNECTION, ErrorCode.CLI_004.exception(String.valueOf(e.getMessage())).describe());
                }
                if (line == null) {
                    break;
                }
                if (line == InputLines.TOO_LONG) {
                    tooLong = true;
                    io.stderr().println(ErrorCode.CLI_004.exception(
                            "line is longer than " + InputLines.LINE_CHARS_MAX + " characters").describe());
                    continue;
                }
                if (runner.handleLine(line) == CommandRunner.Step.EXIT) {
                    break;
                }
            }
            return runner.anyCommandFailed() || tooLong ? ExitCodes.COMMAND_FAILED : ExitCodes.OK;
        } catch (CliAbort abort) {
            io.stderr().println(abort.getMessage());
            return abort.exitCode();
        }
    }

    private static int runShell(CliSettings settings, ClientConfig config, Io io) {
        Optional<java.nio.file.Path> history = HistoryLocation.resolve(io.environment());
        if (history.isEmpty()) {
            io.stderr().println(ErrorCode.CLI_005.exception().describe() + " (history is kept for this session only)");
        }
        // Like the reference's shell, everything it renders goes to standard output, a refused AUTH included.
        CommandRunner.Output startup = CommandRunner.Output.of(io.stdout()::println, io.stdout()::println);
        try (CommandRunner runner = new CommandRunner(settings, config, startup, true)) {
            runner.connect();
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                CommandRunner.Output onTerminal = CommandRunner.Output.of(terminal.writer()::println, terminal.writer()::println);
                return Repl.run(terminal, history, runner.withOutput(onTerminal));
            } catch (IOException e) {
                throw new CliAbort(ExitCodes.CONNECTION, ErrorCode.CLI_004.exception(String.valueOf(e.getMessage())).describe());
            }
        } catch (CliAbort abort) {
            io.stderr().println(abort.getMessage());
            return abort.exitCode();
        }
    }
}

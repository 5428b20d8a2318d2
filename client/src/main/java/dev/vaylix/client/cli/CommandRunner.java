package dev.vaylix.client.cli;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.Credentials;
import dev.vaylix.client.OutcomeUnknownException;
import dev.vaylix.client.VaylixClient;
import dev.vaylix.command.CommandHelp;
import dev.vaylix.command.CommandParser;
import dev.vaylix.transport.net.Connection;
import java.util.function.Consumer;

/**
 * Runs command lines against one server for every mode of the command line (shell, script, one command):
 * connects (lazily, except the shell connects at start), sends the automatic AUTH, parses, sends, renders.
 *
 * <p>Where output goes is the caller's choice ({@link Output}): the shell prints everything on the terminal,
 * the non-interactive modes print results on standard output and errors on standard error. Failures that end
 * the client (unreachable server, lost connection, refused AUTH in non-interactive modes) are thrown as
 * {@link CliAbort}. Not thread-safe.
 */
final class CommandRunner implements AutoCloseable {

    /** Where rendered results and error lines go. */
    interface Output {
        /** Prints a rendered result (text without a final line break). */
        void result(String text);

        /** Prints an error line: a refused command, a parse error, a reply that cannot be shown. */
        void error(String text);

        /** An output printing results with {@code results} and errors with {@code errors}, one line each. */
        static Output of(Consumer<String> results, Consumer<String> errors) {
            return new Output() {
                @Override
                public void result(String text) {
                    results.accept(text);
                }

                @Override
                public void error(String text) {
                    errors.accept(text);
                }
            };
        }
    }

    /** What the caller's loop does next. */
    enum Step { CONTINUE, EXIT }

    static final String UNKNOWN_OUTCOME_NOTE =
            "outcome unknown: the command was sent but its reply was lost; it may or may not have been applied";
    private static final String STARTUP = "[INFO] [client.startup] ";

    private final CliSettings settings;
    private final ClientConfig config;
    private final boolean interactive;
    private Output out;
    private VaylixClient client;
    private boolean anyFailed;

    /**
     * @param interactive print the startup lines and the AUTH reply, and keep going after a refused AUTH
     */
    CommandRunner(CliSettings settings, ClientConfig config, Output out, boolean interactive) {
        this.settings = settings;
        this.config = config;
        this.out = out;
        this.interactive = interactive;
    }

    /** Sends later output to {@code output} (the shell switches to its terminal after connecting). */
    CommandRunner withOutput(Output output) {
        this.out = output;
        return this;
    }

    /** True if any command so far failed to parse, was refused, or could not be printed. */
    boolean anyCommandFailed() {
        return anyFailed;
    }

    /**
     * Handles one input line (COMMANDS.md §11.3 step 5): trimmed, skipped when empty; a parse error is printed
     * as {@code [CMD-00x] <Name>: <message>}.
     */
    Step handleLine(String rawLine) {
        String line = CommandParser.trimLine(rawLine);
        if (line.isEmpty()) {
            return Step.CONTINUE;
        }
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (VaylixException e) {
            anyFailed = true;
            out.error(e.describe());
            return Step.CONTINUE;
        }
        return handle(command);
    }

    /** Runs one parsed command: HELP and EXIT locally, everything else on the server. */
    Step handle(Command command) {
        switch (command) {
            case Command.Help _ -> out.result(CommandHelp.text());
            case Command.Exit _ -> {
                return Step.EXIT;
            }
            default -> send(command);
        }
        return Step.CONTINUE;
    }

    /**
     * Connects, negotiates and sends the automatic AUTH (COMMANDS.md §11.3 steps 1–3), unless already connected.
     *
     * @throws CliAbort if the server cannot be reached or refuses the hello, or (non-interactive) refuses AUTH
     */
    void connect() {
        if (client != null) {
            return;
        }
        if (interactive) {
            out.result(STARTUP + "connecting to " + settings.host() + ":" + settings.port() + " ssl=" + settings.ssl());
        }
        Connection connection;
        try {
            connection = config.connector().connect();
        } catch (VaylixException e) {
            throw new CliAbort(ExitCodes.CONNECTION, ErrorCode.CLI_003.exception(
                    "cannot connect to " + settings.host() + ":" + settings.port() + ": " + detail(e)).describe());
        }
        try {
            client = VaylixClient.handshake(connection, config);
        } catch (VaylixException e) {
            throw new CliAbort(ExitCodes.CONNECTION, transportLine(e));
        }
        if (interactive) {
            out.result(STARTUP + "connection established");
        }
        if (settings.credentials().isPresent()) {
            authenticate(settings.credentials().get());
        }
    }

    private void authenticate(Credentials credentials) {
        Reply reply = exchange(new Command.Auth(credentials.username(), credentials.password()));
        Rendering rendering = ReplyRenderer.render(reply, settings.output());
        if (interactive) {
            print(rendering); // a refused AUTH does not stop the shell (§11.3 step 3)
        } else if (rendering.isFailure()) {
            throw new CliAbort(ExitCodes.AUTH_REFUSED, rendering.text());
        }
    }

    private void send(Command command) {
        connect();
        Reply reply;
        try {
            reply = exchange(command);
        } catch (VaylixException e) {
            // The connection is intact: this request alone could not be encoded (for example a value beyond
            // the frame limit). Nothing was sent.
            anyFailed = true;
            out.error(e.describe());
            return;
        }
        Rendering rendering = ReplyRenderer.render(reply, settings.output());
        print(rendering);
        if (reply instanceof Reply.Error error && error.code().equals(ErrorCode.SRV_035.code())) {
            out.error(UNKNOWN_OUTCOME_NOTE);
        }
    }

    private void print(Rendering rendering) {
        switch (rendering.kind()) {
            case RESULT -> out.result(rendering.text());
            case ERROR_REPLY, FAILURE -> {
                anyFailed = true;
                out.error(rendering.text());
            }
        }
    }

    /**
     * Sends and waits. A transport failure that broke the connection ends the client; one that left it open
     * (the request could not be encoded) is thrown to the caller.
     */
    private Reply exchange(Command command) {
        try {
            return client.execute(command);
        } catch (OutcomeUnknownException e) {
            throw new CliAbort(ExitCodes.CONNECTION, transportLine(e.reason()) + "\n" + UNKNOWN_OUTCOME_NOTE);
        } catch (VaylixException e) {
            if (client.isOpen()) {
                throw e;
            }
            throw new CliAbort(ExitCodes.CONNECTION, transportLine(e));
        }
    }

    /** {@code [TRN-0xx] <Name>: transport failure: <message>} (COMMANDS.md §12.5). */
    static String transportLine(VaylixException e) {
        return "[" + e.code().code() + "] " + e.code().displayName() + ": transport failure: " + e.getMessage();
    }

    private static String detail(VaylixException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}

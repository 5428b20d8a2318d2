package dev.vaylix.client.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of {@code vaylix-client} (COMMANDS.md §11.1), as typed: the connection flags
 * ({@link ConnectionFlags}), the output mode (null = not given) and the command words.
 *
 * <p>Option parsing stops at the first positional argument, so {@code vaylix-client get -x} sends the
 * command {@code get -x} rather than complaining about {@code -x}.
 */
@Command(name = "vaylix-client", mixinStandardHelpOptions = true, versionProvider = CliFlags.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Connects to a Vaylix server and runs commands.",
            "Without COMMAND: an interactive shell when standard input is a terminal, otherwise one command per line of standard input. With COMMAND: runs that one command.",
            "Exit status: 0 all commands succeeded, 1 a command failed (parse error, error reply), 2 usage or configuration error, 3 connection or transport failure, 4 automatic AUTH refused.",
            ""})
final class CliFlags {

    @CommandLine.Mixin
    ConnectionFlags connection = new ConnectionFlags();

    @Option(names = "--output", paramLabel = "plain|table|json", converter = OutputModeConverter.class,
            description = "how entries replies print (default plain)")
    OutputMode output;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "one command to run, e.g. get mykey")
    List<String> command = new ArrayList<>();

    static final class OutputModeConverter implements CommandLine.ITypeConverter<OutputMode> {
        @Override
        public OutputMode convert(String value) {
            return OutputMode.fromCliName(value).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + value + "' is not one of plain, table, json"));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vaylix-client (protocol VTP2, Vaylix " + dev.vaylix.client.ClientConfig.DEFAULT_CLIENT_VERSION + ")"};
        }
    }
}

package dev.vaylix.server.e2e;

/**
 * A script for {@code vaylix-client}'s script mode written next to what each line must print: the command line,
 * then its exact standard-output lines (a result) or its exact standard-error line (a failure). Keeps the three
 * texts of a run (input, expected stdout, expected stderr) in step while a test reads as a transcript.
 */
final class Script {

    private final StringBuilder input = new StringBuilder();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    /** {@code command} prints {@code output}, one rendered line per element, on standard output. */
    Script prints(String command, String... output) {
        input.append(command).append('\n');
        stdout.append(ClientProcess.lines(output));
        return this;
    }

    /** {@code command} fails with {@code errorLine} on standard error and nothing on standard output. */
    Script fails(String command, String errorLine) {
        input.append(command).append('\n');
        stderr.append(errorLine).append('\n');
        return this;
    }

    String input() {
        return input.toString();
    }

    /** The expected run: {@code exitCode}, and everything the lines print. */
    ClientProcess.Result expected(int exitCode) {
        return new ClientProcess.Result(exitCode, stdout.toString(), stderr.toString());
    }
}

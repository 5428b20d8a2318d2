package dev.vaylix.client.cli;

/**
 * Ends the client: {@code lines} go to standard error, then the process exits with {@code exitCode}. Thrown
 * through the command loop, never out of {@link Main#run}.
 */
final class CliAbort extends RuntimeException {

    private final int exitCode;

    CliAbort(int exitCode, String lines) {
        super(lines, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

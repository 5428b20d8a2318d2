package dev.vaylix.client.cli;

/** The exit statuses of {@code vaylix-client}; documented in client/README.md. */
final class ExitCodes {

    /** Every command succeeded (a NOT_FOUND or {@code false} reply is a success); or the shell was left normally. */
    static final int OK = 0;
    /** At least one command failed: a parse error, an error reply from the server, or a reply that could not be printed. */
    static final int COMMAND_FAILED = 1;
    /** Bad flags, URL or TLS files: nothing was sent. */
    static final int USAGE = 2;
    /** The server could not be reached, the connection failed, or input could not be read. */
    static final int CONNECTION = 3;
    /** The automatic AUTH was refused (non-interactive modes; the shell reports it and continues). */
    static final int AUTH_REFUSED = 4;

    private ExitCodes() {
    }
}

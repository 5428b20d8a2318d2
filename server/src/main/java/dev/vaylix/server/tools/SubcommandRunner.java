package dev.vaylix.server.tools;

import dev.vaylix.server.config.Invocation;
import java.io.PrintStream;

/**
 * Runs one of the {@code vaylix} subcommands that do not start a server: {@code storage verify|migrate},
 * {@code pitr inspect|restore}, {@code healthcheck}. Implementations live with those tools and are found
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.vaylix.server.tools.SubcommandRunner}),
 * so {@link dev.vaylix.server.Main} needs no change when one is added.
 */
public interface SubcommandRunner {

    /** True for the invocations this runner executes. */
    boolean handles(Invocation invocation);

    /**
     * Runs the subcommand: reports to {@code out}, problems to {@code err}.
     *
     * @return the process exit status (0 success)
     * @throws dev.vaylix.api.VaylixException for a failure with a stable code; {@code Main} prints it as
     *         {@code [CODE] Name: message} and exits with status 1
     */
    int run(Invocation invocation, PrintStream out, PrintStream err);
}

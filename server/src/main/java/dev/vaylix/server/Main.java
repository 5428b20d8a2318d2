package dev.vaylix.server;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.config.Invocation;
import dev.vaylix.server.config.ServerCommandLine;
import dev.vaylix.server.healthcheck.HealthcheckProbe;
import dev.vaylix.server.node.BuildInfo;
import dev.vaylix.server.offline.OfflineTools;
import dev.vaylix.server.runtime.ServerRuntime;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code vaylix} binary: parses the command line and either runs the server or one of the
 * subcommands that do not start one: {@code storage verify|migrate} and {@code pitr inspect|restore}
 * ({@link OfflineTools}), {@code healthcheck} ({@link HealthcheckProbe}).
 *
 * <p>Exit status: 0 after a clean shutdown (SIGTERM or SIGINT) or a successful subcommand; 1 when
 * start-up fails, the node hits a fatal error or a subcommand fails (printed as {@code [CODE] Name:
 * message} on stderr); 2 for argument errors ({@code [SRV-030] …} followed by the usage).
 *
 * <p>Shutdown: a JVM shutdown hook (run on SIGTERM, SIGINT and {@code System.exit}) stops the server
 * gracefully ({@link ServerRuntime#shutDown}) and then halts with the status decided before, 0 unless a
 * fatal error set it, so that a signal-initiated stop exits 0 rather than 128 + signal.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static volatile int exitStatus;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(List.of(args), System.out, System.err, System.getenv());
        if (status >= 0) {
            exitStatus = status; // a server's shutdown hook may be installed: it halts with this status
            System.exit(status);
        }
        // The server runs on daemon threads; the shutdown hook ends the process (halt), so wait for it.
        new CountDownLatch(1).await();
    }

    /**
     * Runs the command line. For the server, returns -1 once it serves (the caller must keep the process
     * alive); otherwise the exit status.
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Invocation invocation;
        try {
            invocation = ServerCommandLine.parse(args, environment);
        } catch (VaylixException e) {
            err.println(e.describe());
            if (e.code() == ErrorCode.SRV_030) {
                err.println(ServerCommandLine.usage());
                return 2;
            }
            return 1;
        }
        return switch (invocation) {
            case Invocation.Help help -> {
                out.print(help.text());
                yield 0;
            }
            case Invocation.Version _ -> {
                out.println("vaylix " + BuildInfo.load().version());
                yield 0;
            }
            case Invocation.Serve serve -> serve(serve, out, err, environment);
            case Invocation.StorageVerify verify -> new OfflineTools(environment).verify(verify, out, err);
            case Invocation.StorageMigrate migrate -> new OfflineTools(environment).migrate(migrate, out, err);
            case Invocation.PitrInspect inspect -> new OfflineTools(environment).inspect(inspect, out, err);
            case Invocation.PitrRestore restore -> new OfflineTools(environment).restore(restore, out, err);
            case Invocation.Healthcheck healthcheck -> HealthcheckProbe.run(healthcheck, out, err);
        };
    }

    private static int serve(Invocation.Serve serve, PrintStream out, PrintStream err, Map<String, String> environment) {
        // The hook is in place before the listening line is printed: a SIGTERM right after it is a graceful
        // stop, not the JVM's default exit (143) without the final snapshot and the last audit lines. A
        // signal during start-up halts at once (status 1): storage and the audit log are crash-safe.
        AtomicReference<ServerRuntime> serving = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("vaylix-shutdown").unstarted(() -> {
            ServerRuntime started = serving.get();
            if (started != null) {
                started.shutDown();
            } else if (exitStatus == 0) {
                exitStatus = 1;
                LOG.warn("event=stopped_during_startup");
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(exitStatus);
        }));
        ServerRuntime runtime;
        try {
            runtime = ServerRuntime.start(serve.config(), environment, Main::fatal);
        } catch (VaylixException e) {
            err.println(e.describe());
            LOG.error("event=startup_failed code={} message=\"{}\"", e.code().code(), e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("[SRV-005] " + ErrorCode.SRV_005.displayName() + ": start-up failed: " + e);
            LOG.error("event=startup_failed", e);
            return 1;
        }
        serving.set(runtime);
        runtime.announce(out);
        return -1;
    }

    /** After start-up the node cannot continue (a failed fsync, a corrupt entry): exit 1 and recover at restart. */
    private static void fatal(Throwable error) {
        String described = error instanceof VaylixException coded ? coded.describe() : error.toString();
        System.err.println(described);
        LOG.error("event=fatal error=\"{}\": the node stops; restart it to recover from the log", described, error);
        exitStatus = 1;
        Thread.ofPlatform().name("vaylix-exit").start(() -> System.exit(1));
    }
}

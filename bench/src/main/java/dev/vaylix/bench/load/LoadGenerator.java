package dev.vaylix.bench.load;

import dev.vaylix.api.VaylixException;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.cli.CliSettings;
import dev.vaylix.client.cli.ConnectionFlags;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vaylix-bench}: the end-to-end load generator (bench/README.md). It talks to a server through the client
 * library like any user: {@code --connections} connections, each sending pipelined batches of {@code --pipeline}
 * operations in a closed loop, for {@code --warmup-seconds} and then {@code --duration-seconds}; it prints a
 * summary and writes a JSON report with HdrHistogram percentiles per operation type.
 *
 * <p>With {@code --managed <bin/vaylix>} it starts the server itself on a temporary data directory, waits until
 * it answers, runs, and stops it.
 *
 * <p>Exit status: 0 the run completed without errors; 1 some operations failed or connections broke; 2 bad
 * flags; 3 the server could not be reached, authenticated or started.
 */
@Command(name = "vaylix-bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Load generator for Vaylix: pipelined connections, warm-up, HdrHistogram latencies, a JSON report.",
            "Exit status: 0 clean run, 1 errors during the run, 2 bad flags, 3 server unreachable or not started.", ""})
public final class LoadGenerator implements Callable<Integer> {

    static final int EXIT_CLEAN = 0;
    static final int EXIT_ERRORS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_UNREACHABLE = 3;

    @Mixin
    ConnectionFlags connection = new ConnectionFlags();

    @Option(names = "--workload", paramLabel = "get|set|mixed|transaction", converter = WorkloadConverter.class,
            description = "what to send (default mixed)")
    Workload workload = Workload.MIXED;

    @Option(names = "--connections", description = "concurrent connections (default 64)")
    int connections = 64;

    @Option(names = "--pipeline", description = "operations per pipelined batch on each connection (default 16)")
    int pipeline = 16;

    @Option(names = "--duration-seconds", description = "measured seconds (default 10)")
    int durationSeconds = 10;

    @Option(names = "--warmup-seconds", description = "seconds of unmeasured load first (default 2)")
    int warmupSeconds = 2;

    @Option(names = "--keyspace", description = "number of distinct keys (default 100000)")
    int keyspace = 100_000;

    @Option(names = "--value-size", paramLabel = "<bytes>", description = "bytes per written value (default 256)")
    int valueSize = 256;

    @Option(names = "--read-ratio", description = "share of GETs in the mixed workload (default 0.8)")
    double readRatio = 0.8;

    @Option(names = "--transaction-size", description = "SETs per transaction in the transaction workload (default 4)")
    int transactionSize = 4;

    @Option(names = "--preload", negatable = true, description = "write every key before the warm-up (default: on for get and mixed)")
    Boolean preload;

    @Option(names = "--seed", description = "seed of key and operation choices (default 1)")
    long seed = 1;

    @Option(names = "--request-timeout-ms", description = "give up on a reply after this long (default 30000)")
    int requestTimeoutMs = 30_000;

    @Option(names = "--report", paramLabel = "<path>", description = "JSON report file (default vaylix-bench-report.json)")
    Path report = Path.of("vaylix-bench-report.json");

    @Option(names = "--managed", paramLabel = "<bin/vaylix>", description = "start this server binary on a temporary data directory")
    Path managed;

    @Option(names = "--server-arg", paramLabel = "<flag>", description = "extra flag for the managed server (repeatable), e.g. --server-arg=--wal-sync=sync")
    List<String> serverArgs = new ArrayList<>();

    @Option(names = "--managed-startup-timeout-seconds", description = "how long to wait for the managed server (default 60)")
    int managedStartupTimeoutSeconds = 60;

    @Option(names = "--keep-data", description = "keep the managed server's directory (data and server.log)")
    boolean keepData;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the generator; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        LoadGenerator generator = new LoadGenerator();
        generator.out = out;
        generator.err = err;
        return new CommandLine(generator)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        LoadSettings settings;
        ClientConfig config;
        try {
            settings = new LoadSettings(workload, connections, pipeline, warmupSeconds, durationSeconds, keyspace,
                    valueSize, readRatio, transactionSize, preload != null ? preload : workload.preloadsByDefault(), seed);
            config = CliSettings.resolve(connection, null).toClientConfig().toBuilder()
                    .clientName("vaylix-bench")
                    .requestTimeoutMs(requestTimeoutMs)
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (VaylixException e) {
            err.println(e.describe());
            return EXIT_USAGE;
        }
        if (managed == null) {
            return runAgainst(config, settings, Optional.empty());
        }
        if (connection.url != null || connection.host != null || connection.port != null) {
            err.println("note: --managed replaces the host and port of --url/--host/--port with the managed server's");
        }
        ManagedServer server;
        try {
            out.println("starting " + managed + " ...");
            server = ManagedServer.start(managed, serverArgs, connections, config, managedStartupTimeoutSeconds, keepData);
        } catch (IllegalStateException | IOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
        try (server) {
            out.println("managed server on 127.0.0.1:" + server.port() + (keepData ? ", kept in " + server.directory() : ""));
            return runAgainst(config.toBuilder().host("127.0.0.1").port(server.port()).build(), settings,
                    Optional.of(server.commandLine()));
        }
    }

    private int runAgainst(ClientConfig config, LoadSettings settings, Optional<List<String>> managedServer)
            throws InterruptedException {
        RunResult result;
        try {
            result = new LoadRun(config, settings, out).run(managedServer);
        } catch (VaylixException e) {
            err.println("error: cannot load " + config.address() + ": " + e.describe());
            return EXIT_UNREACHABLE;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return EXIT_ERRORS;
        }
        out.print(Reports.summary(result));
        try {
            Files.writeString(report, Reports.json(result) + "\n", StandardCharsets.UTF_8);
            out.println("report written to " + report);
        } catch (IOException e) {
            err.println("error: cannot write the report to " + report + ": " + e.getMessage());
            return EXIT_ERRORS;
        }
        return result.clean() ? EXIT_CLEAN : EXIT_ERRORS;
    }

    static final class WorkloadConverter implements CommandLine.ITypeConverter<Workload> {
        @Override
        public Workload convert(String value) {
            for (Workload candidate : Workload.values()) {
                if (candidate.cliName().equals(value.toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of get, set, mixed, transaction");
        }
    }
}

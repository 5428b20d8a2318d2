package dev.vaylix.bench.load;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.VaylixConnection;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs one load: opens the connections (in parallel: each AUTH costs the server an Argon2 hash), preloads the
 * keyspace if asked, runs the workers through warm-up and measurement, and collects the result.
 */
final class LoadRun {

    /** Pairs per MSET while preloading, below the server's default of 256 keys per batch. */
    static final int PRELOAD_PAIRS_PER_COMMAND = 128;
    /** MSETs pipelined per batch while preloading. */
    static final int PRELOAD_COMMANDS_PER_BATCH = 16;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ClientConfig config;
    private final LoadSettings settings;
    private final PrintStream log;
    private volatile Phase phase = Phase.WARMUP;

    LoadRun(ClientConfig config, LoadSettings settings, PrintStream log) {
        this.config = config;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs the load.
     *
     * @param managedServer the server's command line if the generator started it (for the report)
     * @throws dev.vaylix.api.VaylixException if a connection cannot be opened or authenticated
     * @throws IllegalStateException if preloading is refused by the server
     */
    RunResult run(Optional<List<String>> managedServer) throws InterruptedException {
        Keyspace keyspace = new Keyspace(settings.keyspace(), settings.valueSizeBytes(), settings.seed());
        List<VaylixConnection> connections = openAll();
        // Platform threads: each worker blocks in socket reads, which a platform thread does in the kernel
        // directly, while a virtual thread goes through the poller (more thread switches per wait).
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("bench-worker-", 0).daemon(true).factory())) {
            return measure(connections, keyspace, threads, managedServer);
        } finally {
            connections.forEach(VaylixConnection::close);
        }
    }

    private RunResult measure(List<VaylixConnection> connections, Keyspace keyspace, ExecutorService threads,
                              Optional<List<String>> managedServer) throws InterruptedException {
        try {
            if (settings.preload()) {
                log.printf("preloading %d keys of %d bytes%n", settings.keyspace(), settings.valueSizeBytes());
                preload(connections, keyspace, threads);
            }
            List<Worker> workers = new ArrayList<>(connections.size());
            for (int i = 0; i < connections.size(); i++) {
                workers.add(new Worker(connections.get(i), settings, keyspace, () -> phase, settings.seed() * 31 + i));
            }
            workers.forEach(threads::execute);
            log.printf("warming up for %d s%n", settings.warmupSeconds());
            runFor(settings.warmupSeconds(), workers);
            for (Worker worker : workers) {
                for (OperationKind kind : OperationKind.values()) {
                    worker.recorder(kind).getIntervalHistogram(); // drop the warm-up samples
                }
            }
            phase = Phase.MEASURE;
            long startNanos = System.nanoTime();
            log.printf("measuring for %d s%n", settings.durationSeconds());
            runFor(settings.durationSeconds(), workers);
            phase = Phase.STOP;
            long measuredNanos = System.nanoTime() - startNanos;
            List<Histogram> latencies = new ArrayList<>();
            for (OperationKind kind : OperationKind.values()) {
                Histogram merged = new Histogram(3);
                for (Worker worker : workers) {
                    merged.add(worker.recorder(kind).getIntervalHistogram());
                }
                latencies.add(merged);
            }
            threads.shutdown();
            threads.awaitTermination(Math.max(60, config.requestTimeoutMs() / 1000 + 10), TimeUnit.SECONDS);
            return result(workers, latencies, measuredNanos, managedServer);
        } finally {
            phase = Phase.STOP; // also on failure: the executor's close waits for the workers
        }
    }

    private List<VaylixConnection> openAll() throws InterruptedException {
        log.printf("opening %d connections to %s%n", settings.connections(), config.address());
        List<VaylixConnection> opened = new ArrayList<>();
        RuntimeException firstFailure = null;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<VaylixConnection>> pending = new ArrayList<>();
            for (int i = 0; i < settings.connections(); i++) {
                pending.add(threads.submit(() -> VaylixConnection.connect(config)));
            }
            for (Future<VaylixConnection> future : pending) {
                try {
                    opened.add(future.get());
                } catch (ExecutionException e) {
                    if (firstFailure == null) {
                        firstFailure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
        }
        if (firstFailure != null) {
            opened.forEach(VaylixConnection::close);
            throw firstFailure;
        }
        return opened;
    }

    /** Writes every key once, the keyspace split evenly over the connections. */
    private void preload(List<VaylixConnection> connections, Keyspace keyspace, ExecutorService threads)
            throws InterruptedException {
        List<Future<?>> parts = new ArrayList<>();
        int count = connections.size();
        for (int i = 0; i < count; i++) {
            VaylixConnection connection = connections.get(i);
            int from = (int) ((long) keyspace.size() * i / count);
            int to = (int) ((long) keyspace.size() * (i + 1) / count);
            parts.add(threads.submit(() -> {
                List<Command> commands = keyspace.preloadCommands(from, to, PRELOAD_PAIRS_PER_COMMAND);
                for (int start = 0; start < commands.size(); start += PRELOAD_COMMANDS_PER_BATCH) {
                    List<Command> batch = commands.subList(start, Math.min(commands.size(), start + PRELOAD_COMMANDS_PER_BATCH));
                    for (Reply reply : connection.executeAll(batch)) {
                        if (reply instanceof Reply.Error error) {
                            throw new IllegalStateException("preloading was refused: [" + error.code() + "] "
                                    + error.name() + ": " + error.message());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> part : parts) {
            try {
                part.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Lets the workers run for {@code seconds}, or until every one of them has failed. */
    private static void runFor(int seconds, List<Worker> workers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) { // bounded by the deadline
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || workers.stream().allMatch(worker -> worker.failure() != null)) {
                return;
            }
            LockSupport.parkNanos(Math.min(remaining, POLL_NANOS));
        }
    }

    private RunResult result(List<Worker> workers, List<Histogram> latencies, long measuredNanos,
                             Optional<List<String>> managedServer) {
        double seconds = measuredNanos / 1e9;
        List<OperationStats> stats = new ArrayList<>();
        for (OperationKind kind : kinds(settings.workload())) {
            Histogram latency = latencies.get(kind.ordinal());
            long errors = workers.stream().mapToLong(worker -> worker.errors(kind)).sum();
            stats.add(new OperationStats(kind, latency.getTotalCount(), errors, latency.getTotalCount() / seconds, latency));
        }
        List<RuntimeException> failures = workers.stream().map(Worker::failure).filter(f -> f != null).toList();
        return new RunResult(settings, config.address(), config.tls().isPresent(), managedServer, seconds, stats,
                failures.size(), failures.stream().findFirst().map(f -> String.valueOf(f.getMessage())));
    }

    static List<OperationKind> kinds(Workload workload) {
        return switch (workload) {
            case GET -> List.of(OperationKind.GET);
            case SET -> List.of(OperationKind.SET);
            case MIXED -> List.of(OperationKind.GET, OperationKind.SET);
            case TRANSACTION -> List.of(OperationKind.TRANSACTION);
        };
    }
}

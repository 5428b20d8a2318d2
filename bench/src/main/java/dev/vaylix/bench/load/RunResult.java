package dev.vaylix.bench.load;

import java.util.List;
import java.util.Optional;

/**
 * Everything a run measured.
 *
 * @param settings           what was run
 * @param target             {@code host:port} the load went to
 * @param tls                whether it went over TLS
 * @param managedServer      the command line of the server the generator started, if it did
 * @param measuredSeconds    length of the measured window
 * @param operations         one entry per operation kind the workload uses, in {@link OperationKind} order
 * @param connectionFailures connections that failed during the run (their workers stopped)
 * @param firstFailure       the first of those failures, for the report
 */
record RunResult(LoadSettings settings, String target, boolean tls, Optional<List<String>> managedServer,
                 double measuredSeconds, List<OperationStats> operations, int connectionFailures,
                 Optional<String> firstFailure) {

    RunResult {
        operations = List.copyOf(operations);
    }

    long totalOperations() {
        return operations.stream().mapToLong(OperationStats::count).sum();
    }

    long totalErrors() {
        return operations.stream().mapToLong(OperationStats::errors).sum();
    }

    /** Acknowledged GETs per second. */
    double readsPerSecond() {
        return rate(OperationKind.GET, 1);
    }

    /** Acknowledged writes per second: SETs, plus every SET inside a committed transaction. */
    double writesPerSecond() {
        return rate(OperationKind.SET, 1) + rate(OperationKind.TRANSACTION, settings.transactionSize());
    }

    private double rate(OperationKind kind, int writesPerOperation) {
        return operations.stream().filter(s -> s.kind() == kind)
                .mapToDouble(s -> s.operationsPerSecond() * writesPerOperation).sum();
    }

    /** True if every operation succeeded and no connection failed. */
    boolean clean() {
        return totalErrors() == 0 && connectionFailures == 0;
    }
}

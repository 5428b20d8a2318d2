package dev.vaylix.bench.load;

import java.util.Objects;

/**
 * A validated load run.
 *
 * @param workload            what to send
 * @param connections         concurrent connections, each with its own pipeline
 * @param pipeline            requests (transactions, for that workload) per pipelined batch on one connection
 * @param warmupSeconds       seconds of load before measuring (not reported)
 * @param durationSeconds     measured seconds
 * @param keyspace            distinct keys ({@code bench:0} … {@code bench:<n-1>})
 * @param valueSizeBytes      bytes per written value
 * @param readRatio           share of GETs in the mixed workload, 0–1
 * @param transactionSize     SETs per transaction
 * @param preload             write every key once before the warm-up
 * @param seed                seed of the key and operation choices (runs with the same seed send the same sequences)
 */
record LoadSettings(Workload workload, int connections, int pipeline, int warmupSeconds, int durationSeconds,
                    int keyspace, int valueSizeBytes, double readRatio, int transactionSize, boolean preload, long seed) {

    static final int CONNECTIONS_MAX = 4096;
    static final int PIPELINE_MAX = 4096;
    static final int KEYSPACE_MAX = 10_000_000;
    /** The server's default value quota (COMMANDS.md §5). */
    static final int VALUE_SIZE_MAX = 256 * 1024;
    /** The server queues at most 127 commands per transaction by default. */
    static final int TRANSACTION_SIZE_MAX = 127;

    LoadSettings {
        Objects.requireNonNull(workload, "workload");
        require(connections >= 1 && connections <= CONNECTIONS_MAX, "--connections must be 1.." + CONNECTIONS_MAX);
        require(pipeline >= 1 && pipeline <= PIPELINE_MAX, "--pipeline must be 1.." + PIPELINE_MAX);
        require(warmupSeconds >= 0, "--warmup-seconds must be >= 0");
        require(durationSeconds >= 1, "--duration-seconds must be >= 1");
        require(keyspace >= 1 && keyspace <= KEYSPACE_MAX, "--keyspace must be 1.." + KEYSPACE_MAX);
        require(valueSizeBytes >= 0 && valueSizeBytes <= VALUE_SIZE_MAX, "--value-size must be 0.." + VALUE_SIZE_MAX);
        require(readRatio >= 0 && readRatio <= 1, "--read-ratio must be within 0..1");
        require(transactionSize >= 1 && transactionSize <= TRANSACTION_SIZE_MAX,
                "--transaction-size must be 1.." + TRANSACTION_SIZE_MAX);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

/**
 * {@code vaylix-bench}, the end-to-end load generator ({@link dev.vaylix.bench.load.LoadGenerator}): pipelined
 * connections through the client library, warm-up, HdrHistogram latencies per operation type, a JSON report, and
 * a managed mode that starts and stops the server itself. Usage in bench/README.md.
 */
package dev.vaylix.bench.load;

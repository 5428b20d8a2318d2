package dev.vaylix.bench.load;

/** Where a run is; the coordinator moves it forward, workers read it once per batch. */
enum Phase {
    /** Load runs, nothing is counted. */
    WARMUP,
    /** Load runs and errors are counted (latencies go to the recorders in every phase; the coordinator keeps the measured interval). */
    MEASURE,
    /** Workers finish their batch and leave. */
    STOP
}

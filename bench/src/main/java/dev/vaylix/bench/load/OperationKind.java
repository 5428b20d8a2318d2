package dev.vaylix.bench.load;

import java.util.Locale;

/** The operation types latencies and counts are kept for. */
enum OperationKind {
    GET,
    SET,
    /** A whole MULTI … EXEC. */
    TRANSACTION;

    String reportName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.vaylix.bench.load;

import dev.vaylix.api.json.JsonNumber;
import dev.vaylix.api.json.JsonWriter;
import java.util.Locale;

/** The JSON report and the human summary of a {@link RunResult}. */
final class Reports {

    static final double[] PERCENTILES = {50, 95, 99};

    private Reports() {
    }

    /** The report document (pretty-printed JSON, stable field order; latencies in microseconds). */
    static String json(RunResult result) {
        LoadSettings s = result.settings();
        JsonWriter json = JsonWriter.pretty().beginObject()
                .name("tool").value("vaylix-bench")
                .name("workload").value(s.workload().cliName())
                .name("target").value(result.target())
                .name("tls").value(result.tls())
                .name("connections").value(s.connections())
                .name("pipeline").value(s.pipeline())
                .name("warmup_seconds").value(s.warmupSeconds())
                .name("duration_seconds").value(s.durationSeconds())
                .name("measured_seconds").value(decimal(result.measuredSeconds(), 3))
                .name("keyspace").value(s.keyspace())
                .name("value_size_bytes").value(s.valueSizeBytes())
                .name("read_ratio").value(decimal(s.readRatio(), 3))
                .name("transaction_size").value(s.transactionSize())
                .name("preloaded").value(s.preload())
                .name("seed").value(s.seed())
                .name("latency_note").value("microseconds from sending a pipelined batch until all of it was answered;"
                        + " an upper bound per operation, exact with pipeline 1");
        json.name("managed_server");
        if (result.managedServer().isPresent()) {
            json.beginArray();
            result.managedServer().get().forEach(json::value);
            json.endArray();
        } else {
            json.nullValue();
        }
        json.name("totals").beginObject()
                .name("operations").value(result.totalOperations())
                .name("errors").value(result.totalErrors())
                .name("connection_failures").value(result.connectionFailures())
                .name("reads_per_second").value(decimal(result.readsPerSecond(), 1))
                .name("writes_per_second").value(decimal(result.writesPerSecond(), 1))
                .endObject();
        json.name("first_failure");
        if (result.firstFailure().isPresent()) {
            json.value(result.firstFailure().get());
        } else {
            json.nullValue();
        }
        json.name("operations").beginObject();
        for (OperationStats stats : result.operations()) {
            json.name(stats.kind().reportName()).beginObject()
                    .name("count").value(stats.count())
                    .name("errors").value(stats.errors())
                    .name("operations_per_second").value(decimal(stats.operationsPerSecond(), 1))
                    .name("latency_us").beginObject();
            for (double percentile : PERCENTILES) {
                json.name("p" + (int) percentile).value(stats.percentileMicros(percentile));
            }
            json.name("max").value(stats.maxMicros())
                    .name("mean").value(decimal(stats.meanMicros(), 1))
                    .endObject()
                    .endObject();
        }
        return json.endObject().endObject().text();
    }

    /** A few lines for a person. */
    static String summary(RunResult result) {
        LoadSettings s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "workload=%s target=%s tls=%s connections=%d pipeline=%d keyspace=%d"
                        + " value_size=%dB measured=%.1fs%n", s.workload().cliName(), result.target(), result.tls(),
                s.connections(), s.pipeline(), s.keyspace(), s.valueSizeBytes(), result.measuredSeconds()));
        for (OperationStats stats : result.operations()) {
            out.append(String.format(Locale.ROOT, "%-11s ops=%-10d ops/s=%-11.1f errors=%-6d p50=%s p95=%s p99=%s max=%s%n",
                    stats.kind().reportName(), stats.count(), stats.operationsPerSecond(), stats.errors(),
                    millis(stats.percentileMicros(50)), millis(stats.percentileMicros(95)),
                    millis(stats.percentileMicros(99)), millis(stats.maxMicros())));
        }
        out.append(String.format(Locale.ROOT, "reads/s=%.1f acknowledged writes/s=%.1f errors=%d connection_failures=%d%n",
                result.readsPerSecond(), result.writesPerSecond(), result.totalErrors(), result.connectionFailures()));
        result.firstFailure().ifPresent(failure -> out.append("first failure: ").append(failure).append('\n'));
        return out.toString();
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.3fms", micros / 1000.0);
    }

    private static JsonNumber decimal(double value, int places) {
        return new JsonNumber(String.format(Locale.ROOT, "%." + places + "f", Double.isFinite(value) ? value : 0.0));
    }
}

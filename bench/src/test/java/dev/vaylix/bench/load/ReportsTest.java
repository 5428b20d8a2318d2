package dev.vaylix.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.json.Json;
import dev.vaylix.api.json.JsonNull;
import dev.vaylix.api.json.JsonNumber;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The report formats, the settings' bounds and the managed server's flag handling, without any server. */
class ReportsTest {

    private static LoadSettings settings(Workload workload) {
        return new LoadSettings(workload, 8, 4, 1, 10, 1000, 256, 0.8, 4, true, 7);
    }

    private static OperationStats stats(OperationKind kind, long... latenciesMicros) {
        Histogram histogram = new Histogram(3);
        for (long latency : latenciesMicros) {
            histogram.recordValue(latency);
        }
        return new OperationStats(kind, histogram.getTotalCount(), 2, histogram.getTotalCount() / 10.0, histogram);
    }

    @Test
    void theJsonReportHoldsSettingsTotalsAndPercentilesPerOperation() {
        RunResult result = new RunResult(settings(Workload.TRANSACTION), "127.0.0.1:9173", false, Optional.empty(), 10.0,
                List.of(stats(OperationKind.TRANSACTION, 100, 200, 300, 400, 10_000)), 0, Optional.empty());
        JsonObject json = (JsonObject) Json.parse(Reports.json(result));
        assertEquals("transaction", ((JsonString) json.get("workload").orElseThrow()).value());
        assertEquals(new JsonNull(), json.get("managed_server").orElseThrow());
        JsonObject totals = (JsonObject) json.get("totals").orElseThrow();
        assertEquals("2.0", ((JsonNumber) totals.get("writes_per_second").orElseThrow()).text(), "0.5 tx/s × 4 SETs");
        JsonObject latency = (JsonObject) ((JsonObject) ((JsonObject) json.get("operations").orElseThrow())
                .get("transaction").orElseThrow()).get("latency_us").orElseThrow();
        assertEquals(300, ((JsonNumber) latency.get("p50").orElseThrow()).longValue());
        assertEquals(10_007, ((JsonNumber) latency.get("max").orElseThrow()).longValue(), "HdrHistogram's bucket of 10 000");
        assertTrue(Reports.summary(result).contains("acknowledged writes/s=2.0"), Reports.summary(result));
    }

    @Test
    void settingsOutOfBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(Workload.GET, 0, 1, 0, 1, 1, 1, 0, 1, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(Workload.GET, 1, 1, 0, 0, 1, 1, 0, 1, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(Workload.GET, 1, 1, 0, 1, 1, 1, 1.5, 1, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoadSettings(Workload.GET, 1, 1, 0, 1, 1, 1, 0, 128, false, 1));
    }

    @Test
    void serverFlagsAreFoundInBothSpellings() {
        assertEquals("sync", ManagedServer.given(List.of("--wal-sync=sync"), "--wal-sync"));
        assertEquals("7000", ManagedServer.given(List.of("--x", "--port", "7000"), "--port"));
        assertNull(ManagedServer.given(List.of("--portable", "1"), "--port"));
    }
}

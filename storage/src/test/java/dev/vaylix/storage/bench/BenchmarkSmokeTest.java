package dev.vaylix.storage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.storage.testing.FastTempDirs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs each benchmark body a few times without JMH, so the benchmarks cannot rot unnoticed (no timing). */
class BenchmarkSmokeTest {

    @TempDir(factory = FastTempDirs.class)
    Path dir;

    @ParameterizedTest
    @CsvSource({"CHANNEL,buffered", "CHANNEL,sync", "MAPPED,flush", "MAPPED,sync"})
    void the_log_append_benchmark_appends_and_counts(String backend, String policy) throws Exception {
        LogAppendBenchmark bench = new LogAppendBenchmark();
        bench.backend = backend;
        bench.policy = policy;
        bench.batchSize = 8;
        bench.payloadBytes = 128;
        bench.dir = dir.toString();
        bench.open();
        AppendCounters counters = new AppendCounters();
        for (int i = 0; i < 3; i++) {
            bench.append(counters);
        }
        bench.close();
        assertEquals(24, counters.entries);
        assertEquals(24 * 128, counters.payloadBytes);
        assertEquals(policy.equals("sync") ? 3 : 0, counters.fsyncs);
    }

    @Test
    void the_raw_benchmark_writes_and_forces() throws Exception {
        RawWriteForceBenchmark bench = new RawWriteForceBenchmark();
        bench.batchSize = 8;
        bench.payloadBytes = 128;
        bench.dir = dir.toString();
        bench.open();
        AppendCounters counters = new AppendCounters();
        bench.writeAndForce(counters);
        bench.writeAndForce(counters);
        bench.close();
        assertEquals(2, counters.fsyncs);
        assertEquals(16, counters.entries);
    }
}

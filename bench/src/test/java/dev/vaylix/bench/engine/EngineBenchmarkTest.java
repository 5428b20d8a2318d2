package dev.vaylix.bench.engine;

import dev.vaylix.bench.JmhSmoke;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineBenchmarkTest {

    @Test
    void every_engine_benchmark_runs_through_jmh_on_a_small_keyspace() throws Exception {
        JmhSmoke.run(EngineBenchmark.class, Map.of("keyCount", List.of("1000")));
    }
}

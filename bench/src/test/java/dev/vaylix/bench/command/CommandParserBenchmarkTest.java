package dev.vaylix.bench.command;

import dev.vaylix.bench.JmhSmoke;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandParserBenchmarkTest {

    @Test
    void every_parser_benchmark_runs_through_jmh() throws Exception {
        JmhSmoke.run(CommandParserBenchmark.class, Map.of());
    }
}

package dev.vaylix.bench.transport;

import dev.vaylix.bench.JmhSmoke;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportBenchmarksTest {

    @Test
    void the_frame_codec_benchmarks_run_compressed_and_not() throws Exception {
        JmhSmoke.run(FrameCodecBenchmark.class, Map.of("bodyBytes", List.of("1024"), "compression", List.of("NONE", "ZSTD")));
    }

    @Test
    void every_payload_codec_benchmark_runs_through_jmh() throws Exception {
        JmhSmoke.run(PayloadCodecBenchmark.class, Map.of());
    }
}

package dev.vaylix.bench.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.bench.JmhSmoke;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

class RaftBenchmarksTest {

    @TempDir
    Path dir;

    @Test
    void the_core_commits_batches_in_one_thread() throws Exception {
        JmhSmoke.run(CoreCommitBenchmark.class, Map.of("payloadBytes", List.of("16")));
    }

    @Test
    void one_voter_and_three_voter_drivers_commit_in_memory_without_fsync_and_on_real_storage_with_fsync() throws Exception {
        List<RunResult> results = JmhSmoke.run(DriverCommitBenchmark.class, Map.of(
                "voters", List.of("1", "3"),
                "log", List.of("memory", "sync"),
                "dir", List.of(dir.toString())));
        assertEquals(4, results.size());
        for (RunResult result : results) {
            double fsyncs = JmhSmoke.secondary(result, "fsyncs");
            assertTrue(JmhSmoke.secondary(result, "leaderAppends") > 0, "the leader appended nothing durably");
            if (result.getParams().getParam("log").equals("memory")) {
                assertEquals(0, fsyncs, "fsyncs of the in-memory variant");
            } else {
                // Every durable append of the leader is one fsync on its disk, and followers fsync too.
                assertTrue(fsyncs >= JmhSmoke.secondary(result, "leaderAppends"), "fsyncs " + fsyncs);
            }
        }
    }
}

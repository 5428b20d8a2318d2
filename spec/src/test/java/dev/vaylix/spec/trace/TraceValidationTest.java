package dev.vaylix.spec.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hand-written traces in the format of TRACE_FORMAT.md, checked against VaylixRaft by TLC: the
 * {@code valid-*} ones must be behaviours of the spec, the {@code invalid-*} ones must be rejected
 * at exactly the event that breaks the protocol.
 */
class TraceValidationTest {

    static final Path TRACES = Path.of("src/test/resources/traces");
    static final int CONCURRENT_RUNS = 2;

    /** The line (in the file) of the first event no behaviour can explain. */
    static final Map<String, Integer> REJECTED_AT = Map.of(
            "invalid-commit-without-quorum.jsonl", 13,
            "invalid-double-vote.jsonl", 11,
            "invalid-truncate-on-match.jsonl", 21,
            "invalid-read-at-deposed-leader.jsonl", 62);

    private static final ExecutorService POOL = Executors.newFixedThreadPool(CONCURRENT_RUNS);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> traces_are_accepted_or_rejected_at_the_faulty_event() throws Exception {
        Path specDir = Path.of(System.getProperty("vaylix.spec.dir", "src/main/tla"));
        Path work = Path.of(System.getProperty("vaylix.tlc.workdir", "target/tlc")).resolve("traces");
        TraceCheck checker = new TraceCheck(specDir, work, Duration.ofMinutes(2));
        List<Path> files;
        try (Stream<Path> list = Files.list(TRACES)) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("valid-")), "no valid traces");
        assertEquals(REJECTED_AT.keySet(), Set.copyOf(files.stream().map(f -> f.getFileName().toString())
                .filter(n -> n.startsWith("invalid-")).toList()), "every invalid trace needs its expected line");
        Map<Path, CompletableFuture<TraceCheck.Verdict>> verdicts = new LinkedHashMap<>();
        for (Path file : files) {
            verdicts.put(file, CompletableFuture.supplyAsync(() -> checker.check(file), POOL));
        }
        return verdicts.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getFileName().toString(), () -> {
            TraceCheck.Verdict v = e.getValue().join();
            System.out.println("[trace] " + v.summary());
            String name = e.getKey().getFileName().toString();
            if (name.startsWith("valid-")) {
                assertEquals(TraceCheck.Status.ACCEPTED, v.status(), v.summary() + "\n" + v.detail());
            } else {
                assertEquals(TraceCheck.Status.REJECTED, v.status(), v.summary() + "\n" + v.detail());
                assertEquals(REJECTED_AT.get(name), v.failedLine(), v.summary() + "\n" + v.detail());
                assertTrue(v.detail().contains("State 1: <Initial predicate>"),
                        "a rejection shows the behaviour explaining the prefix:\n" + v.detail());
            }
        }));
    }
}

package dev.vaylix.spec.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hand-written traces in the format of TRACE_FORMAT.md, checked against VaylixRaft by TLC: the
 * {@code valid-*} ones must be behaviours of the spec; each {@code invalid-*} one must be rejected at
 * exactly the line whose {@code x_note} starts with {@code INVALID:} (the step that breaks the
 * protocol), so a rejection for any other reason fails the test.
 */
class TraceValidationTest {

    static final Path TRACES = Path.of("src/test/resources/traces");
    static final int CONCURRENT_RUNS = 2;
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final ExecutorService POOL = Executors.newFixedThreadPool(CONCURRENT_RUNS);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> traces_are_accepted_or_rejected_at_the_faulty_event() throws IOException {
        TraceCheck checker = new TraceCheck(specDir(), workDir().resolve("fixtures"), TIMEOUT);
        List<Path> files;
        try (Stream<Path> list = Files.list(TRACES)) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> name(f).startsWith("valid-")), "no valid traces");
        assertTrue(files.stream().anyMatch(f -> name(f).startsWith("invalid-")), "no invalid traces");
        Map<Path, CompletableFuture<TraceCheck.Verdict>> verdicts = new LinkedHashMap<>();
        for (Path file : files) {
            verdicts.put(file, CompletableFuture.supplyAsync(() -> checker.check(file), POOL));
        }
        return verdicts.entrySet().stream().map(e -> DynamicTest.dynamicTest(name(e.getKey()), () -> {
            TraceCheck.Verdict v = e.getValue().join();
            System.out.println("[trace] " + v.summary());
            if (name(e.getKey()).startsWith("valid-")) {
                assertEquals(TraceCheck.Status.ACCEPTED, v.status(), v.summary() + "\n" + v.detail());
            } else {
                assertEquals(TraceCheck.Status.REJECTED, v.status(), v.summary() + "\n" + v.detail());
                assertEquals(invalidLine(e.getKey()), v.failedLine(), v.summary() + "\n" + v.detail());
                assertTrue(v.detail().contains("State 1: <Initial predicate>"),
                        "a rejection shows the behaviour explaining the prefix:\n" + v.detail());
            }
        }));
    }

    /** The 1-based line marked {@code "x_note":"INVALID: ..."}; exactly one per invalid trace. */
    static int invalidLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"x_note\":\"INVALID:")) {
                assertEquals(0, found, file + " marks more than one line INVALID");
                found = i + 1;
            }
        }
        assertFalse(found == 0, file + " marks no line INVALID");
        return found;
    }

    static Path specDir() {
        return Path.of(System.getProperty("vaylix.spec.dir", "src/main/tla"));
    }

    static Path workDir() {
        return Path.of(System.getProperty("vaylix.tlc.workdir", "target/tlc")).resolve("traces");
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}

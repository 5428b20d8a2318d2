package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void linearizable_history_exits_0() throws IOException {
        Path file = write(HistoryFormat.toJsonLines(new Timeline().write(1, "a").read(2, "a").history()));
        assertEquals(Main.EXIT_OK, run(file.toString()));
        assertTrue(stdout().startsWith("OK: operations: 2, keys checked: 1"), stdout());
    }

    @Test
    void illegal_history_exits_1_and_prints_the_explanation() throws IOException {
        Path file = write(HistoryFormat.toJsonLines(new Timeline().write(1, "a").read(2, null).history()));
        assertEquals(Main.EXIT_ILLEGAL, run("--parallelism", "2", file.toString()));
        assertTrue(stdout().startsWith("ILLEGAL: "), stdout());
        assertTrue(stdout().contains("#1 p2 read -> absent [3, 4]"), stdout());
    }

    @Test
    void budget_exhausted_exits_2() throws IOException {
        Path file = write(HistoryFormat.toJsonLines(CheckerBudgetTest.pathological(30)));
        assertEquals(Main.EXIT_UNKNOWN, run("--no-time-budget", "--max-states-per-key", "1000", file.toString()));
        assertTrue(stdout().contains("state budget of 1000 per key exhausted; undecided keys: [x]"), stdout());
    }

    @Test
    void malformed_history_exits_3_with_the_code() throws IOException {
        Path file = write("{\"process\":1,\"type\":\"ok\",\"f\":\"read\",\"key\":\"x\",\"value\":null}\n");
        assertEquals(Main.EXIT_ERROR, run(file.toString()));
        assertTrue(stderr().contains("[LIN-003] Unpaired Completion: line 1"), stderr());
    }

    @Test
    void bad_usage_exits_3() {
        assertEquals(Main.EXIT_ERROR, run());
        assertEquals(Main.EXIT_ERROR, run("--parallelism", "zero", "h.jsonl"));
        assertEquals(Main.EXIT_ERROR, run("--parallelism", "0", "h.jsonl"));
        assertEquals(Main.EXIT_ERROR, run("--frobnicate", "h.jsonl"));
        assertEquals(Main.EXIT_ERROR, run(dir.resolve("missing.jsonl").toString()));
        assertTrue(stderr().contains("[LIN-007]"), stderr());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFormatTest {

    @Test
    void reads_every_kind_of_event() {
        History<RegisterInput, RegisterOutput> h = HistoryFormat.parse("""
                # a comment, then a blank line

                {"process":1,"type":"invoke","f":"write","key":"x","value":"a","time":10}
                {"process":2,"type":"invoke","f":"read","key":"x","value":null,"time":11}
                {"process":1,"type":"ok","f":"write","key":"x","value":"a","version":1,"time":15}
                {"process":2,"type":"ok","f":"read","key":"x","value":"a","version":1,"time":16}
                {"process":"nemesis","type":"info","f":"start-partition","value":["n1"],"time":17}
                {"process":3,"type":"invoke","f":"cas","key":"x","value":["a","b"],"time":20}
                {"process":3,"type":"ok","f":"cas","key":"x","value":["a","b"],"swapped":false,"time":21}
                {"process":3,"type":"invoke","f":"cas","key":"x","value":[null,"c"],"time":22}
                {"process":3,"type":"info","f":"cas","key":"x","value":[null,"c"],"time":90}
                {"process":4,"type":"invoke","f":"write","key":7,"value":5,"time":91,"index":12}
                {"process":4,"type":"fail","f":"write","key":"7","value":"5","time":92}
                {"process":5,"type":"invoke","f":"read","key":"x","time":93}
                """);
        assertEquals(List.of(
                Operation.ok(0, 1, "x", RegisterInput.write("a"), RegisterOutput.writeOk(1), 10, 15),
                Operation.ok(1, 2, "x", RegisterInput.read(), RegisterOutput.readOk("a", 1), 11, 16),
                Operation.ok(2, 3, "x", RegisterInput.cas("a", "b"), RegisterOutput.casOk(false), 20, 21),
                Operation.unknown(3, 3, "x", RegisterInput.cas(null, "c"), 22, 90),
                Operation.failed(4, 4, "7", RegisterInput.write("5"), 91, 92),
                Operation.unknown(5, 5, "x", RegisterInput.read(), 93, Operation.NEVER)), h.operations());
    }

    @Test
    void without_time_fields_line_numbers_are_the_times() {
        History<RegisterInput, RegisterOutput> h = HistoryFormat.parse("""
                {"process":1,"type":"invoke","f":"write","key":"x","value":"a"}
                {"process":1,"type":"ok","f":"write","key":"x"}

                {"process":2,"type":"invoke","f":"read","key":"x"}
                {"process":2,"type":"ok","f":"read","key":"x","value":"a"}
                """);
        assertEquals(Operation.ok(0, 1, "x", RegisterInput.write("a"), RegisterOutput.writeOk(), 1, 2), h.get(0));
        assertEquals(Operation.ok(1, 2, "x", RegisterInput.read(), RegisterOutput.readOk("a"), 4, 5), h.get(1));
    }

    @Test
    void malformed_lines_are_rejected_with_code_and_line_number() {
        assertError(LincheckError.LIN_001, "line 2", """
                {"process":1,"type":"invoke","f":"read","key":"x"}
                {"process":1,"type":"ok",
                """);
        assertError(LincheckError.LIN_001, "duplicate field", "{\"process\":1,\"process\":2}");
        assertError(LincheckError.LIN_002, "missing \"process\"", "{\"type\":\"invoke\",\"f\":\"read\",\"key\":\"x\"}");
        assertError(LincheckError.LIN_002, "invalid \"type\": done", "{\"process\":1,\"type\":\"done\",\"f\":\"read\",\"key\":\"x\"}");
        assertError(LincheckError.LIN_002, "invalid \"f\": append", "{\"process\":1,\"type\":\"invoke\",\"f\":\"append\",\"key\":\"x\"}");
        assertError(LincheckError.LIN_002, "missing \"key\"", "{\"process\":1,\"type\":\"invoke\",\"f\":\"read\"}");
        assertError(LincheckError.LIN_002, "cas value is [expected, new]", "{\"process\":1,\"type\":\"invoke\",\"f\":\"cas\",\"key\":\"x\",\"value\":\"a\"}");
        assertError(LincheckError.LIN_002, "must be a string or an integer", "{\"process\":1,\"type\":\"invoke\",\"f\":\"write\",\"key\":\"x\",\"value\":1.5}");
        assertError(LincheckError.LIN_002, "\"process\" must be an integer", "{\"process\":true,\"type\":\"invoke\",\"f\":\"read\",\"key\":\"x\"}");
        assertError(LincheckError.LIN_002, "on all events or none", """
                {"process":1,"type":"invoke","f":"read","key":"x","time":1}
                {"process":1,"type":"ok","f":"read","key":"x","value":null}
                """);
        assertError(LincheckError.LIN_002, "needs \"value\"", """
                {"process":1,"type":"invoke","f":"read","key":"x"}
                {"process":1,"type":"ok","f":"read","key":"x"}
                """);
        assertError(LincheckError.LIN_002, "ok completions only", """
                {"process":1,"type":"invoke","f":"write","key":"x","value":"a"}
                {"process":1,"type":"info","f":"write","key":"x","version":3}
                """);
    }

    @Test
    void event_pairing_errors_are_rejected_with_their_codes() {
        assertError(LincheckError.LIN_003, "line 1: process 1 has no invocation in flight",
                "{\"process\":1,\"type\":\"ok\",\"f\":\"read\",\"key\":\"x\",\"value\":null}");
        assertError(LincheckError.LIN_004, "line 2: process 1 invokes while its invocation on line 1", """
                {"process":1,"type":"invoke","f":"read","key":"x"}
                {"process":1,"type":"invoke","f":"read","key":"x"}
                """);
        assertError(LincheckError.LIN_005, "line 2: completes read on \"y\"", """
                {"process":1,"type":"invoke","f":"read","key":"x"}
                {"process":1,"type":"ok","f":"read","key":"y","value":null}
                """);
        assertError(LincheckError.LIN_005, "differs from the invocation's on line 1", """
                {"process":1,"type":"invoke","f":"write","key":"x","value":"a"}
                {"process":1,"type":"ok","f":"write","key":"x","value":"b"}
                """);
        assertError(LincheckError.LIN_006, "line 2: time went backwards", """
                {"process":1,"type":"invoke","f":"write","key":"x","value":"a","time":10}
                {"process":1,"type":"ok","f":"write","key":"x","value":"a","time":9}
                """);
    }

    @Test
    void file_that_cannot_be_read_gives_an_io_error(@TempDir Path dir) {
        LincheckException e = assertThrows(LincheckException.class, () -> HistoryFormat.read(dir.resolve("missing.jsonl")));
        assertEquals(LincheckError.LIN_007, e.code());
    }

    @Test
    void writes_and_reads_back_a_file(@TempDir Path dir) throws IOException {
        History<RegisterInput, RegisterOutput> h = new Timeline()
                .write(1, "quote\" backslash\\ newline\n tab\t uni\u00e9 \ud83d\ude00")
                .invoke(2, RegisterInput.cas(null, "b")).ok(2, RegisterOutput.casOk(true))
                .invoke(3, RegisterInput.read()).info(3)
                .invoke(4, RegisterInput.write("z"))
                .history();
        Path file = dir.resolve("h.jsonl");
        HistoryFormat.write(h, file);
        assertEquals(h, HistoryFormat.read(file));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(7, text.lines().count(), "three pairs, and the never-completed write alone:\n" + text);
    }

    @Test
    void writing_a_process_with_overlapping_operations_is_refused() {
        History<RegisterInput, RegisterOutput> h = History.of(List.of(
                Operation.ok(0, 1, "x", RegisterInput.read(), RegisterOutput.readOk(null), 1, 5),
                Operation.ok(1, 1, "x", RegisterInput.read(), RegisterOutput.readOk(null), 2, 6)));
        assertEquals(LincheckError.LIN_006,
                assertThrows(LincheckException.class, () -> HistoryFormat.toJsonLines(h)).code());
    }

    /** Generated histories survive a write and a read unchanged, times and all. */
    @Property(tries = 100)
    void round_trip_preserves_the_history(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int operations, @ForAll @IntRange(min = 0, max = 6) int width) {
        History<RegisterInput, RegisterOutput> h = RegisterHistories.linearizable(
                new Random(seed), new RegisterHistories.Shape(operations, 3, width, 0.1, 0.1));
        assertEquals(h, HistoryFormat.parse(HistoryFormat.toJsonLines(h)));
    }

    @Test
    void integers_and_strings_are_the_same_values() {
        History<RegisterInput, RegisterOutput> h = HistoryFormat.parse("""
                {"process":1,"type":"invoke","f":"cas","key":"x","value":[null,3]}
                {"process":1,"type":"ok","f":"cas","key":"x","value":[null,"3"]}
                {"process":1,"type":"invoke","f":"read","key":"x"}
                {"process":1,"type":"ok","f":"read","key":"x","value":3}
                """);
        assertEquals(new RegisterOutput.ReadOk("3", OptionalLong.empty()), h.get(1).output());
        assertEquals(Verdict.OK, Timeline.check(h).verdict());
    }

    private static void assertError(LincheckError code, String messagePart, String text) {
        LincheckException e = assertThrows(LincheckException.class, () -> HistoryFormat.parse(text));
        assertEquals(code, e.code(), e::describe);
        assertTrue(e.getMessage().contains(messagePart), e::describe);
    }
}

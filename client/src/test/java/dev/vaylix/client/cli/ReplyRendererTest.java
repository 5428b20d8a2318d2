package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** COMMANDS.md §11.4, rule by rule, for every reply kind, in every output mode. */
class ReplyRendererTest {

    private static final Bytes NOT_UTF8 = Bytes.of((byte) 0xFF, (byte) 0x00, (byte) 0xC3);

    private static Reply.Entries entries(String... keyValues) {
        List<Reply.Entry> list = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            list.add(Reply.Entry.text(keyValues[i], keyValues[i + 1]));
        }
        return new Reply.Entries(list);
    }

    /** Replies that print the same in every mode: (name, reply, text, kind). */
    static Stream<Arguments> modeIndependent() {
        return Stream.of(
                // rule 1
                Arguments.of("queued value", Reply.QUEUED, "QUEUED", Rendering.Kind.RESULT),
                // rule 2
                Arguments.of("not found", Reply.NOT_FOUND, "NOT_FOUND", Rendering.Kind.RESULT),
                // rule 3
                Arguments.of("error", Reply.Error.of(ErrorCode.SRV_007),
                        "ERROR [SRV-007] Authentication Required: client authentication is required", Rendering.Kind.ERROR_REPLY),
                Arguments.of("engine error keeps its prefix", Reply.Error.of(ErrorCode.ENG_016, "n"),
                        "ERROR [ENG-016] Numeric Overflow: engine failure: numeric overflow for key 'n'", Rendering.Kind.ERROR_REPLY),
                Arguments.of("unknown error code verbatim", new Reply.Error("X-1", "Odd", "odd thing"),
                        "ERROR [X-1] Odd: odd thing", Rendering.Kind.ERROR_REPLY),
                // rule 4, by kind
                Arguments.of("ok", Reply.OK, "OK", Rendering.Kind.RESULT),
                Arguments.of("utf-8 value", Reply.Data.utf8("alice"), "alice", Rendering.Kind.RESULT),
                Arguments.of("empty value", new Reply.Data(Bytes.EMPTY), "", Rendering.Kind.RESULT),
                Arguments.of("multi-line value", Reply.Data.utf8("a\nb"), "a\nb", Rendering.Kind.RESULT),
                Arguments.of("true", Reply.TRUE, "true", Rendering.Kind.RESULT),
                Arguments.of("false", Reply.FALSE, "false", Rendering.Kind.RESULT),
                Arguments.of("count", new Reply.Count(3), "3", Rendering.Kind.RESULT),
                Arguments.of("count is unsigned", new Reply.Count(-1), "18446744073709551615", Rendering.Kind.RESULT),
                Arguments.of("integer", new Reply.Int(-2), "-2", Rendering.Kind.RESULT),
                Arguments.of("mget values", new Reply.Values(List.of(Optional.of(Bytes.utf8("a")), Optional.empty(),
                        Optional.of(Bytes.utf8("c")))), "a, (nil), c", Rendering.Kind.RESULT),
                Arguments.of("mget of nothing", new Reply.Values(List.of(Optional.empty())), "(nil)", Rendering.Kind.RESULT),
                Arguments.of("scan page", new Reply.ScanPage(4, List.of(Key.of("a"), Key.of("b"))),
                        "cursor=4, keys=[a, b]", Rendering.Kind.RESULT),
                Arguments.of("empty scan page", new Reply.ScanPage(0, List.of()), "cursor=0, keys=[(empty)]",
                        Rendering.Kind.RESULT),
                Arguments.of("scan cursor is unsigned", new Reply.ScanPage(-1, List.of(Key.of("k"))),
                        "cursor=18446744073709551615, keys=[k]", Rendering.Kind.RESULT),
                Arguments.of("exec results one per line",
                        new Reply.ExecResults(List.of(Reply.OK, Reply.Data.utf8("alice"), new Reply.Int(-2))),
                        "OK\nalice\n-2", Rendering.Kind.RESULT),
                Arguments.of("exec items of every kind", new Reply.ExecResults(List.of(Reply.NOT_FOUND, Reply.TRUE,
                                new Reply.Count(7), entries("k", "v", "a", "b"),
                                new Reply.Values(List.of(Optional.empty(), Optional.of(Bytes.utf8("x")))),
                                new Reply.ScanPage(0, List.of()), new Reply.ScanPage(2, List.of(Key.of("z"))), Reply.QUEUED)),
                        "NOT_FOUND\ntrue\n7\nk=v, a=b\n(nil), x\ncursor=0, keys=[]\ncursor=2, keys=[z]\nQUEUED",
                        Rendering.Kind.RESULT),
                Arguments.of("empty exec", new Reply.ExecResults(List.of()), "", Rendering.Kind.RESULT),
                // rule 5
                Arguments.of("binary value as hex", new Reply.Data(NOT_UTF8), "0xff00c3", Rendering.Kind.RESULT),
                Arguments.of("binary mget item as hex", new Reply.Values(List.of(Optional.of(NOT_UTF8))), "0xff00c3",
                        Rendering.Kind.RESULT),
                Arguments.of("binary exec items as hex", new Reply.ExecResults(List.of(new Reply.Data(NOT_UTF8),
                        new Reply.Entries(List.of(new Reply.Entry("k", NOT_UTF8))))), "0xff00c3\nk=0xff00c3",
                        Rendering.Kind.RESULT));
    }

    static Stream<Arguments> modeIndependentInEveryMode() {
        return modeIndependent().flatMap(arguments -> Stream.of(OutputMode.values()).map(mode -> {
            Object[] values = arguments.get();
            return Arguments.of(values[0], mode, values[1], values[2], values[3]);
        }));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("modeIndependentInEveryMode")
    void repliesOtherThanEntriesPrintTheSameInEveryMode(String name, OutputMode mode, Reply reply, String text,
                                                         Rendering.Kind kind) {
        assertEquals(new Rendering(text, kind), ReplyRenderer.render(reply, mode));
    }

    static Stream<Arguments> entriesReplies() {
        Reply.Entries unsorted = entries("b", "2", "a", "1", "a", "0");
        Reply.Entries wide = entries("日本", "ü", "e\u0301", "x");
        Reply.Entries escaped = entries("q", "say \"hi\"\nnow\\", "tab", "\t\u0001");
        return Stream.of(
                Arguments.of("sorted by key, then value", OutputMode.PLAIN, unsorted, "a=0, a=1, b=2"),
                Arguments.of("sorted by key, then value", OutputMode.TABLE, unsorted,
                        "key | value\n----+------\na   | 0    \na   | 1    \nb   | 2    "),
                Arguments.of("sorted by key, then value", OutputMode.JSON, unsorted, """
                        [
                          {
                            "key": "a",
                            "value": "0"
                          },
                          {
                            "key": "a",
                            "value": "1"
                          },
                          {
                            "key": "b",
                            "value": "2"
                          }
                        ]"""),
                Arguments.of("empty", OutputMode.PLAIN, entries(), ""),
                Arguments.of("empty", OutputMode.TABLE, entries(), "key | value\n----+------"),
                Arguments.of("empty", OutputMode.JSON, entries(), "[]"),
                Arguments.of("wide and combining characters", OutputMode.PLAIN, wide, "e\u0301=x, 日本=ü"),
                Arguments.of("wide and combining characters align by display width", OutputMode.TABLE, wide,
                        "key  | value\n-----+------\ne\u0301    | x    \n日本 | ü    "),
                Arguments.of("wide and combining characters", OutputMode.JSON, wide,
                        "[\n  {\n    \"key\": \"e\u0301\",\n    \"value\": \"x\"\n  },\n  {\n    \"key\": \"日本\",\n"
                                + "    \"value\": \"ü\"\n  }\n]"),
                Arguments.of("long cells widen the columns", OutputMode.TABLE, entries("health.status", "ready"),
                        "key           | value\n--------------+------\nhealth.status | ready"),
                Arguments.of("json escapes", OutputMode.JSON, escaped,
                        "[\n  {\n    \"key\": \"q\",\n    \"value\": \"say \\\"hi\\\"\\nnow\\\\\"\n  },\n  {\n"
                                + "    \"key\": \"tab\",\n    \"value\": \"\\t\\u0001\"\n  }\n]"),
                Arguments.of("byte order of keys", OutputMode.PLAIN, entries("é", "1", "z", "2", "Z", "3"), "Z=3, z=2, é=1"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("entriesReplies")
    void entriesRepliesFollowTheOutputMode(String name, OutputMode mode, Reply.Entries reply, String text) {
        assertEquals(new Rendering(text, Rendering.Kind.RESULT), ReplyRenderer.render(reply, mode));
    }

    @ParameterizedTest
    @MethodSource("dev.vaylix.client.cli.ReplyRendererTest#modes")
    void anEntriesValueThatIsNotUtf8IsARenderingFailureNotACrash(OutputMode mode) {
        Reply.Entries list = new Reply.Entries(List.of(Reply.Entry.text("a", "ok"), new Reply.Entry("bin", NOT_UTF8)));
        assertEquals(new Rendering("[TRN-012] Invalid UTF-8 Payload: invalid utf-8 in payload"
                + " (the value of entry 'bin' is not UTF-8)", Rendering.Kind.FAILURE), ReplyRenderer.render(list, mode));
    }

    static Stream<OutputMode> modes() {
        return Stream.of(OutputMode.values());
    }
}

package dev.vaylix.api.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void strings_are_escaped_as_serde_json_escapes_them() {
        String text = "q\" b\\ /s \u007f é 😀 \b\f\n\r\t \u0000\u0001\u001f";
        assertEquals("\"q\\\" b\\\\ /s \u007f é 😀 \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f\"", Json.quote(text));
    }

    @Test
    void compact_output_has_no_whitespace() {
        JsonObject object = JsonObject.builder()
                .put("a", 1)
                .put("b", JsonArray.of(JsonValue.TRUE, JsonValue.NULL, JsonValue.of("x")))
                .put("c", JsonObject.EMPTY)
                .put("d", JsonArray.EMPTY)
                .build();
        assertEquals("{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{},\"d\":[]}", Json.compact(object));
    }

    @Test
    void pretty_output_indents_two_spaces_and_keeps_empty_containers_inline() {
        JsonObject object = JsonObject.builder()
                .put("a", 1)
                .put("b", JsonArray.of(JsonValue.of(2), JsonObject.builder().put("k", "v").build()))
                .put("c", JsonObject.EMPTY)
                .put("d", JsonArray.EMPTY)
                .build();
        String expected = """
                {
                  "a": 1,
                  "b": [
                    2,
                    {
                      "k": "v"
                    }
                  ],
                  "c": {},
                  "d": []
                }""";
        assertEquals(expected, Json.pretty(object));
        assertEquals("[]", Json.pretty(JsonArray.EMPTY));
        assertEquals("\"x\"", Json.pretty(JsonValue.of("x")));
    }

    @Test
    void u64_values_survive_without_rounding() {
        JsonValue parsed = Json.parse("{\"max\":18446744073709551615,\"big\":9007199254740993}");
        JsonObject object = parsed.asObject();
        assertEquals(-1L, object.u64("max"));
        assertEquals(9007199254740993L, object.u64("big"));
        assertEquals("{\"max\":18446744073709551615,\"big\":9007199254740993}", Json.compact(parsed));
        assertEquals("18446744073709551615", JsonNumber.ofUnsigned(-1L).text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "18446744073709551616 | u64 | expected u64",
            "-1                   | u64 | expected u64",
            "1.0                  | u64 | invalid type: floating point `1.0`, expected u64",
            "1e3                  | u64 | invalid type: floating point `1e3`, expected u64",
            "4294967296           | u32 | expected u32",
            "9223372036854775808  | i64 | expected i64",
    })
    void integer_accessors_refuse_values_outside_their_type(String number, String type, String message) {
        JsonValue value = Json.parse(number);
        JsonException e = assertThrows(JsonException.class, () -> {
            switch (type) {
                case "u64" -> value.asU64();
                case "u32" -> value.asU32();
                default -> value.asI64();
            }
        });
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void integer_accessors_accept_their_whole_range() {
        assertEquals(0L, Json.parse("-0").asU64(), "serde_json reads -0 as the integer 0");
        assertEquals(4294967295L, Json.parse("4294967295").asU32());
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808").asI64());
        assertEquals(0.5, Json.parse("5e-1").asNumber().doubleValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                 | EOF while parsing a value at line 1 column 1",
            "'{\"a\":1,}'       | trailing comma at line 1 column 8",
            "'[1,]'             | trailing comma at line 1 column 4",
            "'[1 2]'            | expected `,` or `]` at line 1 column 4",
            "'{\"a\" 1}'        | expected `:` at line 1 column 6",
            "'{a:1}'            | key must be a string at line 1 column 2",
            "'{\"a\":1 \"b\":2}'| expected `,` or `}` at line 1 column 8",
            "'01'               | invalid number at line 1 column 1",
            "'1.'               | invalid number at line 1 column 1",
            "'-'                | invalid number at line 1 column 1",
            "'NaN'              | expected value at line 1 column 1",
            "'tru'              | expected value at line 1 column 1",
            "'1 2'              | trailing characters at line 1 column 3",
            "'\"a\\x\"'         | invalid escape at line 1 column 4",
            "'\"\\ud800\"'      | lone leading surrogate in hex escape",
            "'\"\\udc00\"'      | lone trailing surrogate in hex escape",
            "'\"\\u12g4\"'      | invalid escape",
            "'\"abc'            | EOF while parsing a string",
            "'[1,[2'            | EOF while parsing a list",
            "'{\"a\":1,\"a\":2}'| duplicate field \"a\" at line 1 column 8",
            "'/* c */ 1'        | expected value at line 1 column 1",
    })
    void malformed_documents_are_refused_with_position(String text, String message) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void raw_control_characters_in_strings_are_refused() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("\"a\nb\""));
        assertEquals("control character (\\u000a) found while parsing a string at line 1 column 3", e.getMessage());
    }

    @Test
    void positions_count_lines() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  ]\n}"));
        assertEquals("key must be a string at line 3 column 3", e.getMessage());
    }

    @Test
    void bytes_must_be_valid_utf8() {
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(overlong));
        assertEquals("invalid UTF-8 at byte offset 1", e.getMessage());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1'};
        assertThrows(JsonException.class, () -> Json.parse(bom));
        assertEquals(JsonValue.of("é😀"), Json.parse("\"é😀\"".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonException.class, () -> Json.parse("\"\uD800\""), "lone surrogate in a Java string input");
    }

    @Test
    void escapes_decode_including_surrogate_pairs() {
        JsonValue value = Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\"");
        assertEquals("\"\\/\b\f\n\r\tAé😀", value.asString());
    }

    @Test
    void nesting_is_bounded() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertEquals(ok, Json.compact(Json.parse(ok)));
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().startsWith("recursion limit exceeded"), e.getMessage());
    }

    @Test
    void typed_getters_name_the_field() {
        JsonObject object = Json.parse("{\"v\":\"2\",\"n\":null}").asObject();
        assertEquals("missing field `x`", assertThrows(JsonException.class, () -> object.u64("x")).getMessage());
        assertEquals("field `v`: invalid type: string \"2\", expected u32",
                assertThrows(JsonException.class, () -> object.u32("v")).getMessage());
        assertEquals(OptionalLong.empty(), object.optionalU64("n"));
        assertEquals(OptionalLong.empty(), object.optionalU64("absent"));
        assertFalse(object.has("absent"));
        assertEquals("2", object.string("v"));
    }

    @Test
    void writer_refuses_misuse() {
        assertThrows(IllegalStateException.class, () -> JsonWriter.compact().beginObject().value(1));
        assertThrows(IllegalStateException.class, () -> JsonWriter.compact().beginArray().name("a"));
        assertThrows(IllegalStateException.class, () -> JsonWriter.compact().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> JsonWriter.compact().value(1).value(2));
        assertThrows(IllegalStateException.class, () -> JsonWriter.compact().beginArray().text());
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.compact().value("\uDC00"));
        assertThrows(IllegalArgumentException.class,
                () -> JsonObject.builder().put("a", 1).put("a", 2).build());
    }

    @Test
    void streaming_writer_matches_tree_writer() {
        byte[] streamed = JsonWriter.compact()
                .beginObject().name("k").valueUnsigned(-1L).name("l").beginArray().value(false).nullValue().endArray()
                .endObject().toUtf8();
        JsonObject tree = JsonObject.builder().putUnsigned("k", -1L)
                .put("l", new JsonArray(List.of(JsonValue.FALSE, JsonValue.NULL))).build();
        assertArrayEquals(Json.compactUtf8(tree), streamed);
    }
}

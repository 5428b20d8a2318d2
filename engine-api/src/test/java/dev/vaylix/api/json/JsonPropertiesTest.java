package dev.vaylix.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonPropertiesTest {

    @Property(tries = 300)
    void compact_text_parses_back_to_the_same_tree(@ForAll("documents") JsonValue value) {
        assertEquals(value, Json.parse(Json.compact(value)));
        assertEquals(value, Json.parse(Json.compactUtf8(value)));
    }

    @Property(tries = 200)
    void pretty_text_parses_back_to_the_same_tree(@ForAll("documents") JsonValue value) {
        String pretty = Json.pretty(value);
        assertEquals(value, Json.parse(pretty));
        assertEquals(Json.compact(value), Json.compact(Json.parse(pretty)));
    }

    @Property(tries = 1000)
    void every_string_round_trips(@ForAll("text") String text) {
        assertEquals(text, Json.parse(Json.quote(text)).asString());
    }

    @Property(tries = 1000)
    void u64_round_trips_exactly(@ForAll long bits) {
        assertEquals(bits, Json.parse(JsonNumber.ofUnsigned(bits).text()).asU64());
        assertEquals(bits, Json.parse(JsonNumber.of(bits).text()).asI64());
    }

    @Property(tries = 1000)
    void arbitrary_text_either_parses_or_fails_with_a_json_exception(@ForAll("noise") String text) {
        try {
            JsonValue value = Json.parse(text);
            assertEquals(value, Json.parse(Json.compact(value)));
        } catch (JsonException expected) {
            // refused with a message, never another exception
        }
    }

    @Property(tries = 100)
    void truncated_documents_are_refused(@ForAll("documents") JsonValue value) {
        String text = Json.compact(value);
        if (!(value instanceof JsonArray || value instanceof JsonObject || value instanceof JsonString)) {
            return; // a prefix of a number or literal can be a valid number or nothing at all
        }
        // Every prefix costs a parse: cover short documents fully and long ones at 64 cut points.
        int step = Math.max(1, text.length() / 64);
        for (int cut = 0; cut < text.length(); cut += step) {
            String prefix = text.substring(0, cut);
            assertThrows(JsonException.class, () -> Json.parse(prefix), prefix);
        }
    }

    @Provide
    Arbitrary<JsonValue> documents() {
        Arbitrary<JsonValue> leaves = Arbitraries.oneOf(
                Arbitraries.just(JsonValue.NULL),
                Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE),
                Arbitraries.longs().map(JsonNumber::of),
                Arbitraries.longs().map(JsonNumber::ofUnsigned),
                Arbitraries.bigDecimals().map(BigDecimal::toString).map(JsonNumber::new),
                text().map(JsonString::new));
        return Arbitraries.recursive(() -> leaves, this::containers, 0, 4);
    }

    private Arbitrary<JsonValue> containers(Arbitrary<JsonValue> inner) {
        Arbitrary<JsonValue> arrays = inner.list().ofMaxSize(4).map(JsonArray::new);
        Arbitrary<JsonValue> objects = Combinators.combine(text(), inner).as(JsonObject.Member::new)
                .list().ofMaxSize(4).uniqueElements(JsonObject.Member::name)
                .map(JsonObject::new);
        return Arbitraries.oneOf(inner, arrays, objects);
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0x1f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x7f, 0x2028, 0xfeff, 0xffff, 0x1f600, 0x10ffff, (int) '"', (int) '\\', (int) '/')),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x80, 0x10ffff)
                        .filter(cp -> cp < 0xd800 || cp > 0xdfff)));
        return codePoints.list().ofMaxSize(12).map(JsonPropertiesTest::fromCodePoints);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("{}[]\":,-+.eE0123456789 \\ntrufalsu\u00e9").ofMaxLength(20);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}

package dev.vaylix.spec.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.spec.trace.Json.Arr;
import dev.vaylix.spec.trace.Json.Bool;
import dev.vaylix.spec.trace.Json.Null;
import dev.vaylix.spec.trace.Json.Num;
import dev.vaylix.spec.trace.Json.Obj;
import dev.vaylix.spec.trace.Json.Str;
import dev.vaylix.spec.trace.Json.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void an_object_keeps_its_field_order_and_nested_values() {
        Value v = Json.parse(" {\"b\": [1, -2, true, null], \"a\": {\"s\": \"x\\\"y\\u0041\\n\"}} ");
        Obj obj = (Obj) v;
        assertEquals(List.of("b", "a"), List.copyOf(obj.fields().keySet()));
        assertEquals(new Arr(List.of(new Num(1), new Num(-2), new Bool(true), new Null())), obj.fields().get("b"));
        assertEquals(new Str("x\"yA\n"), ((Obj) obj.fields().get("a")).fields().get("s"));
    }

    @Test
    void malformed_input_is_rejected_with_its_position() {
        assertRejected("{\"a\": 1, \"a\": 2}", "duplicate field \"a\"");
        assertRejected("{\"a\": 1} x", "trailing");
        assertRejected("[1.5]", "only integers");
        assertRejected("[01]", "leading zero");
        assertRejected("\"abc", "unterminated");
        assertRejected("\"\\q\"", "invalid escape");
        assertRejected("{\"a\" 1}", "expected ':'");
        assertRejected("[1 2]", "expected ',' or ']'");
        assertRejected("99999999999999999999", "out of range");
        assertRejected("", "end of input");
        assertRejected("tru", "unexpected token");
    }

    @Test
    void nesting_deeper_than_the_bound_is_rejected() {
        String deep = "[".repeat(Json.DEPTH_MAX + 2) + "]".repeat(Json.DEPTH_MAX + 2);
        assertRejected(deep, "nesting deeper");
        String ok = "[".repeat(Json.DEPTH_MAX) + "]".repeat(Json.DEPTH_MAX);
        assertTrue(Json.parse(ok) instanceof Arr);
    }

    @Property(tries = 300)
    void written_values_parse_back_to_themselves(@ForAll("values") Value value) {
        assertEquals(value, Json.parse(write(value)));
    }

    @Provide
    Arbitrary<Value> values() {
        return value(3);
    }

    private Arbitrary<Value> value(int depth) {
        Arbitrary<Value> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(Str::new),
                Arbitraries.longs().map(Num::new),
                Arbitraries.of(true, false).map(Bool::new),
                Arbitraries.just(new Null()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Value> arr = value(depth - 1).list().ofMaxSize(4).map(Arr::new);
        Arbitrary<Value> obj = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), value(depth - 1))
                .ofMaxSize(4).map(m -> new Obj(new LinkedHashMap<>(m)));
        return Arbitraries.oneOf(leaf, arr, obj);
    }

    /** A reference writer: escapes every character outside printable ASCII. */
    private static String write(Value v) {
        return switch (v) {
            case Str s -> quote(s.value());
            case Num n -> Long.toString(n.value());
            case Bool b -> Boolean.toString(b.value());
            case Null n -> "null";
            case Arr a -> "[" + String.join(",", a.items().stream().map(JsonTest::write).toList()) + "]";
            case Obj o -> {
                StringBuilder sb = new StringBuilder("{");
                for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    sb.append(quote(e.getKey())).append(':').append(write(e.getValue()));
                }
                yield sb.append('}').toString();
            }
        };
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    private static void assertRejected(String text, String messagePart) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertTrue(e.getMessage().contains("at character"), e.getMessage());
    }
}

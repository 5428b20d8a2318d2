package dev.vaylix.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parses_nested_values() throws Json.SyntaxError {
        Map<String, Object> o = Json.parseObject(
                " {\"a\": [1, -2.5e3, true, false, null, \"s\\u00e9\\n\"], \"b\": {\"c\": {}} , \"d\":[]} ");
        assertEquals(List.of(new Json.Num("1"), new Json.Num("-2.5e3"), true, false, Json.NULL, "s\u00e9\n"), o.get("a"));
        assertEquals(Map.of("c", Map.of()), o.get("b"));
        assertEquals(List.of(), o.get("d"));
    }

    @Test
    void rejects_what_is_not_strict_json() {
        for (String bad : new String[] {
                "", "[]", "{", "{}x", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
                "{\"a\":\"x}", "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}", "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":1,}",
                "{\"a\":\"tab\there\"}", "{\"a\":1}{\"b\":2}"}) {
            assertThrows(Json.SyntaxError.class, () -> Json.parseObject(bad), bad);
        }
    }

    @Test
    void nesting_is_bounded() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        Json.SyntaxError e = assertThrows(Json.SyntaxError.class, () -> Json.parseObject(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }

    @Property(tries = 300)
    void quoted_strings_parse_back_to_themselves(@ForAll String s) throws Json.SyntaxError {
        assertEquals(s, Json.parseObject("{\"v\":" + Json.quote(s) + "}").get("v"));
    }
}

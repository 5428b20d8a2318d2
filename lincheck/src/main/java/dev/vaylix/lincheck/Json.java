package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small strict JSON (RFC 8259) reader and string quoting the history format needs; the module
 * depends on the JDK only, so there is no library to lean on.
 *
 * <p>Values map to: object {@code Map<String, Object>} (insertion order), array {@code List<Object>},
 * string {@code String}, number {@link Num} (the literal, unconverted), {@code Boolean}, and
 * {@link #NULL} for {@code null} (so "absent" and "null" stay distinguishable in a map).
 */
final class Json {

    /** Nesting bound: a history event is flat; deeper input is garbage, not something to recurse on. */
    static final int DEPTH_MAX = 32;

    /** The JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A number, kept as its literal text. */
    record Num(String literal) {
        boolean isInteger() {
            return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        }
    }

    /** Why a text is not JSON, and where (0-based character offset). */
    static final class SyntaxError extends Exception {
        SyntaxError(String message, int offset) {
            super(message + " at column " + (offset + 1));
        }
    }

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold exactly one JSON object (whitespace around it allowed). */
    static Map<String, Object> parseObject(String text) throws SyntaxError {
        Json p = new Json(text);
        p.skipWhitespace();
        if (p.peek() != '{') {
            throw new SyntaxError("expected '{'", p.pos);
        }
        Map<String, Object> object = p.object(1);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw new SyntaxError("unexpected text after the object", p.pos);
        }
        return object;
    }

    /** {@code value} as a JSON string literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        // Surrogates escaped too, so a lone one survives the round trip as text.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > DEPTH_MAX) {
            throw new SyntaxError("nesting deeper than " + DEPTH_MAX, pos);
        }
        skipWhitespace();
        int c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw new SyntaxError(c < 0 ? "unexpected end of line" : "unexpected character '" + (char) c + "'", pos);
            }
        };
    }

    private Map<String, Object> object(int depth) throws SyntaxError {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new SyntaxError("expected a field name", pos);
            }
            int at = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            Object v = value(depth + 1);
            if (map.putIfAbsent(name, v) != null) {
                throw new SyntaxError("duplicate field \"" + name + "\"", at);
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxError {
        expect('[');
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() throws SyntaxError {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError("unterminated string", pos);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new SyntaxError("control character in string", pos - 1);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new SyntaxError("unterminated escape", pos);
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw new SyntaxError("invalid escape '\\" + e + "'", pos - 2);
            }
        }
    }

    private char hex4() throws SyntaxError {
        if (pos + 4 > text.length()) {
            throw new SyntaxError("truncated \\u escape", pos);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw new SyntaxError("invalid \\u escape", pos);
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Num number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw new SyntaxError("invalid number", start);
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw new SyntaxError("invalid number", start);
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw new SyntaxError("invalid number", start);
            }
            digits();
        }
        return new Num(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object v) throws SyntaxError {
        if (!text.startsWith(word, pos)) {
            throw new SyntaxError("invalid literal", pos);
        }
        pos += word.length();
        return v;
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw new SyntaxError(peek() < 0 ? "expected '" + c + "' before end of line" : "expected '" + c + "'", pos);
        }
        pos++;
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }
}

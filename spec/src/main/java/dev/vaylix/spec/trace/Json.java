package dev.vaylix.spec.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small, strict JSON reader for trace lines (RFC 8259 values; numbers must be integers, which
 * is all the trace format uses). Written here because the project depends on no JSON library.
 *
 * <p>Objects keep their key order; a duplicate key is an error (a trace must be unambiguous).
 * Nesting is bounded by {@link #DEPTH_MAX}. Errors are {@link TraceFormatException}s that name the
 * character position.
 */
final class Json {

    /** Deepest nesting accepted; the trace format needs 4 (event, msg, entries, entry). */
    static final int DEPTH_MAX = 32;

    /** A parsed JSON value. Closed set: every consumer switches over it exhaustively. */
    sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {}

    record Obj(Map<String, Value> fields) implements Value {
        Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    record Arr(List<Value> items) implements Value {
        Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements Value {
        Str {
            Objects.requireNonNull(value, "value");
        }
    }

    record Num(long value) implements Value {}

    record Bool(boolean value) implements Value {}

    record Null() implements Value {}

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one complete JSON value; trailing non-whitespace is an error. */
    static Value parse(String text) {
        Json reader = new Json(Objects.requireNonNull(text, "text"));
        Value value = reader.value(0);
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected trailing characters");
        }
        return value;
    }

    private Value value(int depth) {
        if (depth > DEPTH_MAX) {
            throw error("nesting deeper than " + DEPTH_MAX);
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new Str(string());
            case 't' -> literal("true", new Bool(true));
            case 'f' -> literal("false", new Bool(false));
            case 'n' -> literal("null", new Null());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Obj object(int depth) {
        pos++; // '{'
        Map<String, Value> fields = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new Obj(fields);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            int keyPos = pos;
            String key = string();
            skipSpace();
            expect(':');
            Value v = value(depth + 1);
            if (fields.putIfAbsent(key, v) != null) {
                pos = keyPos;
                throw error("duplicate field \"" + key + "\"");
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                return new Obj(fields);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Arr array(int depth) {
        pos++; // '['
        List<Value> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new Arr(items);
        }
        while (true) {
            items.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return new Arr(items);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + e + "'");
                }
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                pos += i;
                throw error("invalid hex digit in \\u escape");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    private Num number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digitsStart) {
            throw error("expected a digit");
        }
        if (text.charAt(digitsStart) == '0' && pos - digitsStart > 1) {
            pos = digitsStart;
            throw error("leading zero in number");
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            throw error("only integers are allowed in traces");
        }
        try {
            return new Num(Long.parseLong(text.substring(start, pos)));
        } catch (NumberFormatException tooLarge) {
            pos = start;
            throw error("integer out of range");
        }
    }

    private Value literal(String word, Value value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private TraceFormatException error(String what) {
        return new TraceFormatException("invalid JSON at character " + (pos + 1) + ": " + what);
    }
}

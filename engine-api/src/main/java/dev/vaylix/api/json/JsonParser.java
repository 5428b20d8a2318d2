package dev.vaylix.api.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict RFC 8259 recursive-descent parser. Refuses everything serde_json refuses (comments, trailing
 * commas, leading zeros, {@code NaN}, raw control characters in strings, invalid escapes, unpaired
 * surrogates, trailing characters, nesting deeper than {@link Json#MAX_DEPTH}) and, beyond it,
 * duplicate member names (see {@link JsonObject}).
 *
 * <p>Work is linear in the input: no backtracking, recursion bounded by the depth limit, numbers kept
 * as text. One instance parses one document; not thread-safe.
 */
final class JsonParser {

    private final String text;
    private int pos;

    JsonParser(String text) {
        this.text = text;
    }

    JsonValue parseDocument() {
        skipWhitespace();
        JsonValue value = parseValue(0);
        skipWhitespace();
        if (pos < text.length()) {
            throw error("trailing characters");
        }
        return value;
    }

    private JsonValue parseValue(int depth) {
        if (pos >= text.length()) {
            throw error("EOF while parsing a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> parseObject(depth + 1);
            case '[' -> parseArray(depth + 1);
            case '"' -> new JsonString(parseString());
            case 't' -> literal("true", JsonValue.TRUE);
            case 'f' -> literal("false", JsonValue.FALSE);
            case 'n' -> literal("null", JsonValue.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield parseNumber();
                }
                throw error("expected value");
            }
        };
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected value");
        }
        pos += word.length();
        return value;
    }

    private JsonNumber parseNumber() {
        int end = JsonText.scanNumber(text, pos);
        if (end < 0) {
            throw error("invalid number");
        }
        // "01" scans as "0" followed by "1"; serde_json calls that an invalid number, and so do we.
        if (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            throw error("invalid number");
        }
        JsonNumber number = new JsonNumber(text.substring(pos, end));
        pos = end;
        return number;
    }

    private JsonObject parseObject(int depth) {
        checkDepth(depth);
        pos++; // '{'
        skipWhitespace();
        List<JsonObject.Member> members = new ArrayList<>();
        if (peek() == '}') {
            pos++;
            return JsonObject.EMPTY;
        }
        Set<String> names = new HashSet<>(); // membership test only
        while (true) {
            if (pos >= text.length()) {
                throw error("EOF while parsing an object");
            }
            if (text.charAt(pos) != '"') {
                throw error(text.charAt(pos) == '}' ? "trailing comma" : "key must be a string");
            }
            int nameStart = pos;
            String name = parseString();
            if (!names.add(name)) {
                pos = nameStart;
                throw error("duplicate field " + Json.quote(name));
            }
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("EOF while parsing an object");
            }
            if (text.charAt(pos) != ':') {
                throw error("expected `:`");
            }
            pos++;
            skipWhitespace();
            members.add(new JsonObject.Member(name, parseValue(depth)));
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("EOF while parsing an object");
            }
            char c = text.charAt(pos);
            pos++;
            if (c == '}') {
                return new JsonObject(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected `,` or `}`");
            }
            skipWhitespace();
        }
    }

    private JsonArray parseArray(int depth) {
        checkDepth(depth);
        pos++; // '['
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return JsonArray.EMPTY;
        }
        List<JsonValue> elements = new ArrayList<>();
        while (true) {
            if (peek() == ']') {
                throw error("trailing comma");
            }
            elements.add(parseValue(depth));
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("EOF while parsing a list");
            }
            char c = text.charAt(pos);
            pos++;
            if (c == ']') {
                return new JsonArray(elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected `,` or `]`");
            }
            skipWhitespace();
        }
    }

    /** Parses the string starting at the opening quote at {@code pos}; leaves {@code pos} after the closing one. */
    private String parseString() {
        pos++; // opening quote
        StringBuilder out = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("EOF while parsing a string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = out == null ? text.substring(runStart, pos) : out.append(text, runStart, pos).toString();
                pos++;
                return result;
            }
            if (c < 0x20) {
                throw error(String.format("control character (\\u%04x) found while parsing a string", (int) c));
            }
            if (Character.isSurrogate(c)) {
                // Only reachable through parse(String): a decoded byte input never holds a lone surrogate.
                if (!Character.isHighSurrogate(c) || pos + 1 >= text.length()
                        || !Character.isLowSurrogate(text.charAt(pos + 1))) {
                    throw error("unpaired surrogate in string");
                }
                pos += 2;
                continue;
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, runStart, pos);
            pos++;
            appendEscape(out);
            runStart = pos;
        }
    }

    private void appendEscape(StringBuilder out) {
        if (pos >= text.length()) {
            throw error("EOF while parsing a string");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hexEscape();
                if (Character.isHighSurrogate(unit)) {
                    if (!text.startsWith("\\u", pos)) {
                        throw error("lone leading surrogate in hex escape");
                    }
                    pos += 2;
                    char low = hexEscape();
                    if (!Character.isLowSurrogate(low)) {
                        throw error("lone leading surrogate in hex escape");
                    }
                    out.append(unit).append(low);
                } else if (Character.isLowSurrogate(unit)) {
                    throw error("lone trailing surrogate in hex escape");
                } else {
                    out.append(unit);
                }
            }
            default -> {
                pos--;
                throw error("invalid escape");
            }
        }
    }

    private char hexEscape() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= text.length()) {
                throw error("EOF while parsing a string");
            }
            int digit = Character.digit(text.charAt(pos), 16);
            // Character.digit accepts non-ASCII digits (fullwidth letters); JSON allows only ASCII hex.
            if (digit < 0 || text.charAt(pos) > 'f') {
                throw error("invalid escape");
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    private void checkDepth(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw error("recursion limit exceeded");
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** {@code <message> at line L column C}; lines and columns count from 1, columns in characters. */
    private JsonException error(String message) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(message + " at line " + line + " column " + (end - lineStart + 1));
    }
}

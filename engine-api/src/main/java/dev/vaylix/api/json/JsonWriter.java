package dev.vaylix.api.json;

import java.nio.charset.StandardCharsets;

/**
 * Streams one JSON value in serde_json's output profile (STORAGE.md §2.2), without building a tree.
 *
 * <p>Compact output has no whitespace at all. Pretty output indents by two spaces, writes
 * {@code ": "} after names, writes empty containers as {@code []} / {@code {}}, and ends without a
 * newline. Strings escape {@code "} and {@code \}, use {@code \b \f \n \r \t} for those five control
 * characters and <code>&#92;u00xx</code> with lower-case hex for the other characters below U+0020; every
 * other character, including {@code /}, U+007F and all non-ASCII text, is written raw (the output is
 * then encoded as UTF-8 by {@link #toUtf8()}).
 *
 * <p>Misuse (a value where a name is due, unbalanced containers, a second top-level value, nesting
 * deeper than {@link #MAX_DEPTH}) throws {@link IllegalStateException}: it is a bug in the caller,
 * never a property of data. Strings with an unpaired surrogate have no UTF-8 form and throw
 * {@link IllegalArgumentException}.
 *
 * <p>Not thread-safe; one writer produces one document.
 */
public final class JsonWriter {

    /** Nesting bound, the same as the parser's (serde_json's recursion limit). */
    public static final int MAX_DEPTH = Json.MAX_DEPTH;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final boolean pretty;
    private final boolean[] isObject = new boolean[MAX_DEPTH + 1];
    private final boolean[] hasElements = new boolean[MAX_DEPTH + 1];
    private int depth;
    private boolean nameWritten;
    private boolean complete;

    private JsonWriter(boolean pretty, int capacityChars) {
        this.pretty = pretty;
        this.out = new StringBuilder(capacityChars);
    }

    public static JsonWriter compact() {
        return new JsonWriter(false, 64);
    }

    public static JsonWriter pretty() {
        return new JsonWriter(true, 64);
    }

    /** A compact writer whose buffer starts at {@code capacityChars} (a hint for large documents). */
    public static JsonWriter compact(int capacityChars) {
        return new JsonWriter(false, capacityChars);
    }

    public JsonWriter beginObject() {
        return open(true, '{');
    }

    public JsonWriter endObject() {
        return close(true, '}');
    }

    public JsonWriter beginArray() {
        return open(false, '[');
    }

    public JsonWriter endArray() {
        return close(false, ']');
    }

    /** The next member's name; must be inside an object, followed by exactly one value. */
    public JsonWriter name(String name) {
        if (depth == 0 || !isObject[depth] || nameWritten) {
            throw new IllegalStateException("a member name is only valid inside an object, before its value");
        }
        separate();
        writeString(name);
        out.append(pretty ? ": " : ":");
        nameWritten = true;
        return this;
    }

    public JsonWriter value(String text) {
        beforeValue();
        writeString(text);
        afterValue();
        return this;
    }

    /** A signed i64. */
    public JsonWriter value(long number) {
        beforeValue();
        out.append(number);
        afterValue();
        return this;
    }

    /** A u64 held in a {@code long}, written as its unsigned decimal. */
    public JsonWriter valueUnsigned(long number) {
        beforeValue();
        out.append(Long.toUnsignedString(number));
        afterValue();
        return this;
    }

    public JsonWriter value(boolean bool) {
        beforeValue();
        out.append(bool ? "true" : "false");
        afterValue();
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        afterValue();
        return this;
    }

    /** Writes a whole tree. */
    public JsonWriter value(JsonValue value) {
        switch (value) {
            case JsonNull n -> nullValue();
            case JsonBool b -> value(b.value());
            case JsonNumber n -> {
                beforeValue();
                out.append(n.text());
                afterValue();
            }
            case JsonString s -> value(s.value());
            case JsonArray a -> {
                beginArray();
                for (JsonValue element : a.elements()) {
                    value(element);
                }
                endArray();
            }
            case JsonObject o -> {
                beginObject();
                for (JsonObject.Member member : o.members()) {
                    name(member.name());
                    value(member.value());
                }
                endObject();
            }
        }
        return this;
    }

    /** True once one complete top-level value has been written. */
    public boolean isComplete() {
        return complete;
    }

    /** The document text. @throws IllegalStateException if the value is not complete */
    public String text() {
        requireComplete();
        return out.toString();
    }

    /** The document as UTF-8 bytes. @throws IllegalStateException if the value is not complete */
    public byte[] toUtf8() {
        requireComplete();
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void requireComplete() {
        if (!complete) {
            throw new IllegalStateException("the JSON value is not complete (depth " + depth + ")");
        }
    }

    private JsonWriter open(boolean object, char bracket) {
        beforeValue();
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nesting deeper than " + MAX_DEPTH);
        }
        depth++;
        isObject[depth] = object;
        hasElements[depth] = false;
        out.append(bracket);
        return this;
    }

    private JsonWriter close(boolean object, char bracket) {
        if (depth == 0 || isObject[depth] != object || nameWritten) {
            throw new IllegalStateException("unbalanced " + bracket + " in JSON writer");
        }
        if (pretty && hasElements[depth]) {
            newline(depth - 1);
        }
        depth--;
        out.append(bracket);
        afterValue();
        return this;
    }

    private void beforeValue() {
        if (depth == 0) {
            if (complete) {
                throw new IllegalStateException("a JSON document holds exactly one top-level value");
            }
            return;
        }
        if (isObject[depth]) {
            if (!nameWritten) {
                throw new IllegalStateException("a value inside an object needs a member name first");
            }
            nameWritten = false;
        } else {
            separate();
        }
    }

    private void afterValue() {
        if (depth == 0) {
            complete = true;
        }
    }

    /** Comma (if needed) and, when pretty, the line break and indentation before an element. */
    private void separate() {
        if (hasElements[depth]) {
            out.append(',');
        }
        hasElements[depth] = true;
        if (pretty) {
            newline(depth);
        }
    }

    private void newline(int indentLevel) {
        out.append('\n');
        for (int i = 0; i < indentLevel; i++) {
            out.append("  ");
        }
    }

    private void writeString(String text) {
        int bad = JsonText.firstUnpairedSurrogate(text);
        if (bad >= 0) {
            throw new IllegalArgumentException("string has an unpaired surrogate at index " + bad + " and no UTF-8 form");
        }
        out.append('"');
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, runStart, i);
            runStart = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, runStart, text.length());
        out.append('"');
    }
}

package dev.vaylix.api.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON for Vaylix's files and replies, with no external library (engine-api is JDK only).
 *
 * <p>Output follows serde_json exactly (STORAGE.md §2.2), so documents the reference writes and
 * documents we write are byte-identical: see {@link JsonWriter} for the profile. Input must be
 * RFC 8259 JSON in UTF-8; see {@link JsonParser} for what is refused. Every failure is a
 * {@link JsonException} with a message naming the problem and its position.
 *
 * <p>Thread-safety: all methods are stateless and safe to call from any thread.
 */
public final class Json {

    /** Maximum nesting of arrays and objects, as serde_json's default recursion limit. */
    public static final int MAX_DEPTH = 128;

    private Json() {
    }

    /** Parses one JSON document from text. */
    public static JsonValue parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /**
     * Parses one JSON document from UTF-8 bytes. Invalid UTF-8 (overlong forms, encoded surrogates,
     * truncated sequences) is refused with its byte offset; a byte-order mark is not skipped.
     */
    public static JsonValue parse(byte[] utf8) {
        return parse(decodeUtf8(utf8));
    }

    /** Compact text: no whitespace. */
    public static String compact(JsonValue value) {
        return JsonWriter.compact().value(value).text();
    }

    /** Compact text as UTF-8 bytes. */
    public static byte[] compactUtf8(JsonValue value) {
        return JsonWriter.compact().value(value).toUtf8();
    }

    /** Pretty text: two-space indentation, {@code ": "} after names, no trailing newline. */
    public static String pretty(JsonValue value) {
        return JsonWriter.pretty().value(value).text();
    }

    /** {@code text} as a JSON string literal, quotes included (also handy in error messages). */
    public static String quote(String text) {
        if (JsonText.firstUnpairedSurrogate(text) >= 0) {
            // Error messages may quote arbitrary input; keep them printable instead of failing.
            StringBuilder safe = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> safe.appendCodePoint(cp < 0x10000 && Character.isSurrogate((char) cp) ? 0xFFFD : cp));
            text = safe.toString();
        }
        return JsonWriter.compact().value(text).text();
    }

    private static String decodeUtf8(byte[] utf8) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new JsonException("invalid UTF-8 at byte offset " + in.position());
        }
        return out.flip().toString();
    }
}

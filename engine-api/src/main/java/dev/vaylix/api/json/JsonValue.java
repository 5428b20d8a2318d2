package dev.vaylix.api.json;

/**
 * A JSON document tree (RFC 8259). The set of kinds is closed, so a {@code switch} over a
 * {@code JsonValue} is exhaustive without a {@code default}.
 *
 * <p>Values are immutable and compare by content. Object members keep their order (the order the
 * document or the builder gave them), because Vaylix's file formats fix the field order. Numbers keep
 * their exact text, so a u64 such as {@code 18446744073709551615} survives a parse/write round trip
 * without passing through a {@code double}.
 *
 * <p>{@link Json} parses and writes these trees; {@link JsonWriter} streams without building one.
 */
public sealed interface JsonValue permits JsonNull, JsonBool, JsonNumber, JsonString, JsonArray, JsonObject {

    JsonNull NULL = new JsonNull();
    JsonBool TRUE = new JsonBool(true);
    JsonBool FALSE = new JsonBool(false);

    /** The kind as serde_json names it in its errors ({@code null}, {@code boolean}, {@code integer}, ...). */
    default String describe() {
        return switch (this) {
            case JsonNull n -> "null";
            case JsonBool b -> "boolean `" + b.value() + "`";
            case JsonNumber n -> (n.isInteger() ? "integer `" : "floating point `") + n.text() + "`";
            case JsonString s -> "string " + Json.quote(s.value());
            case JsonArray a -> "sequence";
            case JsonObject o -> "map";
        };
    }

    /** This value as a string; {@link JsonException} naming the actual kind otherwise. */
    default String asString() {
        if (this instanceof JsonString s) {
            return s.value();
        }
        throw mismatch("a string");
    }

    default boolean asBool() {
        if (this instanceof JsonBool b) {
            return b.value();
        }
        throw mismatch("a boolean");
    }

    default JsonNumber asNumber() {
        if (this instanceof JsonNumber n) {
            return n;
        }
        throw mismatch("a number");
    }

    /** Shorthand for {@code asNumber().unsignedLongValue()}: an exact u64 in a {@code long}. */
    default long asU64() {
        if (this instanceof JsonNumber n) {
            return n.unsignedLongValue();
        }
        throw mismatch("u64");
    }

    /** Shorthand for {@code asNumber().unsignedIntValue()}. */
    default long asU32() {
        if (this instanceof JsonNumber n) {
            return n.unsignedIntValue();
        }
        throw mismatch("u32");
    }

    /** Shorthand for {@code asNumber().longValue()}. */
    default long asI64() {
        if (this instanceof JsonNumber n) {
            return n.longValue();
        }
        throw mismatch("i64");
    }

    default JsonArray asArray() {
        if (this instanceof JsonArray a) {
            return a;
        }
        throw mismatch("a sequence");
    }

    default JsonObject asObject() {
        if (this instanceof JsonObject o) {
            return o;
        }
        throw mismatch("a map");
    }

    default boolean isNull() {
        return this instanceof JsonNull;
    }

    private JsonException mismatch(String expected) {
        return new JsonException("invalid type: " + describe() + ", expected " + expected);
    }

    static JsonString of(String text) {
        return new JsonString(text);
    }

    static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static JsonNumber of(long value) {
        return JsonNumber.of(value);
    }
}

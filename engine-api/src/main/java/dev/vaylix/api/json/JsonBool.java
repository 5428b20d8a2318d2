package dev.vaylix.api.json;

/** {@code true} or {@code false}; use {@link JsonValue#TRUE} / {@link JsonValue#FALSE}. */
public record JsonBool(boolean value) implements JsonValue {
}

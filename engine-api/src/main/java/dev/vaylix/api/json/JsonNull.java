package dev.vaylix.api.json;

/** The JSON {@code null}; use {@link JsonValue#NULL}. */
public record JsonNull() implements JsonValue {
}

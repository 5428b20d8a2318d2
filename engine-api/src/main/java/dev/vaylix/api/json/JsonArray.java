package dev.vaylix.api.json;

import java.util.List;

/** A JSON array; the list is an immutable copy. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
        elements = List.copyOf(elements);
    }

    public static JsonArray of(JsonValue... elements) {
        return new JsonArray(List.of(elements));
    }

    public int size() {
        return elements.size();
    }

    public JsonValue get(int index) {
        return elements.get(index);
    }
}

package dev.vaylix.api.json;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the text; must have a UTF-8 form (no unpaired surrogate), because every document is
 *              written as UTF-8
 */
public record JsonString(String value) implements JsonValue {
    public JsonString {
        Objects.requireNonNull(value, "value");
        int bad = JsonText.firstUnpairedSurrogate(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("JSON string contains an unpaired surrogate at index " + bad);
        }
    }
}

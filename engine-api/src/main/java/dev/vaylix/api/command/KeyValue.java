package dev.vaylix.api.command;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import java.util.Objects;

/** One key/value pair of MSET. */
public record KeyValue(Key key, Bytes value) {
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}

package dev.vaylix.api.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A JSON object: members in a fixed order, names unique.
 *
 * <p>Duplicate names are refused (by the parser with a {@link JsonException}, by the constructor
 * and the builder with an {@link IllegalArgumentException}): two readers of a document with a
 * repeated name can disagree about which one counts, which is the root of several JSON smuggling
 * bugs, and none of Vaylix's formats ever writes one.
 *
 * <p>The typed getters ({@link #string}, {@link #u64}, ...) throw {@link JsonException}s whose
 * messages name the field ({@code missing field `version`}, {@code field `version`: invalid type:
 * string "2", expected u32}), so a caller can wrap them in its own error code unchanged.
 */
public final class JsonObject implements JsonValue {

    public static final JsonObject EMPTY = new JsonObject(List.of());

    /** One name/value pair. */
    public record Member(String name, JsonValue value) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (JsonText.firstUnpairedSurrogate(name) >= 0) {
                throw new IllegalArgumentException("JSON member name contains an unpaired surrogate");
            }
        }
    }

    private final List<Member> members;
    // Lookup only; never iterated, so its order cannot reach any output.
    private final Map<String, JsonValue> byName;

    /** @throws IllegalArgumentException if two members share a name */
    public JsonObject(List<Member> members) {
        this.members = List.copyOf(members);
        this.byName = HashMap.newHashMap(this.members.size());
        for (Member member : this.members) {
            if (byName.putIfAbsent(member.name(), member.value()) != null) {
                throw new IllegalArgumentException("duplicate JSON member name " + Json.quote(member.name()));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The members in document order; immutable. */
    public List<Member> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The member's value; {@code missing field `name`} if absent. */
    public JsonValue require(String name) {
        JsonValue value = byName.get(name);
        if (value == null) {
            throw new JsonException("missing field `" + name + "`");
        }
        return value;
    }

    public String string(String name) {
        return typed(name, JsonValue::asString);
    }

    public boolean bool(String name) {
        return typed(name, JsonValue::asBool);
    }

    /** An exact u64 (in a {@code long}; compare with {@link Long#compareUnsigned}). */
    public long u64(String name) {
        return typed(name, JsonValue::asU64);
    }

    public long u32(String name) {
        return typed(name, JsonValue::asU32);
    }

    public long i64(String name) {
        return typed(name, JsonValue::asI64);
    }

    public JsonArray array(String name) {
        return typed(name, JsonValue::asArray);
    }

    public JsonObject object(String name) {
        return typed(name, JsonValue::asObject);
    }

    /** A u64 that may be absent or {@code null} (serde's {@code Option<u64>} with a default). */
    public OptionalLong optionalU64(String name) {
        JsonValue value = byName.get(name);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(typed(name, JsonValue::asU64));
    }

    /** A string that may be absent or {@code null}. */
    public Optional<String> optionalString(String name) {
        JsonValue value = byName.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(typed(name, JsonValue::asString));
    }

    private <T> T typed(String name, Function<JsonValue, T> conversion) {
        JsonValue value = require(name);
        try {
            return conversion.apply(value);
        } catch (JsonException e) {
            throw new JsonException("field `" + name + "`: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject that && members.equals(that.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    /** The compact JSON text. */
    @Override
    public String toString() {
        return Json.compact(this);
    }

    /** Collects members in order; {@link #build()} refuses duplicate names. Not thread-safe. */
    public static final class Builder {
        private final List<Member> members = new ArrayList<>();

        private Builder() {
        }

        public Builder put(String name, JsonValue value) {
            members.add(new Member(name, value));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonValue.of(value));
        }

        /** A signed i64 member. */
        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        /** A u64 member held in a {@code long}. */
        public Builder putUnsigned(String name, long value) {
            return put(name, JsonNumber.ofUnsigned(value));
        }

        public Builder putNull(String name) {
            return put(name, JsonValue.NULL);
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}

package dev.vaylix.lincheck;

import java.util.Objects;

/**
 * What a client asked of one key of a versioned register (the built-in {@link RegisterModel}).
 * Values are strings; {@code null} stands for "absent" (a key never written).
 */
public sealed interface RegisterInput {

    /** Read the key. */
    record Read() implements RegisterInput {
        @Override
        public String toString() {
            return "read";
        }
    }

    /** Store {@code value} (never null: a write always creates or replaces the value). */
    record Write(String value) implements RegisterInput {
        public Write {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "write " + RegisterState.quote(value);
        }
    }

    /**
     * Compare-and-set: store {@code newValue} iff the current value equals {@code expected}
     * ({@code null} expects the key to be absent, a create-if-absent).
     */
    record Cas(String expected, String newValue) implements RegisterInput {
        public Cas {
            Objects.requireNonNull(newValue, "newValue");
        }

        @Override
        public String toString() {
            return "cas " + RegisterState.quote(expected) + "->" + RegisterState.quote(newValue);
        }
    }

    Read READ = new Read();

    static RegisterInput read() {
        return READ;
    }

    static RegisterInput write(String value) {
        return new Write(value);
    }

    static RegisterInput cas(String expected, String newValue) {
        return new Cas(expected, newValue);
    }
}

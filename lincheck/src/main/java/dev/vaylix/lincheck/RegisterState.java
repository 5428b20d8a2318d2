package dev.vaylix.lincheck;

/**
 * The state of one key of a versioned register: its value ({@code null} when absent) and its version
 * (0 when absent, then +1 per store, as Vaylix assigns them). A record, so equality and hash are by
 * value over both fields, as the checker's memoization requires.
 */
public record RegisterState(String value, long version) {

    /** A key that was never written. */
    public static final RegisterState ABSENT = new RegisterState(null, 0);

    public RegisterState {
        if (version < 0) {
            throw new IllegalArgumentException("version " + version + " is negative");
        }
        if ((value == null) != (version == 0)) {
            throw new IllegalArgumentException("version 0 means absent, and only absent");
        }
    }

    /** This state after storing {@code newValue}. */
    RegisterState store(String newValue) {
        return new RegisterState(newValue, version + 1);
    }

    @Override
    public String toString() {
        return quote(value) + " v" + version;
    }

    static String quote(String value) {
        return value == null ? "absent" : '"' + value + '"';
    }
}

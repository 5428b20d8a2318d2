package dev.vaylix.lincheck;

/**
 * Stable codes for every way a history or a check request can be rejected.
 *
 * <p>This module depends on the JDK only (so the Clojure harness can load it alone), which is why it
 * has its own small catalogue instead of {@code dev.vaylix.api.ErrorCode}. Codes are never renamed
 * or reused; scripts may match on them.
 */
public enum LincheckError {
    /** A history line is not one well-formed JSON object. */
    LIN_001("LIN-001", "Malformed History Line"),
    /** A field of an event is missing, has the wrong type or an unknown value. */
    LIN_002("LIN-002", "Invalid Event Field"),
    /** An ok/fail/info event for a process that has no invocation in flight. */
    LIN_003("LIN-003", "Unpaired Completion"),
    /** An invocation for a process that still has an invocation in flight. */
    LIN_004("LIN-004", "Overlapping Invocation"),
    /** A completion whose function, key or echoed value differs from its invocation. */
    LIN_005("LIN-005", "Mismatched Completion"),
    /** An operation that cannot exist: completion before invocation, output of the wrong kind, bad ids. */
    LIN_006("LIN-006", "Invalid Operation"),
    /** The history file could not be read or written. */
    LIN_007("LIN-007", "History I/O Failure"),
    /** Check options out of range. */
    LIN_008("LIN-008", "Invalid Check Options");

    private final String code;
    private final String displayName;

    LincheckError(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The stable code, e.g. {@code LIN-003}. */
    public String code() {
        return code;
    }

    /** A short human name; stable as well. */
    public String displayName() {
        return displayName;
    }
}

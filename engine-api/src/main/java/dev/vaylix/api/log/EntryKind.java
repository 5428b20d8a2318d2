package dev.vaylix.api.log;

/** What a log entry carries. The wire/disk byte is {@link #code()}, never the ordinal. */
public enum EntryKind {
    /** An application command batch (opaque to Raft). */
    COMMAND(1),
    /** A membership change (Raft configuration), applied by Raft itself when appended. */
    CONFIG(2),
    /** The empty entry a new leader appends to commit entries of earlier terms (thesis §3.6.2). */
    NOOP(3);

    private final int code;

    EntryKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EntryKind fromCode(int code) {
        return switch (code) {
            case 1 -> COMMAND;
            case 2 -> CONFIG;
            case 3 -> NOOP;
            default -> throw new IllegalArgumentException("unknown entry kind " + code);
        };
    }
}

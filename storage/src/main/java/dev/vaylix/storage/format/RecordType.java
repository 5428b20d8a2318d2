package dev.vaylix.storage.format;

import java.util.Optional;

/**
 * The type byte of a record. One namespace for every file kind, so a record of one kind can never
 * be read as another. The byte is {@link #code()}, never the ordinal; codes are never reused.
 */
public enum RecordType {
    /** First record of every file: plaintext {@link FileHeader}. */
    FILE_HEADER(1),
    /** A log entry: plaintext index/term/kind/leader time, encrypted payload. */
    WAL_ENTRY(2),
    /** Commits the log entries written since the previous commit, with hard state and compaction point. */
    WAL_COMMIT(3),
    /** Snapshot metadata (encrypted MessagePack). */
    SNAPSHOT_META(4),
    /** A piece of the snapshot's plaintext (encrypted). */
    SNAPSHOT_CHUNK(5),
    /** The manifest (encrypted MessagePack). */
    MANIFEST_BODY(6),
    /** The keyring's keys (MessagePack, encrypted when a master key wraps the keyring). */
    KEYRING_BODY(7);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RecordType> fromCode(int code) {
        for (RecordType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package dev.vaylix.storage.format;

import java.util.Optional;

/** What a file is, as recorded in its {@link FileHeader}. Bound into every record's associated data. */
public enum FileKind {
    WAL_SEGMENT(1, "wal segment"),
    SNAPSHOT(2, "snapshot"),
    MANIFEST(3, "manifest"),
    KEYRING(4, "keyring");

    private final int code;
    private final String label;

    FileKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** Human name, also the HKDF {@code info} suffix that makes every kind's file keys distinct. */
    public String label() {
        return label;
    }

    public static Optional<FileKind> fromCode(int code) {
        for (FileKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

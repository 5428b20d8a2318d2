package dev.vaylix.storage.offline;

/** Where a point-in-time restore stops ({@code --to-sequence} / {@code --to-timestamp-ms}). */
public sealed interface RestorePoint {

    /** Restore the state after the entry at {@code index} (a "sequence" in the reference's words). */
    record ToIndex(long index) implements RestorePoint {
        public ToIndex {
            if (index < 0) {
                throw new IllegalArgumentException("restore index is non-negative: " + index);
            }
        }
    }

    /**
     * Restore the state after the leading run of entries whose leader time is at most
     * {@code timestampMs} (stopping at the first later entry).
     */
    record ToTimestamp(long timestampMs) implements RestorePoint {
        public ToTimestamp {
            if (timestampMs < 0) {
                throw new IllegalArgumentException("restore timestamp is non-negative: " + timestampMs);
            }
        }
    }
}

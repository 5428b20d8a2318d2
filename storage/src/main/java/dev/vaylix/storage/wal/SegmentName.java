package dev.vaylix.storage.wal;

import java.util.Optional;

/**
 * Segment file names in {@code <data-dir>/wal/} (STORAGE.md §5.1): {@code active-<start>.wal} for the
 * segment being written and {@code <start>-<end>.wal} for a sealed one, in plain decimal without zero
 * padding. Other names are not segments (the directory listing ignores them, except for leftover
 * {@code .tmp} files, which the writer deletes).
 *
 * @param start  index of the first entry (for an empty active segment, of the next entry)
 * @param end    index of the last entry of a sealed segment; {@code -1} for an active one
 */
public record SegmentName(long start, long end) {

    public static final String SUFFIX = ".wal";
    private static final String ACTIVE_PREFIX = "active-";

    public SegmentName {
        if (start < 1 || (end != -1 && end < start)) {
            throw new IllegalArgumentException("bad segment range " + start + "-" + end);
        }
    }

    public static SegmentName active(long start) {
        return new SegmentName(start, -1);
    }

    public static SegmentName sealed(long start, long end) {
        return new SegmentName(start, end);
    }

    public boolean isActive() {
        return end == -1;
    }

    public String fileName() {
        return isActive() ? ACTIVE_PREFIX + start + SUFFIX : start + "-" + end + SUFFIX;
    }

    /** The name parsed from {@code fileName}, if it is exactly one of the two forms with u64 decimals. */
    public static Optional<SegmentName> parse(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (stem.startsWith(ACTIVE_PREFIX)) {
            long start = decimal(stem.substring(ACTIVE_PREFIX.length()));
            return start >= 1 ? Optional.of(active(start)) : Optional.empty();
        }
        int dash = stem.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        long start = decimal(stem.substring(0, dash));
        long end = decimal(stem.substring(dash + 1));
        return start >= 1 && end >= start ? Optional.of(sealed(start, end)) : Optional.empty();
    }

    /** A canonical decimal (no sign, no leading zero, fits a signed long), or -1. */
    private static long decimal(String text) {
        if (text.isEmpty() || text.length() > 19 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return fileName();
    }
}

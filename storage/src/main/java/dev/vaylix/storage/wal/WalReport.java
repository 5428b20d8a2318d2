package dev.vaylix.storage.wal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What opening a WAL directory found and did.
 *
 * @param segments     the segment files after opening, oldest first
 * @param tornTail     a torn tail found in the newest active segment, if any
 * @param deletedFiles files removed while opening (void segments, leftover temp files, segments that
 *                     no longer contribute an entry); always empty for a read-only open
 * @param sealedFiles  active segments sealed while opening (their new paths)
 */
public record WalReport(List<SegmentInfo> segments, Optional<TornTail> tornTail, List<Path> deletedFiles,
                        List<Path> sealedFiles) {

    public WalReport {
        segments = List.copyOf(segments);
        deletedFiles = List.copyOf(deletedFiles);
        sealedFiles = List.copyOf(sealedFiles);
    }

    /**
     * One segment file.
     *
     * @param endIndex     last entry the file holds (its start minus one if none)
     * @param liveEndIndex last entry of the file still part of the log (newer segments may override a suffix)
     * @param sizeBytes    file size (a memory-mapped active segment is preallocated)
     * @param keyId        the keyring key the segment is encrypted with
     */
    public record SegmentInfo(String fileName, boolean active, long sequence, long startIndex, long endIndex,
                              long liveEndIndex, long sizeBytes, String keyId) {
    }

    /**
     * A torn final append found at open.
     *
     * @param offset       where the valid data of the file ends
     * @param bytesDropped non-zero bytes beyond {@code offset} (the torn append)
     * @param reason       what the reader found there
     * @param repaired     true if the file was truncated (a writable open); false for a read-only
     *                     open, which reports the tear and leaves it for the next writable open
     */
    public record TornTail(Path file, long offset, long bytesDropped, String reason, boolean repaired) {
    }

    public long totalSizeBytes() {
        return segments.stream().mapToLong(SegmentInfo::sizeBytes).sum();
    }

    /** Collects file actions while opening. */
    static class Builder {
        /** A builder that records nothing (for actions after open). */
        static final Builder DISCARD = new Builder() {
            @Override
            void deleted(Path path) {
            }

            @Override
            void sealed(Path from, Path to) {
            }
        };

        final List<Path> deleted = new ArrayList<>();
        final List<Path> sealed = new ArrayList<>();

        void deleted(Path path) {
            deleted.add(path);
        }

        void sealed(Path from, Path to) {
            sealed.add(to);
        }
    }
}

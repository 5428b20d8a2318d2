package dev.vaylix.storage.wal;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import dev.vaylix.api.log.HardState;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.format.ByteSource;
import dev.vaylix.storage.io.AtomicFile;
import dev.vaylix.storage.io.StorageErrors;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads every segment of a WAL directory and rebuilds the log, deciding for each kind of damage
 * whether it is a torn tail (repairable) or corruption (fail closed). Changes nothing on disk; the
 * writer applies the repairs the {@link Result} lists.
 *
 * <p>The rules (docs/STORAGE.md "Recovery"):
 * <ul>
 *   <li>Segments are ordered by the sequence number in their headers; a segment starting at index
 *       {@code s} replaces older segments' entries from {@code s} on.
 *   <li>Only the newest active segment may end in damage, and only where no commit record vouches
 *       for the bytes as durable: then everything after its last commit record is a torn tail (an
 *       append that was never acknowledged as durable). A newest segment without any commit record
 *       is a torn creation and is void.
 *   <li>Anything else that is unreadable is corruption: ENG-007 for a CRC mismatch, ENG-008 for an
 *       authentication failure, ENG-014 for a structural error. Nothing is skipped.
 *   <li>Across segments: no gaps, the term before each segment's start matches, terms never
 *       decrease, hard state and compaction point never go backwards, and the compaction point lies
 *       within the log.
 * </ul>
 */
final class WalRecovery {

    /**
     * A torn tail found in the newest active segment.
     *
     * @param offset       where the valid data ends (the file is truncated there)
     * @param bytesDropped non-zero bytes after {@code offset} that are discarded
     * @param wholeFile    the segment's creation itself was torn: the file is void
     */
    record TornTail(Path path, long offset, long bytesDropped, String reason, boolean wholeFile) {
    }

    /**
     * @param segments  valid segments in sequence order, each with an open read handle
     * @param garbage   files to delete: void segments and leftover temp files
     */
    record Result(List<Segment> segments, HardState hardState, long compactIndex, long compactTerm, long lastIndex,
                  Optional<TornTail> tornTail, List<Path> garbage, long nextSeq) {
    }

    private record Scanned(SegmentScanner.Result result, StorageFile file) {
    }

    private WalRecovery() {
    }

    static Result recover(FileIO io, Path dir, KeyProvider keys) {
        List<Scanned> scanned = new ArrayList<>();
        List<Path> garbage = new ArrayList<>();
        boolean success = false;
        try {
            for (Path path : io.list(dir)) {
                String fileName = path.getFileName().toString();
                if (!io.isRegularFile(path)) {
                    continue;
                }
                if (fileName.endsWith(AtomicFile.TEMP_SUFFIX)) {
                    garbage.add(path);
                    continue;
                }
                Optional<SegmentName> name = SegmentName.parse(fileName);
                if (name.isPresent()) {
                    StorageFile file = io.open(path, FileIO.OpenMode.READ);
                    scanned.add(new Scanned(null, file));
                    SegmentScanner.Result result = SegmentScanner.scan(ByteSource.of(file), file.size(), name.get(), keys);
                    scanned.set(scanned.size() - 1, new Scanned(result, file));
                }
            }
            Result result = assemble(scanned, garbage);
            success = true;
            return result;
        } catch (IOException e) {
            throw StorageErrors.io("recover", dir, e);
        } finally {
            for (Scanned s : scanned) {
                boolean keep = success && s.result() != null && s.result().valid() && !garbage.contains(s.result().path());
                if (!keep) {
                    closeQuietly(s.file());
                }
            }
        }
    }

    private static Result assemble(List<Scanned> scanned, List<Path> garbage) {
        List<Scanned> headed = new ArrayList<>(scanned.stream().filter(s -> s.result().segment() != null).toList());
        headed.sort(Comparator.comparingLong(s -> s.result().segment().seq));
        for (int i = 1; i < headed.size(); i++) {
            if (headed.get(i).result().segment().seq == headed.get(i - 1).result().segment().seq) {
                throw StorageErrors.structure(headed.get(i).result().path(), "the same sequence number as "
                        + headed.get(i - 1).result().path());
            }
        }
        long maxSealedSeq = headed.stream().filter(s -> !s.result().name().isActive())
                .mapToLong(s -> s.result().segment().seq).max().orElse(0);
        Scanned newestActive = null;
        for (Scanned s : headed) {
            if (s.result().name().isActive()) {
                if (s.result().segment().seq < maxSealedSeq) {
                    throw StorageErrors.structure(s.result().path(), "an active segment older than a sealed one");
                }
                newestActive = s;
            }
        }
        TornTail torn = null;
        for (Scanned s : scanned) {
            SegmentScanner.Result r = s.result();
            boolean mayBeTorn = r.name().isActive() && (r.segment() == null || s == newestActive);
            if (!mayBeTorn) {
                requireIntact(r);
                continue;
            }
            if (r.damage() == null && r.valid()) {
                continue;
            }
            if (r.damage() != null && r.damage().durableClaim() > r.lastCommitEnd()) {
                // A commit record vouches for bytes at or after the damage: they were fsynced, so this is not a tear.
                throw corruption(r);
            }
            if (torn != null) {
                throw StorageErrors.structure(r.path(), "a second damaged segment besides " + torn.path());
            }
            long dataEnd = r.damage() == null ? r.lastCommitEnd() : r.damage().dataEnd();
            String reason = r.damage() == null ? "no commit record" : r.damage().reason();
            torn = new TornTail(r.path(), r.lastCommitEnd(), Math.max(0, dataEnd - r.lastCommitEnd()), reason, !r.valid());
            if (!r.valid()) {
                garbage.add(r.path());
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (Scanned s : headed) {
            if (s.result().valid() && !garbage.contains(s.result().path())) {
                Segment segment = s.result().segment();
                segment.readFile = s.file();
                segment.durableEnd = s.result().lastCommitEnd();
                segments.add(segment);
            }
        }
        long nextSeq = headed.isEmpty() ? 1 : headed.getLast().result().segment().seq + 1;
        return link(segments, lastCommits(scanned, segments), Optional.ofNullable(torn), garbage, nextSeq);
    }

    private static List<WalRecords.Commit> lastCommits(List<Scanned> scanned, List<Segment> segments) {
        List<WalRecords.Commit> commits = new ArrayList<>();
        for (Segment segment : segments) {
            for (Scanned s : scanned) {
                if (s.result().segment() == segment) {
                    commits.add(s.result().lastCommit());
                }
            }
        }
        return commits;
    }

    /** Checks a segment that must be complete: sealed, or an active one a newer segment followed. */
    private static void requireIntact(SegmentScanner.Result r) {
        if (r.damage() != null) {
            throw corruption(r);
        }
        if (!r.valid()) {
            throw StorageErrors.structure(r.path(), "no commit record");
        }
        if (r.name().isActive()) {
            return;
        }
        Segment segment = r.segment();
        if (segment.count() == 0 || r.name().end() != segment.viewEnd()) {
            throw StorageErrors.structure(r.path(), "the name says entries " + r.name().start() + ".." + r.name().end()
                    + " but the file holds " + segment.start + ".." + segment.viewEnd());
        }
        if (r.fileBytes() != r.lastCommitEnd()) {
            throw StorageErrors.structure(r.path(), (r.fileBytes() - r.lastCommitEnd()) + " bytes after the last record of a sealed segment");
        }
    }

    private static VaylixException corruption(SegmentScanner.Result r) {
        SegmentScanner.Damage damage = r.damage();
        if (damage.crcMismatch()) {
            return StorageErrors.checksum(r.path(), damage.stopOffset(), "record CRC32C mismatch");
        }
        return StorageErrors.structure(r.path(), damage.reason() + " at offset " + damage.stopOffset());
    }

    /** Links the segments into one log and checks continuity across them. */
    private static Result link(List<Segment> segments, List<WalRecords.Commit> lastCommits, Optional<TornTail> torn,
                               List<Path> garbage, long nextSeq) {
        if (segments.isEmpty()) {
            return new Result(segments, HardState.INITIAL, 0, 0, 0, torn, garbage, nextSeq);
        }
        // runStart: where the contiguous run of entries that ends at the last index begins.
        long runStart = segments.getFirst().start;
        long last = runStart - 1;
        WalRecords.Commit previousCommit = null;
        long[] minNewerStart = new long[segments.size()];
        long min = Long.MAX_VALUE;
        for (int i = segments.size() - 1; i >= 0; i--) {
            minNewerStart[i] = min;
            min = Math.min(min, segments.get(i).start);
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            WalRecords.Commit commit = lastCommits.get(i);
            if (segment.start >= minNewerStart[i]) {
                // A newer segment overrides all of it: it contributes nothing, so it is not linked
                // (its predecessors may already have been deleted; deletion is not atomic across files).
                segment.liveEnd = segment.start - 1;
                previousCommit = checkMonotonic(segment, previousCommit, commit);
                continue;
            }
            if (i > 0) {
                if (segment.start - 1 <= commit.compactIndex()) {
                    // A log restarted after a snapshot (or compacted past this start): what precedes the
                    // start is covered by the snapshot, so neither a gap nor an older term matters.
                    runStart = segment.start;
                } else if (segment.start > last + 1) {
                    throw StorageErrors.structure(segment.path, "starts at index " + segment.start
                            + " but the log before it ends at " + last);
                } else {
                    long expectedTerm = termAt(segments.subList(0, i), segment.start - 1);
                    if (expectedTerm != segment.prevTerm) {
                        throw StorageErrors.structure(segment.path, "records term " + segment.prevTerm + " for index "
                                + (segment.start - 1) + " where the log has term " + expectedTerm);
                    }
                    runStart = Math.min(runStart, segment.start);
                }
                for (Segment older : segments.subList(0, i)) {
                    older.liveEnd = Math.min(older.liveEnd, segment.start - 1);
                }
            }
            previousCommit = checkMonotonic(segment, previousCommit, commit);
            last = segment.viewEnd();
        }
        Segment newest = segments.getLast();
        long compactIndex = previousCommit.compactIndex();
        long compactTerm = previousCommit.compactTerm();
        if (compactIndex + 1 < runStart || compactIndex > last) {
            throw StorageErrors.structure(newest.path, "the compaction point " + compactIndex + " lies outside the log "
                    + runStart + ".." + last);
        }
        boolean restartedThere = segments.reversed().stream()
                .anyMatch(segment -> segment.start == compactIndex + 1 && segment.prevTerm == compactTerm);
        if (!restartedThere && termAt(segments, compactIndex) != compactTerm) {
            throw StorageErrors.structure(newest.path, "the compaction point " + compactIndex + " has term "
                    + termAt(segments, compactIndex) + " in the log but " + compactTerm + " in the commit record");
        }
        return new Result(segments, previousCommit.hardState(), compactIndex, compactTerm, last, torn, garbage, nextSeq);
    }

    private static WalRecords.Commit checkMonotonic(Segment segment, WalRecords.Commit previous, WalRecords.Commit commit) {
        if (previous != null && (commit.compactIndex() < previous.compactIndex()
                || commit.hardState().term() < previous.hardState().term()
                || commit.hardState().commitIndex() < previous.hardState().commitIndex())) {
            throw StorageErrors.structure(segment.path, "hard state or compaction point goes backwards across segments");
        }
        return commit;
    }

    /** Term of {@code index} in the live view of {@code segments}, or from a header for the index before a start. */
    static long termAt(List<Segment> segments, long index) {
        for (Segment segment : segments.reversed()) {
            if (segment.holdsLive(index)) {
                return segment.termOf(index);
            }
        }
        for (Segment segment : segments.reversed()) {
            if (segment.start - 1 == index) {
                return segment.prevTerm;
            }
        }
        return index == 0 ? 0 : -1;
    }

    private static void closeQuietly(StorageFile file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // Closing a file only read from cannot lose data; the recovery error (if any) matters more.
        }
    }
}

package dev.vaylix.storage.wal;

import dev.vaylix.api.io.StorageFile;
import dev.vaylix.storage.format.ByteSource;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.format.RecordCipher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One segment file in memory: its header, its cipher and the index of the entries it holds.
 *
 * <p>Two views of the entries. The <em>file view</em> {@code start .. viewEnd()} is what the file
 * itself says once its own commit records are applied (each commit may drop a suffix with
 * {@code truncateFrom} before adding its batch). The <em>live</em> part {@code start .. liveEnd} is
 * what remains after newer segments override it: a segment starting at index {@code s} replaces every
 * older segment's entries from {@code s} on (how a Raft conflict that reaches back past the active
 * segment is recorded without rewriting old files).
 *
 * <p>Mutated only by the store's writer under its write lock; read under its read lock.
 */
final class Segment {

    final FileHeader header;
    final RecordCipher cipher;
    final long seq;
    final long start;
    final long prevTerm;
    Path path;
    SegmentName name;
    private long[] offsets = new long[64];
    private long[] terms = new long[64];
    private int count;
    /** Last live index; {@code start - 1} when nothing of this segment is live. */
    long liveEnd;
    /** Bytes up to the end of the last commit record. */
    long dataEnd;
    /** Bytes known to be on stable storage. */
    long durableEnd;
    /** The writer while this is the active segment. */
    SegmentWriter writer;
    /** Read handle once the segment is sealed (or while it is scanned). */
    StorageFile readFile;

    Segment(FileHeader header, RecordCipher cipher, Path path, SegmentName name) {
        this.header = header;
        this.cipher = cipher;
        this.seq = header.field1();
        this.start = header.field2();
        this.prevTerm = header.field3();
        this.path = path;
        this.name = name;
        this.liveEnd = start - 1;
    }

    int count() {
        return count;
    }

    long viewEnd() {
        return start + count - 1;
    }

    boolean hasLive() {
        return liveEnd >= start;
    }

    boolean holdsLive(long index) {
        return index >= start && index <= liveEnd;
    }

    void add(long offset, long term) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            terms = Arrays.copyOf(terms, count * 2);
        }
        offsets[count] = offset;
        terms[count] = term;
        count++;
    }

    /** Drops the file view from {@code fromIndex} on ({@code start <= fromIndex <= viewEnd() + 1}). */
    void truncateView(long fromIndex) {
        count = (int) (fromIndex - start);
        liveEnd = Math.min(liveEnd, viewEnd());
    }

    /** Marks the whole file view live (this is the newest segment). */
    void liveToViewEnd() {
        liveEnd = viewEnd();
    }

    long offsetOf(long index) {
        return offsets[(int) (index - start)];
    }

    /** Term of {@code index} in the file view, or of {@code start - 1} from the header. */
    long termOf(long index) {
        return index == start - 1 ? prevTerm : terms[(int) (index - start)];
    }

    /** Where reads of this segment go: the writer while active, the read handle once sealed. */
    ByteSource source() {
        SegmentWriter w = writer;
        return w != null ? w.reader() : ByteSource.of(readFile);
    }

    void closeFiles() throws IOException {
        closeFiles(true);
    }

    /** Closes the writer (writing out buffered bytes only if {@code writeOut}) and the read handle. */
    void closeFiles(boolean writeOut) throws IOException {
        IOException failure = null;
        if (writer != null) {
            try {
                if (writeOut) {
                    writer.close();
                } else {
                    writer.abandon();
                }
            } catch (IOException e) {
                failure = e;
            }
            writer = null;
        }
        if (readFile != null) {
            try {
                readFile.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            readFile = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return name + "[seq " + seq + ", " + start + ".." + viewEnd() + ", live to " + liveEnd + "]";
    }
}

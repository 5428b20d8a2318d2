package dev.vaylix.storage.wal;

import dev.vaylix.api.log.SyncPolicy;
import java.util.Objects;

/**
 * How the write-ahead log behaves ({@code --wal-sync}, {@code --wal-segment-size-bytes},
 * {@code --wal-retain-segments}, and the implementation).
 *
 * @param syncPolicy       when appends are durable; {@link SyncPolicy#SYNC} by default
 * @param segmentSizeBytes a segment is sealed and a new one started before an append would take it
 *                         past this size (a single batch larger than it gets a segment of its own);
 *                         0 disables rotation (channel backend only, since a mapped segment needs a
 *                         size to preallocate)
 * @param retainSegments   sealed segments kept even when a snapshot covers them (for inspection and
 *                         history); older ones covered by a snapshot are deleted at compaction
 * @param backend          the implementation
 */
public record WalOptions(SyncPolicy syncPolicy, long segmentSizeBytes, int retainSegments, Backend backend) {

    public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L << 20;
    public static final int DEFAULT_RETAIN_SEGMENTS = 128;
    /**
     * Largest segment the MAPPED backend maps, whatever {@code segmentSizeBytes} says. Measured on
     * Linux 6.18 / ext4 (docs/PERFORMANCE.md, {@code MmapSyncProbe} in bench): an append copied into a
     * mapping and msynced costs about what {@code write} + {@code fdatasync} of the same bytes costs
     * while it lands in the first 32 MiB of the file, and three to five times as much beyond, at every
     * batch size tried (4.5 kB to 300 kB); a new file resets it. Rotating mapped segments at 32 MiB
     * costs a few fsyncs per 32 MiB and keeps every append in the fast part.
     */
    public static final long MAPPED_SEGMENT_BYTES_MAX = 32L << 20;
    /** Smallest segment size accepted: room for the header, a commit and a few entries. */
    public static final long MIN_SEGMENT_SIZE_BYTES = 512;

    /** The two implementations behind {@link dev.vaylix.api.log.LogStore}. */
    public enum Backend {
        /** Positional {@code FileChannel} writes; buffered appends live in a process buffer. */
        CHANNEL,
        /**
         * Preallocated segments mapped with FFM {@code MemorySegment}s; appends are memory copies. A
         * mapped segment holds at most {@link #MAPPED_SEGMENT_BYTES_MAX} (a batch larger than that gets
         * a segment of its own, as with any size).
         */
        MAPPED
    }

    public static final WalOptions DEFAULTS =
            new WalOptions(SyncPolicy.SYNC, DEFAULT_SEGMENT_SIZE_BYTES, DEFAULT_RETAIN_SEGMENTS, Backend.CHANNEL);

    public WalOptions {
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(backend, "backend");
        if (segmentSizeBytes != 0 && segmentSizeBytes < MIN_SEGMENT_SIZE_BYTES) {
            throw new IllegalArgumentException("wal segment size must be 0 or at least " + MIN_SEGMENT_SIZE_BYTES + " bytes: " + segmentSizeBytes);
        }
        if (segmentSizeBytes == 0 && backend == Backend.MAPPED) {
            throw new IllegalArgumentException("the memory-mapped wal needs a segment size to preallocate");
        }
        if (retainSegments < 0) {
            throw new IllegalArgumentException("retained segment count is non-negative: " + retainSegments);
        }
    }

    /** Bytes a MAPPED segment is preallocated and mapped with: the segment size, at most {@link #MAPPED_SEGMENT_BYTES_MAX}. */
    long mappedSegmentBytes() {
        return Math.min(segmentSizeBytes, MAPPED_SEGMENT_BYTES_MAX);
    }

    public WalOptions withSyncPolicy(SyncPolicy policy) {
        return new WalOptions(policy, segmentSizeBytes, retainSegments, backend);
    }

    public WalOptions withSegmentSizeBytes(long size) {
        return new WalOptions(syncPolicy, size, retainSegments, backend);
    }

    public WalOptions withRetainSegments(int count) {
        return new WalOptions(syncPolicy, segmentSizeBytes, count, backend);
    }

    public WalOptions withBackend(Backend value) {
        return new WalOptions(syncPolicy, segmentSizeBytes, retainSegments, value);
    }
}

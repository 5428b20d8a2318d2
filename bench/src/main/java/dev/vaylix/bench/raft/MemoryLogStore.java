package dev.vaylix.bench.raft;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The no-fsync log of {@link DriverCommitBenchmark}'s {@code memory} variant: the {@link LogStore}
 * contract kept in a list, so that variant measures the driver's threads and the protocol without any
 * storage cost. Nothing here survives the process; it is a benchmark baseline, never a store for data.
 * Thread-safe (every method is synchronized): the driver's persistence thread writes, its apply thread
 * compacts and the Raft loop reads.
 */
final class MemoryLogStore implements LogStore {

    /** Entries {@code offset + 1 ..}: {@code offset} is the compaction point. */
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    private long offset;
    private long offsetTerm;
    private HardState hardState = HardState.INITIAL;
    private boolean closed;

    @Override
    public synchronized HardState hardState() {
        return hardState;
    }

    @Override
    public synchronized long firstIndex() {
        return offset + 1;
    }

    @Override
    public synchronized long lastIndex() {
        return offset + entries.size();
    }

    @Override
    public synchronized long term(long index) {
        requireOpen();
        if (index == offset) {
            return offsetTerm;
        }
        return at(index).term();
    }

    @Override
    public synchronized List<LogEntry> entries(long from, long toExclusive, long maxBytes) {
        requireOpen();
        if (from < firstIndex() || from > toExclusive || toExclusive > lastIndex() + 1) {
            throw refused("entries [" + from + ", " + toExclusive + ") of [" + firstIndex() + ", " + (lastIndex() + 1) + ")");
        }
        List<LogEntry> page = new ArrayList<>();
        long bytes = 0;
        for (long index = from; index < toExclusive; index++) {
            LogEntry entry = at(index);
            bytes += entry.sizeBytes();
            if (!page.isEmpty() && bytes > maxBytes) {
                break;
            }
            page.add(entry);
        }
        return List.copyOf(page);
    }

    @Override
    public synchronized void append(List<LogEntry> batch, HardState next) {
        requireOpen();
        if (!batch.isEmpty()) {
            long first = batch.getFirst().index();
            if (first <= offset || first > lastIndex() + 1) {
                throw refused("append at " + first + " to a log holding (" + offset + ", " + lastIndex() + "]");
            }
            for (int i = 1; i < batch.size(); i++) {
                if (batch.get(i).index() != first + i) {
                    throw refused("a batch with a gap after index " + (first + i - 1));
                }
            }
            dropFrom(first);
            entries.addAll(batch);
        }
        hardState = next;
    }

    @Override
    public synchronized void truncateSuffix(long fromIndex) {
        requireOpen();
        if (fromIndex <= offset) {
            throw refused("truncate at " + fromIndex + ", at or below the compaction point " + offset);
        }
        if (fromIndex <= lastIndex()) {
            dropFrom(fromIndex);
        }
    }

    @Override
    public synchronized void compact(long snapshotIndex, long snapshotTerm) {
        requireOpen();
        if (snapshotIndex <= offset) {
            return;
        }
        if (snapshotIndex <= lastIndex() && at(snapshotIndex).term() == snapshotTerm) {
            entries.subList(0, (int) (snapshotIndex - offset)).clear();
        } else {
            entries.clear();
        }
        offset = snapshotIndex;
        offsetTerm = snapshotTerm;
    }

    /** Nothing to make durable: this store promises nothing beyond the process. */
    @Override
    public void sync() {
    }

    /** Reported as {@code buffered}: an append is never durable here. */
    @Override
    public SyncPolicy syncPolicy() {
        return SyncPolicy.BUFFERED;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private LogEntry at(long index) {
        if (index <= offset || index > lastIndex()) {
            throw refused("index " + index + " outside [" + offset + ", " + lastIndex() + "]");
        }
        return entries.get((int) (index - offset - 1));
    }

    private void dropFrom(long index) {
        entries.subList((int) (index - offset - 1), entries.size()).clear();
    }

    private void requireOpen() {
        if (closed) {
            throw refused("the log is closed");
        }
    }

    private static VaylixException refused(String detail) {
        return ErrorCode.ENG_011.exception(detail);
    }
}

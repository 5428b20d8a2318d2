package dev.vaylix.raft.driver;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LogStore} in memory, written against the interface contract (engine-api LogStore) for the
 * driver's tests until the storage module's implementation is merged. "Durable" here means "in this
 * object": it survives a driver restart in the same JVM, which is what the tests need. Thread-safe.
 */
final class InMemoryLogStore implements LogStore {

    private HardState hardState = HardState.INITIAL;
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    /** The compaction point: entries start at {@code compactedIndex + 1}. */
    private long compactedIndex;
    private long compactedTerm;
    private long appends;
    private boolean closed;

    @Override
    public synchronized HardState hardState() {
        return hardState;
    }

    @Override
    public synchronized long firstIndex() {
        return compactedIndex + 1;
    }

    @Override
    public synchronized long lastIndex() {
        return compactedIndex + entries.size();
    }

    @Override
    public synchronized long term(long index) {
        checkOpen();
        if (index == compactedIndex) {
            return compactedTerm;
        }
        if (index < compactedIndex || index > lastIndex()) {
            throw invalid("term of " + index + " outside [" + compactedIndex + ", " + lastIndex() + "]");
        }
        return entries.get((int) (index - compactedIndex - 1)).term();
    }

    @Override
    public synchronized List<LogEntry> entries(long from, long toExclusive, long maxBytes) {
        checkOpen();
        if (from < firstIndex() || toExclusive > lastIndex() + 1 || from > toExclusive) {
            throw invalid("entries [" + from + ", " + toExclusive + ") outside [" + firstIndex() + ", " + (lastIndex() + 1) + ")");
        }
        List<LogEntry> out = new ArrayList<>();
        long bytes = 0;
        for (long index = from; index < toExclusive; index++) {
            LogEntry entry = entries.get((int) (index - compactedIndex - 1));
            bytes += entry.sizeBytes();
            if (!out.isEmpty() && bytes > maxBytes) {
                break;
            }
            out.add(entry);
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized void append(List<LogEntry> newEntries, HardState newHardState) {
        checkOpen();
        if (!newEntries.isEmpty()) {
            long first = newEntries.getFirst().index();
            if (first <= compactedIndex || first > lastIndex() + 1) {
                throw invalid("append at " + first + " outside (" + compactedIndex + ", " + (lastIndex() + 1) + "]");
            }
            for (int i = 1; i < newEntries.size(); i++) {
                if (newEntries.get(i).index() != first + i) {
                    throw invalid("entries are not contiguous");
                }
            }
            entries.subList((int) (first - compactedIndex - 1), entries.size()).clear();
            entries.addAll(newEntries);
        }
        hardState = newHardState;
        appends++;
    }

    @Override
    public synchronized void truncateSuffix(long fromIndex) {
        checkOpen();
        if (fromIndex <= compactedIndex) {
            throw invalid("truncate at " + fromIndex + " below the compaction point " + compactedIndex);
        }
        if (fromIndex <= lastIndex()) {
            entries.subList((int) (fromIndex - compactedIndex - 1), entries.size()).clear();
        }
    }

    @Override
    public synchronized void compact(long snapshotIndex, long snapshotTerm) {
        checkOpen();
        if (snapshotIndex <= compactedIndex) {
            return;
        }
        if (snapshotIndex >= lastIndex()) {
            entries.clear();
        } else {
            if (term(snapshotIndex) != snapshotTerm) {
                throw invalid("compact at " + snapshotIndex + "/" + snapshotTerm + " but the log has term "
                        + term(snapshotIndex));
            }
            entries.subList(0, (int) (snapshotIndex - compactedIndex)).clear();
        }
        compactedIndex = snapshotIndex;
        compactedTerm = snapshotTerm;
    }

    @Override
    public void sync() {
        // Every mutation is "durable" as soon as it returns (SyncPolicy.SYNC): nothing to do.
    }

    @Override
    public SyncPolicy syncPolicy() {
        return SyncPolicy.SYNC;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Reopens after a simulated restart (the contents survive). */
    synchronized void reopen() {
        closed = false;
    }

    synchronized long appends() {
        return appends;
    }

    private void checkOpen() {
        if (closed) {
            throw invalid("log store is closed");
        }
    }

    private static VaylixException invalid(String detail) {
        return new VaylixException(ErrorCode.ENG_011, ErrorCode.ENG_011.message(detail));
    }
}

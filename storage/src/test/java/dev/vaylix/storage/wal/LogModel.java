package dev.vaylix.storage.wal;

import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import java.util.ArrayList;
import java.util.List;

/**
 * An obviously correct log in memory: what a {@link LogStore} must look like after a sequence of
 * mutations. Immutable; every mutation returns the next state.
 *
 * @param live entries {@code compactIndex + 1 .. lastIndex()}, in order
 */
record LogModel(long compactIndex, long compactTerm, List<LogEntry> live, HardState hardState) {

    static final LogModel EMPTY = new LogModel(0, 0, List.of(), HardState.INITIAL);

    LogModel {
        live = List.copyOf(live);
    }

    long lastIndex() {
        return compactIndex + live.size();
    }

    long term(long index) {
        return index == compactIndex ? compactTerm : live.get((int) (index - compactIndex - 1)).term();
    }

    LogModel append(List<LogEntry> entries, HardState next) {
        List<LogEntry> kept = new ArrayList<>(live);
        if (!entries.isEmpty()) {
            kept = new ArrayList<>(live.subList(0, (int) (entries.getFirst().index() - compactIndex - 1)));
            kept.addAll(entries);
        }
        return new LogModel(compactIndex, compactTerm, kept, next);
    }

    LogModel truncateSuffix(long fromIndex) {
        if (fromIndex > lastIndex()) {
            return this;
        }
        return new LogModel(compactIndex, compactTerm, live.subList(0, (int) (fromIndex - compactIndex - 1)), hardState);
    }

    LogModel compact(long index, long term) {
        if (index <= compactIndex) {
            return this;
        }
        if (index <= lastIndex() && term(index) == term) {
            return new LogModel(index, term, live.subList((int) (index - compactIndex), live.size()), hardState);
        }
        return new LogModel(index, term, List.of(), hardState);
    }

    /** The same observable state read from a store. */
    static LogModel readFrom(LogStore log) {
        long first = log.firstIndex();
        return new LogModel(first - 1, log.term(first - 1), log.entries(first, log.lastIndex() + 1, Long.MAX_VALUE),
                log.hardState());
    }

    @Override
    public String toString() {
        return "Log[compacted to " + compactIndex + "@" + compactTerm + ", last " + lastIndex() + ", terms "
                + live.stream().map(e -> e.index() + "@" + e.term()).toList() + ", " + hardState + "]";
    }
}

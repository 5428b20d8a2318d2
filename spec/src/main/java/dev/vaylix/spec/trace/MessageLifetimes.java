package dev.vaylix.spec.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events of one trace, in TLA+ form, plus what keeps TLC's copy of the network small.
 *
 * <p>The spec's network is a set that a duplicate delivery ({@code ReceiveDup}) never shrinks, and
 * an implementation run sends tens of thousands of messages; carried along, they would make every
 * state of the check as large as the whole run. So once the whole trace is known, each message
 * (by its exact TLA+ value) is removed from the network after its last use: the last delivery of
 * it consumes it ({@code consume |-> TRUE}); a message whose last use is a send (it was lost, or
 * never delivered) is removed by a {@code discard} step (the spec's {@code Drop}, for a set of
 * messages) that follows every {@link #DISCARD_BATCH} events, so that discards cost few steps (TLC
 * checks behaviours of at most 65,535 states). A message that a later step sends again is still
 * there when it is used again, because only what has no later use is removed. Removing a message
 * the run never uses again cannot change which events are explainable.
 *
 * <p>Not thread-safe; one per generated trace.
 */
final class MessageLifetimes {

    /** Events between two discard steps. */
    static final int DISCARD_BATCH = 256;

    private record Event(String record, int line, String msg, boolean receive) {}

    private final List<Event> events = new ArrayList<>();
    private List<String> records;
    private List<Integer> lines;

    int size() {
        return events.size();
    }

    /**
     * Adds an event.
     *
     * @param record  the TLA+ record without its closing bracket
     * @param line    its line in the trace file
     * @param msg     the TLA+ value of the message it sends, checks or delivers, or null
     * @param receive true for a delivery (which may consume the message)
     */
    void add(String record, int line, String msg, boolean receive) {
        if (records != null) {
            throw new IllegalStateException("already closed");
        }
        Objects.requireNonNull(record, "record");
        if (!record.endsWith("]")) {
            throw new IllegalArgumentException("not a record: " + record);
        }
        events.add(new Event(record.substring(0, record.length() - 1), line, msg, receive));
    }

    /** Decides, for every message, where it leaves the network. */
    void close() {
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).msg() != null) {
                lastUse.put(events.get(i).msg(), i);
            }
        }
        records = new ArrayList<>(events.size() + events.size() / DISCARD_BATCH + 1);
        lines = new ArrayList<>(events.size() + events.size() / DISCARD_BATCH + 1);
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            boolean last = e.msg() != null && lastUse.get(e.msg()) == i;
            if (e.receive()) {
                records.add(e.record() + ", consume |-> " + (last ? "TRUE" : "FALSE") + "]");
            } else {
                records.add(e.record() + "]");
                if (last) {
                    unused.add(e.msg());
                }
            }
            lines.add(e.line());
            if (!unused.isEmpty() && (i + 1) % DISCARD_BATCH == 0) {
                records.add("[action |-> \"discard\", msgs |-> {" + String.join(", ", unused) + "}]");
                lines.add(e.line());
                unused.clear();
            }
        }
    }

    /** The TLA+ records, in order, with the generated discard steps. */
    List<String> records() {
        if (records == null) {
            throw new IllegalStateException("not closed");
        }
        return records;
    }

    /** The trace-file line of each record (a discard step gets the line of the message's last use). */
    List<Integer> lines() {
        if (lines == null) {
            throw new IllegalStateException("not closed");
        }
        return lines;
    }
}

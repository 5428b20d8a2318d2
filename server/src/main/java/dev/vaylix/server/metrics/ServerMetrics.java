package dev.vaylix.server.metrics;

import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live values of the {@link Metric}s: lock-free, safe to update from every connection thread.
 *
 * <p>Counters are {@link LongAdder}s (no contention on hot paths such as the request count);
 * gauges are {@link AtomicLong}s. Counters only grow: {@link #add} refuses a negative delta for
 * them, and {@link #set} / {@link #recordMax} refuse counters, so a wiring mistake fails loudly in
 * tests instead of producing a counter that goes down.
 *
 * <p>Replies are built from a {@link #snapshot()}; each value is read once, but the values of one
 * snapshot are not read atomically together (as in any metrics registry).
 */
public final class ServerMetrics {

    private static final Metric[] METRICS = Metric.values();

    private final LongAdder[] counters = new LongAdder[METRICS.length];
    private final AtomicLong[] gauges = new AtomicLong[METRICS.length];
    /** For counters that mirror a total kept elsewhere ({@link #raiseTo}): the total reported so far. */
    private final AtomicLong[] mirrored = new AtomicLong[METRICS.length];

    private final List<Metric> reported;

    /** The 23 metrics of COMMANDS.md §10.2 in the replies (ours are kept but not reported). */
    public ServerMetrics() {
        this(false);
    }

    /** @param extended whether the replies also report our own metrics ({@code --extended-metrics}) */
    public ServerMetrics(boolean extended) {
        this.reported = Metric.reported(extended);
        for (Metric metric : METRICS) {
            if (metric.kind() == Metric.Kind.COUNTER) {
                counters[metric.ordinal()] = new LongAdder();
            } else {
                gauges[metric.ordinal()] = new AtomicLong();
            }
            mirrored[metric.ordinal()] = new AtomicLong();
        }
    }

    /**
     * Raises a counter that mirrors a total kept elsewhere (the Raft driver's) to {@code total}; a smaller
     * total (a concurrent, older reading) changes nothing. Thread-safe.
     */
    public void raiseTo(Metric counter, long total) {
        if (counter.kind() != Metric.Kind.COUNTER) {
            throw new IllegalArgumentException(counter.key() + " is a gauge, not a counter");
        }
        long before = mirrored[counter.ordinal()].getAndAccumulate(total, Math::max);
        if (total > before) {
            counters[counter.ordinal()].add(total - before);
        }
    }

    /** Adds one to a counter, or to a gauge. */
    public void increment(Metric metric) {
        add(metric, 1);
    }

    /** Subtracts one from a gauge (e.g. {@link Metric#CONNECTION_ACTIVE} when a connection closes). */
    public void decrement(Metric metric) {
        gauge(metric).decrementAndGet();
    }

    /**
     * @param delta not negative for counters
     */
    public void add(Metric metric, long delta) {
        if (metric.kind() == Metric.Kind.COUNTER) {
            if (delta < 0) {
                throw new IllegalArgumentException("counter " + metric.key() + " cannot decrease");
            }
            counters[metric.ordinal()].add(delta);
        } else {
            gauges[metric.ordinal()].addAndGet(delta);
        }
    }

    /** Sets a gauge (e.g. {@link Metric#READ_INDEX_LAG}). */
    public void set(Metric metric, long value) {
        gauge(metric).set(value);
    }

    /** Raises a gauge to {@code value} if it is larger ({@link Metric#HA_WRITE_BATCH_MAX_SIZE}). */
    public void recordMax(Metric metric, long value) {
        gauge(metric).accumulateAndGet(value, Math::max);
    }

    /** The current value; gauges below zero (a wiring bug) read as zero, as the replies are u64. */
    public long value(Metric metric) {
        return metric.kind() == Metric.Kind.COUNTER ? counters[metric.ordinal()].sum()
                : Math.max(0, gauges[metric.ordinal()].get());
    }

    /** Every value, in {@link Metric} order. */
    public Snapshot snapshot() {
        long[] values = new long[METRICS.length];
        for (Metric metric : METRICS) {
            values[metric.ordinal()] = value(metric);
        }
        return new Snapshot(values, reported);
    }

    private AtomicLong gauge(Metric metric) {
        AtomicLong gauge = gauges[metric.ordinal()];
        if (gauge == null) {
            throw new IllegalArgumentException(metric.key() + " is a counter, not a gauge");
        }
        return gauge;
    }

    /** The values of all metrics at one moment, and the replies built from them. Immutable. */
    public static final class Snapshot {

        private final long[] values;
        private final List<Metric> reported;

        Snapshot(long[] values, List<Metric> reported) {
            this.values = values;
            this.reported = reported;
        }

        /** How many metrics the replies report: 23, or 23 plus ours with {@code --extended-metrics}. */
        public int reportedCount() {
            return reported.size();
        }

        public long get(Metric metric) {
            return values[metric.ordinal()];
        }

        /** METRICS: {@code <name>} = decimal u64, the 23 of §10.2 in their order, then ours if reported ({@link Metric}). */
        public Reply.Entries entries() {
            List<Reply.Entry> entries = new ArrayList<>(reported.size());
            for (Metric metric : reported) {
                entries.add(Reply.Entry.text(metric.key(), Long.toUnsignedString(values[metric.ordinal()])));
            }
            return new Reply.Entries(entries);
        }

        /** The INFO entries {@code metrics.<name>}, in §10.2 order (INFO sorts its keys itself). */
        public List<Reply.Entry> infoEntries() {
            List<Reply.Entry> entries = new ArrayList<>(reported.size());
            for (Metric metric : reported) {
                entries.add(Reply.Entry.text("metrics." + metric.key(), Long.toUnsignedString(values[metric.ordinal()])));
            }
            return entries;
        }

        /**
         * METRICS PROM (§10.3): per metric {@code # HELP <prom> <help> Unit: <unit>.},
         * {@code # TYPE <prom> counter|gauge}, {@code <prom> <value>}; lines joined by {@code \n}, no
         * trailing newline.
         */
        public String prometheusText() {
            StringBuilder text = new StringBuilder(reported.size() * 200);
            for (Metric metric : reported) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                String name = metric.promName();
                text.append("# HELP ").append(name).append(' ').append(metric.help()).append(" Unit: ").append(metric.unit())
                        .append(".\n");
                text.append("# TYPE ").append(name).append(' ').append(metric.kind().text()).append('\n');
                text.append(name).append(' ').append(Long.toUnsignedString(values[metric.ordinal()]));
            }
            return text.toString();
        }

        /** METRICS PROM as the value reply. */
        public Reply.Data prometheusReply() {
            return Reply.Data.utf8(prometheusText());
        }
    }
}

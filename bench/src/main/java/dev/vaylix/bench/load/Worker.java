package dev.vaylix.bench.load;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.VaylixConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One connection's closed loop: build a batch of {@code pipeline} operations from the {@link Keyspace}, send it
 * pipelined ({@link VaylixConnection#executeAll}: one write, then the answers in order), check every reply,
 * record, repeat until {@link Phase#STOP}.
 *
 * <p>Latency of an operation is the time from sending its batch until the whole batch is answered: an upper
 * bound on each operation's own latency, exact with {@code --pipeline 1}. It is recorded in microseconds into
 * one {@link SingleWriterRecorder} per operation kind (this worker is the only writer; the coordinator takes
 * interval histograms to separate warm-up from measurement).
 *
 * <p>Not thread-safe except for the recorders and {@link #failure()}; errors are read after the thread ends.
 */
final class Worker implements Runnable {

    private static final Command MULTI = new Command.Multi();
    private static final Command EXEC = new Command.Exec();

    private final VaylixConnection connection;
    private final LoadSettings settings;
    private final Keyspace keyspace;
    private final Supplier<Phase> phase;
    private final SplittableRandom random;
    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[OperationKind.values().length];
    private final long[] errors = new long[OperationKind.values().length];
    private final List<Command> batch = new ArrayList<>();
    private final OperationKind[] kinds;
    private final int[] firstReply;
    private volatile RuntimeException failure;

    Worker(VaylixConnection connection, LoadSettings settings, Keyspace keyspace, Supplier<Phase> phase, long seed) {
        this.connection = connection;
        this.settings = settings;
        this.keyspace = keyspace;
        this.phase = phase;
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = new SingleWriterRecorder(3); // auto-resizing, 3 significant digits
        }
        kinds = new OperationKind[settings.pipeline()];
        firstReply = new int[settings.pipeline()];
    }

    @Override
    public void run() {
        int[] counts = new int[OperationKind.values().length];
        while (phase.get() != Phase.STOP) { // bounded by the run's duration
            fill();
            long startNanos = System.nanoTime();
            List<Reply> replies;
            try {
                replies = connection.executeAll(batch);
            } catch (RuntimeException e) {
                failure = e; // the connection is closed; this worker is done
                return;
            }
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos);
            boolean measuring = phase.get() == Phase.MEASURE;
            Arrays.fill(counts, 0);
            for (int op = 0; op < kinds.length; op++) {
                OperationKind kind = kinds[op];
                if (succeeded(kind, replies, firstReply[op])) {
                    counts[kind.ordinal()]++;
                } else if (measuring) {
                    errors[kind.ordinal()]++;
                }
            }
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    recorders[k].recordValueWithCount(micros, counts[k]);
                }
            }
        }
    }

    /** Builds the next batch: {@code pipeline} operations. */
    private void fill() {
        batch.clear();
        for (int op = 0; op < kinds.length; op++) {
            firstReply[op] = batch.size();
            switch (settings.workload()) {
                case GET -> addGet(op);
                case SET -> addSet(op);
                case MIXED -> {
                    if (random.nextDouble() < settings.readRatio()) {
                        addGet(op);
                    } else {
                        addSet(op);
                    }
                }
                case TRANSACTION -> {
                    kinds[op] = OperationKind.TRANSACTION;
                    batch.add(MULTI);
                    for (int i = 0; i < settings.transactionSize(); i++) {
                        batch.add(keyspace.set(random.nextInt(keyspace.size())));
                    }
                    batch.add(EXEC);
                }
            }
        }
    }

    private void addGet(int op) {
        kinds[op] = OperationKind.GET;
        batch.add(keyspace.get(random.nextInt(keyspace.size())));
    }

    private void addSet(int op) {
        kinds[op] = OperationKind.SET;
        batch.add(keyspace.set(random.nextInt(keyspace.size())));
    }

    /** True if the replies of the operation starting at reply {@code first} are what success looks like. */
    private boolean succeeded(OperationKind kind, List<Reply> replies, int first) {
        return switch (kind) {
            case GET -> replies.get(first) instanceof Reply.Data || replies.get(first) instanceof Reply.NotFound;
            case SET -> replies.get(first) instanceof Reply.Ok;
            case TRANSACTION -> {
                if (!(replies.get(first) instanceof Reply.Ok)) {
                    yield false;
                }
                int size = settings.transactionSize();
                for (int i = 1; i <= size; i++) {
                    if (!Reply.QUEUED.equals(replies.get(first + i))) {
                        yield false;
                    }
                }
                yield replies.get(first + size + 1) instanceof Reply.ExecResults results && results.results().size() == size;
            }
        };
    }

    SingleWriterRecorder recorder(OperationKind kind) {
        return recorders[kind.ordinal()];
    }

    /** Errors counted while measuring; read after the worker's thread ended. */
    long errors(OperationKind kind) {
        return errors[kind.ordinal()];
    }

    /** The failure that ended this worker early, or null. */
    RuntimeException failure() {
        return failure;
    }
}

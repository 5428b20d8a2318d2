package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Readers racing the apply thread never see half of an entry: every transaction rewrites all keys
 * to one generation number (or clears them all), so any read that mixes generations, or sees some
 * keys present and others absent, observed a partial apply.
 */
class ConcurrentReadsTest {

    private static final int KEY_COUNT = 16;
    private static final int BATCHES = 4_000;
    private static final int READERS = 2;

    @Test
    void readers_see_every_transaction_entirely_or_not_at_all() throws InterruptedException {
        MemoryEngine engine = new MemoryEngine();
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < KEY_COUNT; i++) {
            keys.add(Key.of("k" + i));
        }
        AtomicBoolean writerDone = new AtomicBoolean();
        AtomicReference<String> violation = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        AtomicLong distinctGenerationsSeen = new AtomicLong();
        CountDownLatch started = new CountDownLatch(READERS);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(Thread.ofPlatform().name("reader-" + r).start(() -> {
                started.countDown();
                String lastGeneration = null;
                while (!writerDone.get() && violation.get() == null) {
                    String problem = check(engine, keys);
                    if (problem != null && problem.startsWith("!")) {
                        violation.compareAndSet(null, problem.substring(1));
                    } else if (problem != null && !problem.equals(lastGeneration)) {
                        lastGeneration = problem;
                        distinctGenerationsSeen.incrementAndGet();
                    }
                    reads.incrementAndGet();
                }
            }));
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long index = 0;
        for (int generation = 1; generation <= BATCHES && violation.get() == null; generation++) {
            Bytes value = Bytes.utf8(Integer.toString(generation));
            WriteBatch batch = generation % 10 == 0
                    ? WriteBatch.transaction(new Command.Clear())
                    : generation % 2 == 0
                            ? new WriteBatch.Single(new Command.MSet(keys.stream().map(k -> new KeyValue(k, value)).toList()))
                            : new WriteBatch.Transaction(keys.stream().<Command>map(k -> Command.Set.of(k, value)).toList());
            engine.apply(++index, generation, batch);
            if (generation % 500 == 0) {
                awaitReaderProgress(reads); // on a busy machine, make sure reads interleave with writes
            }
        }
        writerDone.set(true);
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(null, violation.get());
        assertTrue(reads.get() > 0, "the readers ran");
        assertTrue(distinctGenerationsSeen.get() > 1, "the readers saw the state change: " + distinctGenerationsSeen.get());
    }

    private static void awaitReaderProgress(AtomicLong reads) {
        long before = reads.get();
        long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reads.get() < before + READERS && System.nanoTime() < deadlineNanos) {
            Thread.onSpinWait();
        }
    }

    /** Null for an empty keyspace, the generation seen, or "!" + a description of a torn read. */
    private static String check(MemoryEngine engine, List<Key> keys) {
        Reply.Values values = (Reply.Values) engine.read(new Command.MGet(keys), 0);
        Optional<Bytes> first = values.values().getFirst();
        for (Optional<Bytes> value : values.values()) {
            if (!value.equals(first)) {
                return "!torn MGET: " + values;
            }
        }
        long size = ((Reply.Count) engine.read(new Command.DbSize(), 0)).value();
        if (size != 0 && size != KEY_COUNT) {
            return "!torn DBSIZE: " + size;
        }
        return first.map(Bytes::utf8String).orElse(null);
    }
}

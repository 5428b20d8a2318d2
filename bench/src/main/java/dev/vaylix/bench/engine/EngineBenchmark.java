package dev.vaylix.bench.engine;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.engine.memory.MemoryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine GET/SET/MGET/SCAN throughput (ops/s) of {@link MemoryEngine} over {@code keyCount} keys of
 * {@code valueBytes}-byte values, beside a plain {@link TreeMap} doing the same lookups and puts in
 * the same run: the ratio is the price of the persistent (path-copying) tree that gives readers
 * atomic, lock-free snapshots.
 *
 * <p>Writes go through {@code apply} directly (no log codec) so the figure is the state machine's;
 * reads through {@code read}. Keys are visited in a seeded random order precomputed in setup.
 *
 * <p>Run on a quiet machine: {@code bench/run-benchmarks.sh engine} (bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class EngineBenchmark {

    private static final int ORDER_LENGTH = 1 << 16; // power of two: cheap wrap-around

    @Param({"10000", "1000000"})
    public int keyCount;

    @Param({"64"})
    public int valueBytes;

    private MemoryEngine engine;
    private TreeMap<String, byte[]> baseline;
    private Key[] keys;
    private int[] order;
    private Bytes value;
    private byte[] rawValue;
    private int position;
    private long index;
    private long timeMs;

    @Setup(Level.Trial)
    public void populate() {
        SplittableRandom random = new SplittableRandom(42);
        rawValue = new byte[valueBytes];
        for (int i = 0; i < valueBytes; i++) {
            rawValue[i] = (byte) random.nextInt(256);
        }
        value = Bytes.of(rawValue);
        keys = new Key[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = Key.of(String.format("user:%08d", i));
        }
        order = new int[ORDER_LENGTH];
        for (int i = 0; i < ORDER_LENGTH; i++) {
            order[i] = random.nextInt(keyCount);
        }
        engine = new MemoryEngine();
        baseline = new TreeMap<>();
        timeMs = 1_700_000_000_000L;
        int batchSize = 1_000;
        for (int start = 0; start < keyCount; start += batchSize) {
            List<KeyValue> pairs = new ArrayList<>(batchSize);
            for (int i = start; i < Math.min(keyCount, start + batchSize); i++) {
                pairs.add(new KeyValue(keys[i], value));
                baseline.put(keys[i].text(), rawValue);
            }
            engine.apply(++index, timeMs, new WriteBatch.Single(new Command.MSet(pairs)));
        }
    }

    private Key nextKey() {
        return keys[order[position++ & (ORDER_LENGTH - 1)]];
    }

    @Benchmark
    public Reply get() {
        return engine.read(new Command.Get(nextKey()), timeMs);
    }

    @Benchmark
    public Reply set() {
        return engine.apply(++index, timeMs, new WriteBatch.Single(Command.Set.of(nextKey(), value)));
    }

    @Benchmark
    public Reply mget10() {
        List<Key> batch = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            batch.add(nextKey());
        }
        return engine.read(new Command.MGet(batch), timeMs);
    }

    /** A page of 10 from a random position: the rank fast path ({@code *}, nothing expired). */
    @Benchmark
    public Reply scan10() {
        return engine.read(new Command.Scan(order[position++ & (ORDER_LENGTH - 1)], Optional.of("*"), OptionalInt.of(10)),
                timeMs);
    }

    /** A page of 10 under a literal prefix that needs the walk path (the {@code ?} defeats the rank path). */
    @Benchmark
    public Reply scanPattern10() {
        String prefix = keys[order[position++ & (ORDER_LENGTH - 1)]].text().substring(0, 10);
        return engine.read(new Command.Scan(0, Optional.of(prefix + "?*"), OptionalInt.of(10)), timeMs);
    }

    /** Peer: the same lookup in a mutable TreeMap (no snapshot isolation at all). */
    @Benchmark
    public byte[] treeMapGet() {
        return baseline.get(nextKey().text());
    }

    /** Peer: the same overwrite in a mutable TreeMap. */
    @Benchmark
    public byte[] treeMapPut() {
        return baseline.put(nextKey().text(), rawValue);
    }
}

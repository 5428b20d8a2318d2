package dev.vaylix.bench.load;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every key, value and command the run sends, built before the clock starts, so that the hot loop only picks
 * from arrays: no string formatting, no encoding, no allocation per operation beyond the transport's own.
 * Values are {@link #VALUE_VARIANTS} random printable strings (key i writes variant i mod that), so they do not
 * compress better than real data would. Immutable after construction; shared by all workers.
 */
final class Keyspace {

    static final int VALUE_VARIANTS = 16;
    static final String KEY_PREFIX = "bench:";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Key[] keys;
    private final Bytes[] values;
    private final Command[] gets;
    private final Command[] sets;

    Keyspace(int size, int valueSizeBytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        values = new Bytes[VALUE_VARIANTS];
        for (int v = 0; v < VALUE_VARIANTS; v++) {
            byte[] value = new byte[valueSizeBytes];
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            values[v] = Bytes.wrapUnsafe(value);
        }
        keys = new Key[size];
        gets = new Command[size];
        sets = new Command[size];
        for (int i = 0; i < size; i++) {
            keys[i] = Key.of(KEY_PREFIX + i);
            gets[i] = new Command.Get(keys[i]);
            sets[i] = Command.Set.of(keys[i], values[i % VALUE_VARIANTS]);
        }
    }

    int size() {
        return keys.length;
    }

    Command get(int index) {
        return gets[index];
    }

    Command set(int index) {
        return sets[index];
    }

    /** MSETs that write keys {@code [from, to)}, at most {@code pairsPerCommand} pairs each. */
    List<Command> preloadCommands(int from, int to, int pairsPerCommand) {
        List<Command> commands = new ArrayList<>();
        for (int start = from; start < to; start += pairsPerCommand) {
            int end = Math.min(to, start + pairsPerCommand);
            List<KeyValue> pairs = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                pairs.add(new KeyValue(keys[i], values[i % VALUE_VARIANTS]));
            }
            commands.add(new Command.MSet(pairs));
        }
        return commands;
    }
}

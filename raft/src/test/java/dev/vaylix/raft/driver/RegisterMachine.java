package dev.vaylix.raft.driver;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny state machine for driver tests: {@code key=value} payloads set registers; the result is the
 * register's previous value (or "" if absent). Reads go through {@link #get}, safe from any thread.
 */
final class RegisterMachine implements StateMachine<String> {

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
    private volatile long appliedIndex;
    private volatile long restores;

    @Override
    public long appliedIndex() {
        return appliedIndex;
    }

    @Override
    public String apply(LogEntry entry) {
        String previous = null;
        if (entry.kind() == EntryKind.COMMAND) {
            String text = entry.payload().utf8String();
            int eq = text.indexOf('=');
            previous = values.put(text.substring(0, eq), text.substring(eq + 1));
        }
        appliedIndex = entry.index();
        return previous == null ? "" : previous;
    }

    @Override
    public Bytes snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            TreeMap<String, String> sorted = new TreeMap<>(values);
            out.writeInt(sorted.size());
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Bytes.wrapUnsafe(bytes.toByteArray());
    }

    @Override
    public void restore(long index, Bytes data) {
        values.clear();
        if (!data.isEmpty()) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data.toByteArray()))) {
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    values.put(in.readUTF(), in.readUTF());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        appliedIndex = index;
        restores++;
    }

    String get(String key) {
        return values.get(key);
    }

    long restores() {
        return restores;
    }
}

package dev.vaylix.raft.sim;

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

/**
 * The simulation's state machine: registers keyed by name, with blind writes and compare-and-set.
 * Deterministic; results are {@code "ok"} for a write and {@code "true"}/{@code "false"} for a CAS.
 */
final class KvStateMachine {

    /**
     * A client command as carried in a log entry's payload, as text so scenario files stay readable:
     * {@code set:<key>:<value>} or {@code cas:<key>:<expected>:<value>} with {@code ~} for "absent".
     * Keys and values contain no {@code :}. Any other payload is applied as a no-op.
     */
    record Command(String key, boolean cas, String expected, String value) {

        static final String ABSENT = "~";

        Bytes encode() {
            return Bytes.utf8(cas ? "cas:" + key + ":" + (expected == null ? ABSENT : expected) + ":" + value
                    : "set:" + key + ":" + value);
        }

        /** The command in {@code payload}, or null if it is not one. */
        static Command decode(Bytes payload) {
            if (!payload.isValidUtf8()) {
                return null;
            }
            String[] parts = payload.utf8String().split(":", -1);
            if (parts.length == 3 && parts[0].equals("set")) {
                return new Command(parts[1], false, null, parts[2]);
            }
            if (parts.length == 4 && parts[0].equals("cas")) {
                return new Command(parts[1], true, parts[2].equals(ABSENT) ? null : parts[2], parts[3]);
            }
            return null;
        }
    }

    private final TreeMap<String, String> data = new TreeMap<>();
    private long appliedIndex;

    long appliedIndex() {
        return appliedIndex;
    }

    /** Applies one committed entry; returns the result for its proposer ({@code null} for no-op and config entries). */
    String apply(LogEntry entry) {
        if (entry.index() != appliedIndex + 1) {
            throw new IllegalStateException("apply " + entry.index() + " after " + appliedIndex);
        }
        appliedIndex = entry.index();
        if (entry.kind() != EntryKind.COMMAND) {
            return null;
        }
        Command command = Command.decode(entry.payload());
        if (command == null) {
            return "noop";
        }
        if (!command.cas()) {
            data.put(command.key(), command.value());
            return "ok";
        }
        String current = data.get(command.key());
        if (java.util.Objects.equals(current, command.expected())) {
            data.put(command.key(), command.value());
            return "true";
        }
        return "false";
    }

    /** The value of {@code key}, or null if absent. */
    String read(String key) {
        return data.get(key);
    }

    Map<String, String> contents() {
        return java.util.Collections.unmodifiableMap(data);
    }

    Bytes snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(appliedIndex);
            out.writeInt(data.size());
            for (Map.Entry<String, String> entry : data.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Bytes.wrapUnsafe(bytes.toByteArray());
    }

    void restore(Bytes snapshot, long index) {
        data.clear();
        if (snapshot.isEmpty()) {
            appliedIndex = index;
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot.toByteArray()))) {
            appliedIndex = in.readLong();
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                data.put(in.readUTF(), in.readUTF());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (appliedIndex != index) {
            throw new IllegalStateException("snapshot data at " + appliedIndex + " labelled " + index);
        }
    }
}

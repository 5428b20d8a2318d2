package dev.vaylix.storage.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.RecoveredSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tiny state machine for the offline tools' tests: command payloads are {@code "set <k> <v>"} or
 * {@code "del <k>"}, a membership entry's payload is the new membership, and the snapshot encoding is
 * the sorted {@code k=v} lines. Stands in for the engine, which the server plugs in.
 */
final class KeyValueMachine implements EntryApplier {

    static final EntryApplierFactory FACTORY = KeyValueMachine::new;

    private final TreeMap<String, String> state = new TreeMap<>();
    private Bytes membership = Bytes.EMPTY;
    long lastApplied;

    KeyValueMachine(Optional<RecoveredSnapshot> snapshot) {
        snapshot.ifPresent(s -> {
            state.putAll(decode(s.data()));
            membership = s.meta().membership();
            lastApplied = s.meta().index();
        });
    }

    @Override
    public void apply(LogEntry entry) {
        if (entry.index() != lastApplied + 1) {
            throw new AssertionError("applied " + entry.index() + " after " + lastApplied);
        }
        lastApplied = entry.index();
        if (entry.kind() == EntryKind.CONFIG) {
            membership = entry.payload();
            return;
        }
        if (entry.kind() == EntryKind.COMMAND) {
            String[] words = entry.payload().utf8String().split(" ");
            switch (words[0]) {
                case "set" -> state.put(words[1], words[2]);
                case "del" -> state.remove(words[1]);
                default -> throw new AssertionError("unknown command " + entry.payload());
            }
        }
    }

    @Override
    public Bytes snapshot() {
        return encode(state);
    }

    @Override
    public Bytes membership() {
        return membership;
    }

    static Bytes encode(Map<String, String> state) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(state).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return Bytes.utf8(out.toString());
    }

    static Map<String, String> decode(Bytes data) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String line : data.utf8String().split("\n")) {
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }
}

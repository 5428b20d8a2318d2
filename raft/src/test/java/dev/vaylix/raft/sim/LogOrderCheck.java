package dev.vaylix.raft.sim;

import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A linearizability check specialised to Raft, complementary to the generic Wing–Gong checker: the
 * committed log fixes the order of every write, so each operation has a position in it and the
 * history is linearizable in log order iff
 * <ul>
 *   <li>every acknowledged write is the committed entry at the index it was given, with the result
 *       that replaying the log yields there (no lost or misreported write);</li>
 *   <li>no write reported as failed was ever committed (no false failure);</li>
 *   <li>every acknowledged read returned the state at the index it was served from, and that state
 *       equals the state at any position the real-time order forces it to be at or after: a read
 *       invoked after an operation completed must not miss that operation's effects (no stale read).</li>
 * </ul>
 * Sound for a correct Raft with ReadIndex (see docs/RAFT.md "Invariants"); it cannot prove a history
 * linearizable in a different order, which the generic checker does.
 */
final class LogOrderCheck {

    private LogOrderCheck() {
    }

    /** Returns the violations found (empty when the history is consistent with the log). */
    static List<String> check(List<ClientOperation> history, SortedMap<Long, LogEntry> committedLog) {
        List<String> violations = new ArrayList<>();
        // Replay the committed log: per key, the value after each index that changed it; per index, the result.
        Map<String, TreeMap<Long, String>> valuesByKey = new HashMap<>();
        Map<Long, String> results = new HashMap<>();
        Map<String, Long> committedValues = new HashMap<>();
        KvStateMachine replay = new KvStateMachine();
        long expected = 1;
        for (LogEntry entry : committedLog.values()) {
            if (entry.index() != expected) {
                violations.add("committed log has a gap before index " + entry.index());
                return violations;
            }
            expected++;
            String result = replay.apply(entry);
            if (entry.kind() == EntryKind.COMMAND) {
                KvStateMachine.Command command = KvStateMachine.Command.decode(entry.payload());
                results.put(entry.index(), result);
                if (command != null && ("ok".equals(result) || "true".equals(result))) {
                    valuesByKey.computeIfAbsent(command.key(), _ -> new TreeMap<>()).put(entry.index(), command.value());
                }
                if (command != null) {
                    committedValues.put(command.value(), entry.index());
                }
            }
        }
        long lastCommitted = expected - 1;

        for (ClientOperation op : history) {
            switch (op.type()) {
                case WRITE, CAS -> checkWrite(op, committedLog, results, committedValues, violations);
                case READ -> { }
            }
        }
        for (ClientOperation read : history) {
            if (read.type() != ClientOperation.Type.READ || read.outcome() != ClientOperation.Outcome.OK) {
                continue;
            }
            if (read.logIndex() > lastCommitted) {
                violations.add(read + ": served from index " + read.logIndex() + " beyond the committed log " + lastCommitted);
                continue;
            }
            String served = valueAt(valuesByKey, read.key(), read.logIndex());
            if (!Objects.equals(served, read.result())) {
                violations.add(read + ": returned " + read.result() + " but the state at " + read.logIndex() + " holds " + served);
                continue;
            }
            long lowerBound = 0;
            for (ClientOperation before : history) {
                if (before.outcome() == ClientOperation.Outcome.OK && before.completeTick() < read.invokeTick()) {
                    lowerBound = Math.max(lowerBound, before.logIndex());
                }
            }
            if (lowerBound > read.logIndex()) {
                String required = valueAt(valuesByKey, read.key(), lowerBound);
                if (!Objects.equals(required, served)) {
                    violations.add(read + ": stale read: an operation at index " + lowerBound
                            + " completed before it was invoked, whose state holds " + required);
                }
            }
        }
        return violations;
    }

    private static void checkWrite(ClientOperation op, SortedMap<Long, LogEntry> log, Map<Long, String> results,
                                   Map<String, Long> committedValues, List<String> violations) {
        Long committedAt = committedValues.get(op.value());
        switch (op.outcome()) {
            case OK -> {
                LogEntry entry = log.get(op.logIndex());
                if (entry == null || entry.term() != op.logTerm() || committedAt == null || committedAt != op.logIndex()) {
                    violations.add(op + ": acknowledged but not committed at " + op.logIndex() + "/" + op.logTerm());
                } else if (!Objects.equals(results.get(op.logIndex()), op.result())) {
                    violations.add(op + ": reported " + op.result() + " but the log yields " + results.get(op.logIndex()));
                }
            }
            case FAIL -> {
                if (committedAt != null) {
                    violations.add(op + ": reported failed but committed at " + committedAt);
                }
            }
            case UNKNOWN -> { }
        }
    }

    private static String valueAt(Map<String, TreeMap<Long, String>> valuesByKey, String key, long index) {
        TreeMap<Long, String> values = valuesByKey.get(key);
        if (values == null) {
            return null;
        }
        Map.Entry<Long, String> entry = values.floorEntry(index);
        return entry == null ? null : entry.getValue();
    }
}

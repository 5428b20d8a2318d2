package dev.vaylix.raft.sim;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.RaftNode;
import dev.vaylix.raft.Role;
import dev.vaylix.raft.Snapshot;
import dev.vaylix.raft.message.Message;
import dev.vaylix.raft.message.VoteResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The safety properties of Raft (thesis §3.6.3, Figure 3.2), checked incrementally after every step of
 * a simulation. Every check compares the nodes against facts recorded over the whole run, so a
 * violation is caught even if the evidence later disappears (a crash, a truncation, a compaction).
 *
 * <ul>
 *   <li>Election Safety: at most one leader per term, ever.</li>
 *   <li>Vote durability: no node grants two votes in one term (durable vote before the answer leaves).</li>
 *   <li>Log Matching: an (index, term) pair names one entry, with one predecessor term, on every node.</li>
 *   <li>Leader Completeness: a leader of term T holds every entry known committed in a term &lt;= T.</li>
 *   <li>State Machine Safety: no index is applied with two different entries, anywhere, ever; every
 *       installed snapshot equals the state obtained by applying the committed log up to its index.</li>
 *   <li>Committed entries are never lost: they stay on some durable disk or in a durable snapshot.</li>
 * </ul>
 */
final class Invariants {

    /** Thrown on the first violation; the simulation reports it with its seed. */
    static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message);
        }
    }

    private record Fingerprint(EntryKind kind, Bytes payload, long previousTerm) {
    }

    private record Committed(LogEntry entry, long firstSeenTerm) {
    }

    private final TreeMap<Long, String> leaderOfTerm = new TreeMap<>();
    private final Map<String, String> grantedVotes = new HashMap<>();
    private final Map<String, Fingerprint> entries = new HashMap<>();
    private final Map<String, Long> matchCheckedUpTo = new HashMap<>();
    private final Map<String, Long> commitRecordedUpTo = new HashMap<>();
    private final TreeMap<Long, Committed> committed = new TreeMap<>();
    private final Map<String, Long> leaderVerifiedUpTo = new HashMap<>();
    private final TreeMap<Long, LogEntry> applied = new TreeMap<>();
    private long checks;

    long checks() {
        return checks;
    }

    /** The committed log as applied by the nodes (every committed index is applied one by one somewhere). */
    SortedMap<Long, LogEntry> appliedLog() {
        return applied;
    }

    long committedCount() {
        return committed.isEmpty() ? 0 : committed.lastKey();
    }

    int leadersElected() {
        return leaderOfTerm.size();
    }

    void becameLeader(String node, long term) {
        String previous = leaderOfTerm.putIfAbsent(term, node);
        if (previous != null && !previous.equals(node)) {
            throw new Violation("election safety: " + previous + " and " + node + " both led term " + term);
        }
    }

    /** Called for every message as it leaves a node. */
    void sent(Message message) {
        if (message instanceof VoteResponse response && response.granted()) {
            String key = response.from() + "@" + response.term();
            String previous = grantedVotes.putIfAbsent(key, response.to());
            if (previous != null && !previous.equals(response.to())) {
                throw new Violation("vote durability: " + response.from() + " granted its term-" + response.term()
                        + " vote to both " + previous + " and " + response.to());
            }
        }
    }

    void truncated(String node, long fromIndex) {
        matchCheckedUpTo.merge(node, fromIndex - 1, Math::min);
    }

    void snapshotInstalled(String node, long index) {
        matchCheckedUpTo.merge(node, index, Math::min);
    }

    void restarted(String node) {
        matchCheckedUpTo.put(node, 0L);
        commitRecordedUpTo.put(node, 0L);
    }

    /** State Machine Safety: every application of an index is the same entry. */
    void applied(String node, LogEntry entry) {
        LogEntry first = applied.putIfAbsent(entry.index(), entry);
        if (first != null && !sameEntry(first, entry)) {
            throw new Violation("state machine safety: " + node + " applied " + Describe.entry(entry) + " at index "
                    + entry.index() + " where " + Describe.entry(first) + " was applied before");
        }
        Committed known = committed.get(entry.index());
        if (known != null && !sameEntry(known.entry(), entry)) {
            throw new Violation("state machine safety: " + node + " applied " + Describe.entry(entry)
                    + " but " + Describe.entry(known.entry()) + " was committed there");
        }
    }

    /** A snapshot restored into a state machine must equal the committed log applied up to its index. */
    void snapshotRestored(String node, Snapshot snapshot) {
        if (snapshot.index() == 0) {
            return;
        }
        KvStateMachine replay = new KvStateMachine();
        for (long index = 1; index <= snapshot.index(); index++) {
            LogEntry entry = applied.get(index);
            if (entry == null) {
                throw new Violation("state machine safety: " + node + " restored snapshot " + snapshot.index()
                        + " although index " + index + " was never applied anywhere");
            }
            replay.apply(entry);
        }
        if (!replay.snapshot().equals(snapshot.data())) {
            throw new Violation("state machine safety: snapshot " + snapshot.index() + " restored by " + node
                    + " differs from the committed log applied up to it");
        }
    }

    /** The per-step checks of one node's log and commit index. */
    void checkNode(SimNode simNode) {
        if (simNode.crashed()) {
            return;
        }
        checks++;
        RaftNode node = simNode.raft();
        String id = node.id();
        if (node.commitIndex() > node.lastIndex()) {
            throw new Violation(id + " commits " + node.commitIndex() + " beyond its last index " + node.lastIndex());
        }
        checkLogMatching(id, node);
        recordCommitted(id, node);
        if (node.role() == Role.LEADER) {
            checkLeaderCompleteness(id, node);
        }
    }

    private void checkLogMatching(String id, RaftNode node) {
        long from = Math.max(matchCheckedUpTo.getOrDefault(id, 0L), node.snapshotIndex());
        long last = node.lastIndex();
        for (long index = from + 1; index <= last; index++) {
            LogEntry entry = node.entry(index).orElseThrow();
            if (entry.term() > node.term()) {
                throw new Violation(id + " holds entry " + Describe.entry(entry) + " above its term " + node.term());
            }
            Fingerprint print = new Fingerprint(entry.kind(), entry.payload(), node.termAt(index - 1));
            Fingerprint known = entries.putIfAbsent(index + "/" + entry.term(), print);
            if (known != null && !known.equals(print)) {
                throw new Violation("log matching: " + id + " holds " + Describe.entry(entry) + " after term "
                        + print.previousTerm() + ", another node held a different entry " + index + "/" + entry.term()
                        + " (" + known.kind() + ", after term " + known.previousTerm() + ")");
            }
        }
        matchCheckedUpTo.put(id, last);
    }

    private void recordCommitted(String id, RaftNode node) {
        long from = Math.max(commitRecordedUpTo.getOrDefault(id, 0L), node.snapshotIndex());
        long commit = node.commitIndex();
        for (long index = from + 1; index <= commit; index++) {
            LogEntry entry = node.entry(index).orElseThrow();
            Committed known = committed.putIfAbsent(index, new Committed(entry, node.term()));
            if (known != null && !sameEntry(known.entry(), entry)) {
                throw new Violation("committed entry changed: " + id + " committed " + Describe.entry(entry)
                        + " where " + Describe.entry(known.entry()) + " was committed before");
            }
        }
        commitRecordedUpTo.merge(id, commit, Math::max);
    }

    private void checkLeaderCompleteness(String id, RaftNode node) {
        if (committed.isEmpty()) {
            return;
        }
        String key = id + "@" + node.term();
        long from = Math.max(leaderVerifiedUpTo.getOrDefault(key, 0L), node.snapshotIndex());
        long upTo = committed.lastKey();
        for (long index = from + 1; index <= upTo; index++) {
            Committed c = committed.get(index);
            if (c == null || c.firstSeenTerm() > node.term()) {
                continue;
            }
            if (node.termAt(index) != c.entry().term()) {
                throw new Violation("leader completeness: leader " + id + " of term " + node.term() + " lacks committed "
                        + Describe.entry(c.entry()) + " (it holds term " + node.termAt(index) + " there)");
            }
        }
        leaderVerifiedUpTo.put(key, upTo);
    }

    /** Committed entries are never lost: each is on some node's durable disk or inside a durable snapshot. */
    void checkDurability(Collection<SimNode> nodes) {
        for (Map.Entry<Long, Committed> entry : committed.entrySet()) {
            long index = entry.getKey();
            boolean held = false;
            for (SimNode node : nodes) {
                SimDisk disk = node.disk();
                if (disk.snapshotIndex() >= index || disk.termAt(index) == entry.getValue().entry().term()) {
                    held = true;
                    break;
                }
            }
            if (!held) {
                throw new Violation("committed entry lost from every disk: " + Describe.entry(entry.getValue().entry()));
            }
        }
    }

    private static boolean sameEntry(LogEntry a, LogEntry b) {
        return a.index() == b.index() && a.term() == b.term() && a.kind() == b.kind()
                && Objects.equals(a.payload(), b.payload());
    }
}

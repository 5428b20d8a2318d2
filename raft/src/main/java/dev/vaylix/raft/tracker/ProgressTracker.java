package dev.vaylix.raft.tracker;

import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.quorum.MajorityConfig;
import dev.vaylix.raft.quorum.VoteResult;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The configuration a node currently uses, the votes of the election it runs, and (on a leader) the
 * replication progress of every member. All maps are sorted so iteration order is deterministic.
 */
public final class ProgressTracker {

    private final int maxInflightMessages;
    private final long maxInflightBytes;
    private Configuration configuration = Configuration.EMPTY;
    private MajorityConfig majority = new MajorityConfig(Configuration.EMPTY.voters());
    private final TreeMap<String, Progress> progress = new TreeMap<>();
    private final TreeMap<String, Boolean> votes = new TreeMap<>();

    public ProgressTracker(int maxInflightMessages, long maxInflightBytes) {
        this.maxInflightMessages = maxInflightMessages;
        this.maxInflightBytes = maxInflightBytes;
    }

    public Configuration configuration() {
        return configuration;
    }

    public MajorityConfig majority() {
        return majority;
    }

    /**
     * Switches to {@code next}. Members that stay keep their progress; new members start probing at
     * {@code nextIndex}; removed members are forgotten.
     */
    public void applyConfiguration(Configuration next, long nextIndex) {
        configuration = next;
        majority = new MajorityConfig(next.voters());
        progress.keySet().retainAll(next.members());
        for (String member : next.members()) {
            progress.computeIfAbsent(member, _ -> newProgress(nextIndex));
        }
    }

    /** A leader starts with no knowledge of anyone's log: every member probes from {@code nextIndex}. */
    public void resetProgress(long nextIndex) {
        progress.clear();
        for (String member : configuration.members()) {
            progress.put(member, newProgress(nextIndex));
        }
    }

    private Progress newProgress(long nextIndex) {
        return new Progress(nextIndex, maxInflightMessages, maxInflightBytes);
    }

    /** The progress of {@code id}, or null if it is not a member. */
    public Progress progress(String id) {
        return progress.get(id);
    }

    /** Every member's progress, sorted by id (read-only view). */
    public SortedMap<String, Progress> progressById() {
        return Collections.unmodifiableSortedMap(progress);
    }

    /** The largest index durably stored by a majority of voters (thesis §3.6.2). */
    public long committedIndex() {
        return majority.committedIndex(id -> {
            Progress p = progress.get(id);
            return p == null ? 0 : p.match();
        });
    }

    /** The smallest match index over all voters: what every voter has durably (write-ack mode {@code all}). */
    public long minVoterMatch() {
        long min = Long.MAX_VALUE;
        for (String voter : configuration.voters()) {
            Progress p = progress.get(voter);
            min = Math.min(min, p == null ? 0 : p.match());
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /** The highest ReadIndex round a majority of voters has acknowledged (thesis §6.4). */
    public long quorumReadRound() {
        return majority.committedIndex(id -> {
            Progress p = progress.get(id);
            return p == null ? 0 : p.readRoundAcked();
        });
    }

    /**
     * True if a majority of voters was heard from since the last reset (check-quorum, thesis §6.2).
     * {@code self} always counts as active.
     */
    public boolean quorumActive(String self) {
        Set<String> active = new HashSet<>();
        for (Map.Entry<String, Progress> entry : progress.entrySet()) {
            if (entry.getKey().equals(self) || entry.getValue().recentActive()) {
                active.add(entry.getKey());
            }
        }
        active.add(self);
        return majority.isQuorum(active);
    }

    /** Marks every member but {@code self} as not heard from, starting a new check-quorum period. */
    public void resetRecentActive(String self) {
        for (Map.Entry<String, Progress> entry : progress.entrySet()) {
            entry.getValue().setRecentActive(entry.getKey().equals(self));
        }
    }

    public void resetVotes() {
        votes.clear();
    }

    /** Records {@code id}'s vote; only its first answer in an election counts. */
    public void recordVote(String id, boolean granted) {
        votes.putIfAbsent(id, granted);
    }

    public VoteResult tallyVotes() {
        return majority.voteResult(votes);
    }
}

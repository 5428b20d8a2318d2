package dev.vaylix.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The follower's log rules (thesis §3.5, RAFT-VARIANT.md "Replication"), named after what they guarantee. */
class RaftLogTest {

    static LogEntry entry(long index, long term) {
        return new LogEntry(index, term, EntryKind.COMMAND, 0, Bytes.utf8(index + "@" + term));
    }

    /** A log holding one entry per given term, at indexes 1, 2, ... */
    static RaftLog log(long... terms) {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(entry(i + 1, terms[i]));
        }
        long term = terms.length == 0 ? 0 : terms[terms.length - 1];
        PersistentState state = new PersistentState(new HardState(term, HardState.NO_VOTE, 0),
                new Snapshot(new SnapshotMetadata(0, 0, Configuration.ofVoters("1")), Bytes.EMPTY), entries, 0);
        return new RaftLog(state);
    }

    @Test
    void anAppendMatchingWhatIsAlreadyThereNeverTruncates() {
        RaftLog log = log(1, 1, 2, 2);
        // A delayed AppendEntries carrying only a prefix of what we hold: same index and term, skip.
        assertEquals(3, log.maybeAppend(1, 1, 0, List.of(entry(2, 1), entry(3, 2))));
        assertEquals(4, log.lastIndex(), "entry 4 must survive an older, shorter AppendEntries");
        assertEquals(0, log.takeTruncatedFrom());
    }

    @Test
    void aConflictTruncatesFromTheFirstDifferingEntryAndAppendsTheRest() {
        RaftLog log = log(1, 1, 2, 2, 2);
        assertEquals(4, log.maybeAppend(2, 1, 0, List.of(entry(3, 3), entry(4, 3))));
        assertEquals(3, log.takeTruncatedFrom());
        assertEquals(4, log.lastIndex());
        assertEquals(3, log.term(3));
        assertEquals(3, log.term(4));
    }

    @Test
    void aMismatchAtThePreviousIndexIsRejectedAndChangesNothing() {
        RaftLog log = log(1, 1, 2);
        assertEquals(-1, log.maybeAppend(3, 3, 3, List.of(entry(4, 3))));
        assertEquals(-1, log.maybeAppend(5, 2, 3, List.of()), "prevIndex beyond our log");
        assertEquals(3, log.lastIndex());
        assertEquals(0, log.committed());
    }

    @Test
    void theFollowerCommitsUpToTheLastNewEntryNotTheLeadersCommitIndex() {
        // Entries 3 and 4 are from an old term the leader may not have: an AppendEntries that only proves
        // agreement up to 2 must not commit them even though leaderCommit says 4.
        RaftLog log = log(1, 1, 1, 1);
        assertEquals(2, log.maybeAppend(1, 1, 4, List.of(entry(2, 1))));
        assertEquals(2, log.committed());
    }

    @Test
    void committedEntriesAreNeverTruncated() {
        RaftLog log = log(1, 1, 1);
        log.commitTo(2);
        assertThrows(IllegalStateException.class, () -> log.maybeAppend(1, 1, 0, List.of(entry(2, 2))));
    }

    @Test
    void theRejectionHintSkipsAWholeConflictingTerm() {
        RaftLog log = log(1, 1, 4, 4, 4, 4);
        // The leader's prevLogTerm at index 6 is 2: everything of term 4 is useless, go back to index 2.
        assertEquals(2, log.findConflictByTerm(6, 2));
        assertEquals(6, log.findConflictByTerm(6, 4));
    }

    @Test
    void electionRestrictionComparesLastTermThenLength() {
        RaftLog log = log(1, 2, 2);
        assertTrue(log.isUpToDate(3, 2));
        assertTrue(log.isUpToDate(1, 3), "a higher last term wins even when shorter");
        assertFalse(log.isUpToDate(2, 2));
        assertFalse(log.isUpToDate(9, 1));
    }

    @Test
    void aSnapshotAgreeingWithTheLogKeepsItsSuffixAndOneThatDoesNotReplacesIt() {
        RaftLog keeping = log(1, 1, 2, 2);
        assertTrue(keeping.install(new Snapshot(new SnapshotMetadata(2, 1, Configuration.ofVoters("1")), Bytes.EMPTY)));
        assertEquals(4, keeping.lastIndex());
        assertEquals(2, keeping.committed());

        RaftLog replacing = log(1, 1, 2, 2);
        assertFalse(replacing.install(new Snapshot(new SnapshotMetadata(3, 3, Configuration.ofVoters("1")), Bytes.EMPTY)));
        assertEquals(3, replacing.lastIndex());
        assertEquals(3, replacing.lastTerm());
        assertTrue(replacing.takePendingInstall() != null);
    }

    @Test
    void onlyCommittedAndLocallyDurableEntriesAreHandedOutForApplying() {
        RaftLog log = log();
        log.appendAsLeader(entry(1, 1));
        log.appendAsLeader(entry(2, 1));
        log.commitTo(2);
        assertFalse(log.hasCommittedToApply(), "nothing is durable yet");
        assertEquals(2, log.takeUnpersisted().size());
        log.persistedTo(1, 1);
        assertEquals(List.of(entry(1, 1)), log.takeCommittedToApply());
        log.persistedTo(2, 1);
        assertEquals(List.of(entry(2, 1)), log.takeCommittedToApply());
    }

    @Test
    void aPersistenceAcknowledgementForAReplacedEntryIsIgnored() {
        RaftLog log = log(1, 1);
        log.takeUnpersisted();
        log.maybeAppend(1, 1, 0, List.of(entry(2, 2)));
        log.persistedTo(2, 1);
        assertEquals(1, log.persisted(), "the entry 2/1 that was made durable is no longer ours");
        assertEquals(List.of(entry(2, 2)), log.takeUnpersisted());
        log.persistedTo(2, 2);
        assertEquals(2, log.persisted());
    }
}

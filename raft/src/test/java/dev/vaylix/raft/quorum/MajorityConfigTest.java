package dev.vaylix.raft.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MajorityConfigTest {

    private static MajorityConfig voters(String... ids) {
        return new MajorityConfig(new TreeSet<>(List.of(ids)));
    }

    @Test
    void theCommitIndexIsWhatAMajorityHasReached() {
        MajorityConfig five = voters("a", "b", "c", "d", "e");
        Map<String, Long> match = Map.of("a", 9L, "b", 7L, "c", 7L, "d", 3L, "e", 1L);
        assertEquals(7, five.committedIndex(id -> match.getOrDefault(id, 0L)));
        assertEquals(3, five.quorum());
    }

    @Test
    void votersWithoutProgressCountAsZeroAndAnEmptySetCommitsNothing() {
        assertEquals(0, voters("a", "b", "c").committedIndex(id -> id.equals("a") ? 5 : 0));
        assertEquals(0, voters().committedIndex(_ -> 100));
    }

    @Property
    void theCommittedIndexIsReachedByAMajorityAndNoLargerIndexIs(
            @ForAll @Size(min = 1, max = 9) List<@IntRange(min = 0, max = 50) Integer> matches) {
        TreeMap<String, Long> match = new TreeMap<>();
        for (int i = 0; i < matches.size(); i++) {
            match.put("n" + i, (long) matches.get(i));
        }
        MajorityConfig config = new MajorityConfig(new TreeSet<>(match.keySet()));
        long committed = config.committedIndex(match::get);
        long atOrAbove = match.values().stream().filter(m -> m >= committed).count();
        long above = match.values().stream().filter(m -> m > committed).count();
        assertTrue(atOrAbove >= config.quorum(), "a majority reached " + committed);
        assertTrue(above < config.quorum(), "no majority reached beyond " + committed);
    }

    @Test
    void electionsAreWonLostOrPendingByMajority() {
        MajorityConfig three = voters("a", "b", "c");
        assertEquals(VoteResult.PENDING, three.voteResult(Map.of("a", true)));
        assertEquals(VoteResult.WON, three.voteResult(Map.of("a", true, "b", true)));
        assertEquals(VoteResult.LOST, three.voteResult(Map.of("a", true, "b", false, "c", false)));
        assertEquals(VoteResult.PENDING, three.voteResult(Map.of("a", true, "b", false)));
        // Votes of non-voters (learners, strangers) do not count.
        assertEquals(VoteResult.PENDING, three.voteResult(Map.of("a", true, "x", true, "y", true)));
    }

    @Test
    void aQuorumOfActiveVotersIsAMajorityOfTheVoters() {
        MajorityConfig four = voters("a", "b", "c", "d");
        assertFalse(four.isQuorum(Set.of("a", "b")));
        assertTrue(four.isQuorum(Set.of("a", "b", "c")));
        assertFalse(four.isQuorum(Set.of("a", "x", "y")));
        assertFalse(voters().isQuorum(Set.of("a")));
        assertEquals(new ArrayList<>(List.of("a", "b", "c", "d")), new ArrayList<>(four.voters()));
    }
}

package dev.vaylix.raft.confchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfChangerTest {

    private final Configuration three = Configuration.ofVoters("a", "b", "c");

    @Test
    void aServerJoinsAsALearnerAndIsThenPromoted() {
        Configuration withLearner = ConfChanger.apply(three, new ConfChange.AddLearner("d"));
        assertEquals(new TreeSet<>(java.util.List.of("d")), withLearner.learners());
        Configuration promoted = ConfChanger.apply(withLearner, new ConfChange.PromoteLearner("d"));
        assertTrue(promoted.isVoter("d"));
        assertTrue(promoted.learners().isEmpty());
    }

    @Test
    void invalidChangesAreRefusedWithAReason() {
        assertTrue(ConfChanger.rejection(three, new ConfChange.AddLearner("a")).isPresent());
        assertTrue(ConfChanger.rejection(three, new ConfChange.PromoteLearner("a")).isPresent());
        assertTrue(ConfChanger.rejection(three, new ConfChange.RemoveServer("z")).isPresent());
        assertTrue(ConfChanger.rejection(Configuration.ofVoters("a"), new ConfChange.RemoveServer("a")).isPresent());
        assertThrows(IllegalArgumentException.class, () -> ConfChanger.apply(three, new ConfChange.AddLearner("a")));
    }

    @Test
    void removingAServerRemovesVotersAndLearnersAlike() {
        Configuration withLearner = ConfChanger.apply(three, new ConfChange.AddLearner("d"));
        assertEquals(three, ConfChanger.apply(withLearner, new ConfChange.RemoveServer("d")));
        assertEquals(Configuration.ofVoters("a", "c"), ConfChanger.apply(three, new ConfChange.RemoveServer("b")));
    }

    @Test
    void nodeIdsAreBoundedAndPrintable() {
        assertThrows(IllegalArgumentException.class, () -> NodeIds.check(""));
        assertThrows(IllegalArgumentException.class, () -> NodeIds.check("a b"));
        assertThrows(IllegalArgumentException.class, () -> NodeIds.check("x".repeat(65)));
        assertEquals("node-1", NodeIds.check("node-1"));
        assertThrows(IllegalArgumentException.class, () -> new Configuration(new TreeSet<>(java.util.List.of("a")),
                new TreeSet<>(java.util.List.of("a"))), "a voter cannot also be a learner");
    }
}

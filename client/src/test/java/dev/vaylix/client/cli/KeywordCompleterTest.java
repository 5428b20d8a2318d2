package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordCompleterTest {

    @Test
    void theFirstWordCompletesToEveryCommandRootOnce() {
        Set<String> roots = KeywordCompleter.nextKeywords(List.of());
        assertTrue(roots.containsAll(List.of("get", "set", "show", "backup", "exit", "quit", "help")), roots.toString());
        assertEquals(roots.stream().distinct().count(), roots.size());
        assertEquals("auth", roots.iterator().next(), "help-table order");
    }

    @Test
    void subCommandKeywordsFollowTheirCommandInAnyCase() {
        assertEquals(Set.of("users", "roles", "grants", "cluster", "replication"),
                KeywordCompleter.nextKeywords(List.of("SHOW")));
        assertEquals(Set.of("for"), KeywordCompleter.nextKeywords(List.of("show", "grants")));
        assertEquals(Set.of("user", "role"), KeywordCompleter.nextKeywords(List.of("show", "grants", "for")));
        assertEquals(Set.of("to", "verify"), KeywordCompleter.nextKeywords(List.of("backup")));
    }

    @Test
    void argumentsAreNotCompleted() {
        assertEquals(Set.of(), KeywordCompleter.nextKeywords(List.of("get")));
        assertEquals(Set.of(), KeywordCompleter.nextKeywords(List.of("show", "grants", "for", "user")));
        assertEquals(Set.of(), KeywordCompleter.nextKeywords(List.of("frob")));
    }
}

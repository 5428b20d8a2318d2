package dev.vaylix.server.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPatternTest {

    @ParameterizedTest(name = "grant \"{0}\" on key \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *|anything|true
            *||true
            user:*|user:1|true
            user:*|user:|true
            user:*|users:1|false
            *:cfg|app:cfg|true
            *:cfg|app:cfgx|false
            exact|exact|true
            exact|exactly|false
            ab*ba|aba|true
            ab*ba|abba|true
            ab*ba|ab|false
            a*b*|aXb*|true
            a*b*|aXbY|false
            a?*|a?x|true
            a?*|abx|false
            """)
    void grant_patterns_split_at_the_first_star(String pattern, String key, boolean expected) {
        assertEquals(expected, KeyPattern.matches(pattern, key == null ? "" : key));
    }

    @ParameterizedTest(name = "grant \"{0}\" covers SCAN \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *|*|true
            *|anything?|true
            user:*|user:*|true
            user:*|user:a*|true
            user:*|user:?|true
            user:*|user:x|true
            user:*|*|false
            user:*|us*|false
            user:*|*user:*|false
            exact|exact|true
            exact|exac?|false
            *:cfg|app*:cfg|true
            *:cfg|app*:cfg*|false
            a*c|a*c|true
            a?*|a?x|false
            a*b*|a*b*|false
            a*b*|a*bc|false
            user:**|user:a*|false
            """)
    void coverage_is_sound_for_scan_globs(String grant, String requested, boolean expected) {
        assertEquals(expected, KeyPattern.covers(grant, requested));
    }

    /** Soundness: whatever key a covered glob matches, the grant allows. */
    @Property(tries = 1000)
    void a_covered_glob_never_matches_a_key_the_grant_refuses(@ForAll("patterns") String grant, @ForAll("patterns") String glob,
                                                            @ForAll Random random) {
        String key = keyMatching(glob, random);
        assertTrue(globMatches(glob, key), "the generator builds matching keys");
        boolean covered = KeyPattern.covers(grant, glob);
        if (covered) {
            assertTrue(KeyPattern.matches(grant, key), () -> grant + " covers " + glob + " which matches " + key);
        }
        Statistics.label("covered").collect(covered).coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    /** A key the glob matches: each '*' becomes a random run, each '?' a random character. */
    static String keyMatching(String glob, Random random) {
        String alphabet = "ab:*?";
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                int run = random.nextInt(3);
                for (int j = 0; j < run; j++) {
                    key.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else if (c == '?') {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** For the usual grant shape "<prefix>*" the sound check accepts everything the reference's textual rule accepted. */
    @Property(tries = 1000)
    void prefix_grants_cover_what_the_reference_covered(@ForAll("literals") String prefix, @ForAll("patterns") String glob) {
        String grant = prefix + "*";
        boolean reference = grant.equals(glob) || (!glob.equals("*") && glob.startsWith(prefix));
        if (reference) {
            assertTrue(KeyPattern.covers(grant, glob), () -> grant + " / " + glob);
        }
    }

    @Property(tries = 500)
    void star_alone_matches_and_covers_everything(@ForAll("keys") String key, @ForAll("patterns") String glob) {
        assertTrue(KeyPattern.matches("*", key));
        assertTrue(KeyPattern.covers("*", glob));
    }

    @Property(tries = 500)
    void only_star_covers_star(@ForAll("patterns") String grant) {
        Assume.that(!grant.equals("*"));
        assertFalse(KeyPattern.covers(grant, "*"));
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', '*', '?', ':').ofMaxLength(5);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars('a', 'b', 'c', '*', '?', ':').ofMaxLength(7);
    }

    @Provide
    Arbitrary<String> literals() {
        return Arbitraries.strings().withChars('a', 'b', ':').ofMaxLength(4);
    }

    /** SCAN's glob (COMMANDS.md §3.2): '*' any run, '?' one character, everything else literal. */
    static boolean globMatches(String glob, String key) {
        return globMatches(glob, 0, key, 0);
    }

    private static boolean globMatches(String glob, int g, String key, int k) {
        if (g == glob.length()) {
            return k == key.length();
        }
        char c = glob.charAt(g);
        if (c == '*') {
            for (int split = k; split <= key.length(); split++) {
                if (globMatches(glob, g + 1, key, split)) {
                    return true;
                }
            }
            return false;
        }
        if (k == key.length()) {
            return false;
        }
        return (c == '?' || c == key.charAt(k)) && globMatches(glob, g + 1, key, k + 1);
    }
}

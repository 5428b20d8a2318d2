package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest
    @CsvSource({
            "*, '', true", "*, abc, true", "?, '', false", "?, é, true", "?, 😀, true", "??, 😀, false",
            "a*c, ac, true", "a*c, abbbc, true", "a*c, abcd, false", "a?c, abc, true", "a?c, ac, false",
            "abc, abc, true", "abc, abcd, false", "*.txt, notes.txt, true", "*.txt, notes.txt.bak, false",
            "a**b, ab, true", "[a], [a], true", "\\*, \\x, true", "*a*a*b, aaaaaaab, true", "*a*a*b, aaaaaaa, false",
    })
    void matches_per_unicode_scalar_with_star_and_question_mark_only(String pattern, String key, boolean expected) {
        assertEquals(expected, new Glob(pattern).matches(key));
    }

    @Test
    void literal_prefixes_and_prefix_star_patterns_are_recognised() {
        assertEquals("user:", new Glob("user:*").literalPrefix());
        assertEquals(true, new Glob("user:*").isPrefixThenStar());
        assertEquals(true, new Glob("*").isPrefixThenStar());
        assertEquals(false, new Glob("user:*:x").isPrefixThenStar());
        assertEquals(false, new Glob("user").isPrefixThenStar());
        assertEquals("a", new Glob("a?*").literalPrefix());
    }

    @Test
    void a_hostile_pattern_stays_polynomial() {
        String key = "a".repeat(5_000);
        String pattern = "*a".repeat(50) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(false, new Glob(pattern).matches(key)));
    }

    @Property(tries = 2000)
    void agrees_with_an_equivalent_regular_expression(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        StringBuilder regex = new StringBuilder();
        pattern.codePoints().forEach(cp -> regex.append(switch (cp) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(Character.toString(cp));
        }));
        boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
        assertEquals(expected, new Glob(pattern).matches(text));
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of("a", "b", "*", "?", "😀").list().ofMaxSize(6).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "b", "😀", "\n").list().ofMaxSize(6).map(list -> String.join("", list));
    }
}

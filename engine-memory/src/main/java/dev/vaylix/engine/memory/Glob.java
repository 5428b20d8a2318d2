package dev.vaylix.engine.memory;

/**
 * SCAN's MATCH patterns (COMMANDS.md §3.2): {@code *} matches any run of characters (also none),
 * {@code ?} exactly one, everything else itself; no escapes, no classes. Matching is per Unicode
 * scalar (code point), so {@code ?} matches one emoji, not half of its surrogate pair.
 *
 * <p>The matcher is the greedy two-pointer algorithm with one backtrack point (the last {@code *}),
 * O(pattern × key) in the worst case and O(pattern + key) typically, with no recursion: a hostile
 * pattern such as {@code *a*a*a*a*b} cannot make it exponential. Immutable and thread-safe.
 */
final class Glob {

    private static final int STAR = '*';
    private static final int ANY = '?';

    private final int[] pattern;
    private final String literalPrefix;
    private final boolean prefixThenStar;

    Glob(String pattern) {
        this.pattern = pattern.codePoints().toArray();
        int wildcard = 0;
        while (wildcard < pattern.length() && pattern.charAt(wildcard) != STAR && pattern.charAt(wildcard) != ANY) {
            wildcard++;
        }
        this.literalPrefix = pattern.substring(0, wildcard);
        this.prefixThenStar = wildcard == pattern.length() - 1 && pattern.charAt(wildcard) == STAR;
    }

    /** The characters before the first wildcard: every matching key starts with them. */
    String literalPrefix() {
        return literalPrefix;
    }

    /** True for {@code <literal>*}: a key matches iff it starts with the literal prefix. */
    boolean isPrefixThenStar() {
        return prefixThenStar;
    }

    boolean matches(String text) {
        int[] key = text.codePoints().toArray();
        int p = 0;
        int k = 0;
        int starAt = -1; // pattern position of the last '*' seen
        int starKey = 0; // key position that '*' currently extends to
        while (k < key.length) {
            if (p < pattern.length && (pattern[p] == ANY || (pattern[p] != STAR && pattern[p] == key[k]))) {
                p++;
                k++;
            } else if (p < pattern.length && pattern[p] == STAR) {
                starAt = p++;
                starKey = k;
            } else if (starAt >= 0) {
                p = starAt + 1;
                k = ++starKey;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == STAR) {
            p++;
        }
        return p == pattern.length;
    }
}

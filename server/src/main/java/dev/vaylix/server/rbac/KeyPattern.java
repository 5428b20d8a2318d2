package dev.vaylix.server.rbac;

/**
 * The two pattern relations of COMMANDS.md §6.1: a grant pattern matching a key, and a grant
 * pattern covering a SCAN {@code MATCH} glob.
 *
 * <p>Grant patterns and SCAN globs are different languages. A grant pattern knows one wildcard, its
 * <em>first</em> {@code *}: it splits the pattern into a prefix and a suffix (later {@code *}s and
 * every {@code ?} are literal characters of the suffix). A SCAN glob knows {@code *} (any run) and
 * {@code ?} (one character) everywhere.
 *
 * <p>Pure functions; thread-safe.
 */
public final class KeyPattern {

    private KeyPattern() {
    }

    /**
     * True if the grant {@code pattern} allows {@code key}: {@code *} allows everything; a pattern
     * without {@code *} must equal the key; otherwise the key must start with the text before the
     * first {@code *} and end with the text after it. The two parts may overlap, so {@code ab*ba}
     * matches {@code aba}, as in the reference.
     */
    public static boolean matches(String pattern, String key) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(key);
        }
        if (pattern.length() == 1) {
            return true;
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return key.startsWith(prefix) && key.endsWith(suffix);
    }

    /**
     * True if the grant {@code pattern} covers the SCAN glob {@code requested}: every key the glob can
     * match is a key the grant allows, so the SCAN reveals no key name the caller could not read.
     *
     * <p>The reference decides this textually (identical strings, or a grant ending in {@code *} whose
     * stem prefixes the glob). That is unsound for grant patterns containing {@code ?} or a second
     * {@code *}: the grant {@code a?*} covered the glob {@code a?x}, which matches {@code abx}, a key the
     * grant does not allow. This check is sound instead:
     * <ul>
     *   <li>grant {@code *} covers every glob;</li>
     *   <li>a glob without {@code *} or {@code ?} matches exactly one key, so it is covered iff the grant
     *       {@linkplain #matches matches} that key;</li>
     *   <li>otherwise every key the glob matches starts with the glob's literal head (the text before its
     *       first wildcard) and ends with its literal tail (the text after its last wildcard), and no
     *       longer prefix or suffix is guaranteed; the glob is covered iff the grant has a {@code *}, the
     *       head starts with the grant's prefix and the tail ends with the grant's suffix.</li>
     * </ul>
     * For the usual grant form {@code <prefix>*} (no {@code ?}, one {@code *}) this accepts everything the
     * reference accepts: {@code user:*} covers {@code user:*}, {@code user:a*}, {@code user:?} and
     * {@code user:x}; nothing but {@code *} covers {@code *}.
     */
    public static boolean covers(String pattern, String requested) {
        if (pattern.equals(Grant.ALL_KEYS)) {
            return true;
        }
        int firstWildcard = firstGlobWildcard(requested);
        if (firstWildcard < 0) {
            return matches(pattern, requested);
        }
        int star = pattern.indexOf('*');
        if (star < 0) {
            return false; // an exact grant allows one key; a glob with a wildcard matches many
        }
        String head = requested.substring(0, firstWildcard);
        String tail = requested.substring(lastGlobWildcard(requested) + 1);
        return head.startsWith(pattern.substring(0, star)) && tail.endsWith(pattern.substring(star + 1));
    }

    private static int firstGlobWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                return i;
            }
        }
        return -1;
    }

    private static int lastGlobWildcard(String glob) {
        for (int i = glob.length() - 1; i >= 0; i--) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                return i;
            }
        }
        return -1;
    }
}

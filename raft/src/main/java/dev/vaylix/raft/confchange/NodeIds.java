package dev.vaylix.raft.confchange;

/**
 * Node ids are stable, operator-chosen strings (RAFT-VARIANT.md "State"). They travel in every
 * message header, so they are bounded and printable.
 */
public final class NodeIds {

    /** Longest id in UTF-16 units; the codec also bounds the encoded form (see MessageCodec). */
    public static final int MAX_LENGTH = 64;

    private NodeIds() {
    }

    /**
     * Checks that {@code id} is a valid node id: 1..{@value #MAX_LENGTH} characters, none of them
     * whitespace, control characters or the separators {@code , ( ) = -> } used by scenario files.
     *
     * @return {@code id}
     * @throws IllegalArgumentException if it is not
     */
    public static String check(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("node id must have 1.." + MAX_LENGTH + " characters: " + id);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '(' || c == ')'
                    || c == '=' || c == '>') {
                throw new IllegalArgumentException("node id contains a forbidden character: " + id);
            }
        }
        return id;
    }

    /** True if {@link #check} would accept {@code id}. */
    public static boolean isValid(String id) {
        try {
            check(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

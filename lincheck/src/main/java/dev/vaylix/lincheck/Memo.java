package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurations a {@link KeySearch} has visited, so it never explores one twice (Lowe 2017), and
 * never explores one that a failed configuration dominates.
 *
 * <p>A configuration is (completed operations linearized, unknown-outcome operations linearized, model
 * state). Two rules prune:
 * <ol>
 *   <li><b>Repeat.</b> The same configuration again has the same futures.</li>
 *   <li><b>Dominated by a failure.</b> If (C, U, s) was fully explored without success, so was every
 *       (C, U', s) with U' a superset of U: the operations still to place from (C, U', s) are a subset
 *       of those from (C, U, s) (fewer optional ones, same completed ones, hence the same real-time
 *       constraints), so any way to finish from the former finishes the latter, by simply never
 *       applying the unknown operations in U' \ U. Without this rule every crashed operation still
 *       pending doubles the configurations behind each dead end.</li>
 * </ol>
 * A visit that is still on the search stack has not failed yet, so it never dominates.
 */
final class Memo {

    /** One visited configuration, identified by its key plus the unknown operations it applied. */
    static final class Visit {
        /** The set of unknown-outcome operations, trimmed of trailing zero words (canonical). */
        final long[] unknown;
        /** The visits with the same key, this one included. */
        final List<Visit> sameKey;
        boolean onStack = true;

        Visit(long[] unknown, List<Visit> sameKey) {
            this.unknown = unknown;
            this.sameKey = sameKey;
        }
    }

    /**
     * Completed operations linearized plus state. Operations are numbered in invocation order, so the
     * set looks like "everything below some point, plus a few": stored as the count of leading
     * all-ones words and the words after them up to the last non-zero one. That form is canonical
     * (equal sets give equal forms) and small, whatever the history length.
     */
    private static final class Key {
        final int leadingFullWords;
        final long[] tail;
        final Object state;
        final int hash;

        Key(PrefixBits bits, Object state) {
            int lead = bits.lead();
            this.leadingFullWords = lead;
            this.tail = Arrays.copyOfRange(bits.words(), lead, Math.max(lead, bits.end()));
            this.state = state;
            this.hash = 31 * (31 * lead + Arrays.hashCode(tail)) + state.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && k.hash == hash
                    && k.leadingFullWords == leadingFullWords
                    && Arrays.equals(k.tail, tail)
                    && k.state.equals(state);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Looked up, never iterated, so its order reaches nothing. */
    private final Map<Key, List<Visit>> visits = new HashMap<>();
    private long size;

    /**
     * Records a visit to (completed, unknown, state) unless a rule prunes it.
     *
     * @return the new visit, on the stack until {@link #leave}; or null if the configuration is a
     *         repeat or is dominated by a failed one
     */
    Visit enter(PrefixBits completed, PrefixBits unknownSet, Object state) {
        List<Visit> sameKey = visits.computeIfAbsent(new Key(completed, state), k -> new ArrayList<>(1));
        long[] unknown = unknownSet.words();
        int length = unknownSet.end();
        for (Visit v : sameKey) {
            // A repeat is dominated too: a visit equal to one on the stack cannot occur, since every
            // step down the stack adds an operation.
            if (!v.onStack && isSubset(v.unknown, unknown, length)) {
                return null;
            }
        }
        Visit v = new Visit(Arrays.copyOf(unknown, length), sameKey);
        sameKey.add(v);
        size++;
        return v;
    }

    /**
     * The search backtracked out of {@code v}: it and everything below it failed. Failed visits it
     * dominates are dropped, so failed visits under one key stay an antichain and lookups stay short.
     */
    void leave(Visit v) {
        v.onStack = false;
        v.sameKey.removeIf(w -> w != v && !w.onStack && isSubset(v.unknown, w.unknown, w.unknown.length));
    }

    /** Configurations visited (including failed ones later dropped as dominated). */
    long size() {
        return size;
    }

    /** Is {@code small} (trimmed) a subset of {@code large}, whose trimmed length is {@code largeLength}? */
    private static boolean isSubset(long[] small, long[] large, int largeLength) {
        if (small.length > largeLength) {
            return false;
        }
        for (int i = 0; i < small.length; i++) {
            if ((small[i] & ~large[i]) != 0) {
                return false;
            }
        }
        return true;
    }

}

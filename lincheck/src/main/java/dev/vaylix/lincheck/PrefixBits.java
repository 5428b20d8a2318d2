package dev.vaylix.lincheck;

/**
 * A bitset that knows, without scanning, its number of leading all-ones words and its length
 * trimmed of trailing zero words. The search copies the words between the two into every memo key;
 * linearized completed operations form a growing prefix plus a few, so that range is a handful of
 * words while the whole set, for a long history, is thousands. Maintenance is amortized O(1): the
 * bounds move one word per set or clear, except when a clear reopens an early word after a long
 * backtrack.
 */
final class PrefixBits {

    private final long[] words;
    private int lead;
    private int end;

    PrefixBits(int bits) {
        this.words = new long[(bits + 63) / 64];
    }

    void set(int i) {
        int w = i >>> 6;
        words[w] |= 1L << i;
        end = Math.max(end, w + 1);
        while (lead < words.length && words[lead] == -1L) {
            lead++;
        }
    }

    void clear(int i) {
        int w = i >>> 6;
        words[w] &= ~(1L << i);
        lead = Math.min(lead, w);
        while (end > 0 && words[end - 1] == 0L) {
            end--;
        }
    }

    /** The words; do not modify. */
    long[] words() {
        return words;
    }

    /** Number of leading words with every bit set. */
    int lead() {
        return lead;
    }

    /** Index after the last non-zero word (0 if empty). */
    int end() {
        return end;
    }
}

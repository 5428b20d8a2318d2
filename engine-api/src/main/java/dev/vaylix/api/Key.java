package dev.vaylix.api;

import java.util.Objects;

/**
 * A key: Unicode text, stored and transmitted as UTF-8.
 *
 * <p>Keys order by their UTF-8 bytes, which is the same as ordering by Unicode code point; that is
 * the order SCAN and LIST return and the order of keys in snapshots and backups. (Java's
 * {@link String#compareTo} orders by UTF-16 unit and disagrees for characters above U+FFFF, so it
 * is not used.) Length limits are a server quota ({@code --max-key-bytes}), not a property of keys.
 *
 * @param text the key; must have a UTF-8 form (no unpaired surrogates)
 */
public record Key(String text) implements Comparable<Key> {

    public Key {
        Objects.requireNonNull(text, "text");
        if (!Bytes.Utf8.isWellFormed(text)) {
            throw new IllegalArgumentException("key contains an unpaired surrogate and has no UTF-8 form");
        }
    }

    public static Key of(String text) {
        return new Key(text);
    }

    /**
     * Decodes a key from UTF-8.
     *
     * @throws VaylixException {@link ErrorCode#TRN_012} if {@code utf8} is not valid UTF-8
     */
    public static Key fromUtf8(Bytes utf8) {
        return new Key(utf8.utf8String());
    }

    public Bytes utf8() {
        return Bytes.utf8(text);
    }

    /** Length of the UTF-8 encoding, computed without encoding. */
    public int utf8Length() {
        return utf8Length(text);
    }

    /**
     * Length of the UTF-8 encoding of any text (user names, patterns, paths), computed without
     * encoding. Exact for well-formed text; text with a lone surrogate has no UTF-8 form and gets an
     * approximate count.
     */
    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++; // the low surrogate is part of this code point
            } else {
                length += 3;
            }
        }
        return length;
    }

    @Override
    public int compareTo(Key other) {
        return compareUtf8(text, other.text);
    }

    /**
     * Compares two texts in the order of their UTF-8 bytes (= Unicode code point order), the order
     * of keys and of every name that reaches a reply or the disk. {@link String#compareTo} orders by
     * UTF-16 unit and disagrees above U+FFFF.
     */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    @Override
    public String toString() {
        return text;
    }
}

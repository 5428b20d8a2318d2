package dev.vaylix.server.rbac;

import java.util.Comparator;

/**
 * Ordering and measuring of user names, role names and patterns.
 *
 * <p>STORAGE.md §13 sorts maps and role lists "byte-wise", i.e. by UTF-8 bytes, which equals
 * ordering by Unicode code point. {@link String#compareTo} orders by UTF-16 unit and disagrees above
 * U+FFFF, so it must not be used where the order reaches a reply, a snapshot or the log.
 */
public final class Names {

    /** UTF-8 byte order (code point order) of strings. */
    public static final Comparator<String> BYTE_ORDER = Names::compareByCodePoint;

    private Names() {
    }

    static int compareByCodePoint(String a, String b) {
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

    /**
     * Length of the UTF-8 encoding of {@code text}, computed without encoding. An unpaired surrogate
     * counts 3 bytes (the size of its replacement character), so the result is never an undercount.
     */
    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}

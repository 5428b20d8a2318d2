package dev.vaylix.server.rbac;

import dev.vaylix.api.Key;
import java.util.Comparator;

/**
 * Ordering and measuring of user names, role names and patterns.
 *
 * <p>STORAGE.md §13 sorts maps and role lists "byte-wise", i.e. by UTF-8 bytes, which equals
 * ordering by Unicode code point. {@link String#compareTo} orders by UTF-16 unit and disagrees above
 * U+FFFF, so it must not be used where the order reaches a reply, a snapshot or the log.
 */
public final class Names {

    /** UTF-8 byte order (code point order) of strings, the order of keys ({@link Key#compareUtf8}). */
    public static final Comparator<String> BYTE_ORDER = Key::compareUtf8;

    private Names() {
    }

    /** Length of the UTF-8 encoding of {@code text} ({@link Key#utf8Length(String)}). */
    public static int utf8Length(String text) {
        return Key.utf8Length(text);
    }
}

package dev.vaylix.engine.memory;

import dev.vaylix.api.Key;
import java.util.Comparator;

/**
 * Key order: Unicode code point order, which is UTF-8 byte order (the order of SCAN, LIST,
 * snapshots and backups). Equal to {@link Key#compareTo} but without its per-character
 * {@code codePointAt} calls: UTF-16 order already agrees with code point order except that the
 * surrogates D800–DFFF (which encode U+10000 and above) must sort after E000–FFFF, so only the
 * first differing character is remapped. The engine compares keys on every tree step, so this is
 * the hot loop of every operation.
 */
final class KeyOrder {

    static final Comparator<Key> KEYS = (a, b) -> compare(a.text(), b.text());

    private KeyOrder() {
    }

    static int compare(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Integer.compare(codePointRank(ca), codePointRank(cb));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Moves E000–FFFF below the surrogates, keeping every other order. */
    private static int codePointRank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}

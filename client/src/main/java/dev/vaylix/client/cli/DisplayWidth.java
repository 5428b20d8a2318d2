package dev.vaylix.client.cli;

import org.jline.utils.WCWidth;

/**
 * The number of terminal columns text occupies: East Asian wide and fullwidth characters take two, combining
 * marks and other zero-width characters none, control characters none (they do not advance the cursor).
 * Table columns are aligned with it (COMMANDS.md Note 11: the reference measured bytes and padded characters,
 * so any non-ASCII cell misaligned its row).
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    static int of(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            columns += Math.max(0, WCWidth.wcwidth(codePoint));
            i += Character.charCount(codePoint);
        }
        return columns;
    }

    /** {@code text} followed by spaces up to {@code columns} columns (nothing added if it is already as wide). */
    static void padRight(StringBuilder out, String text, int columns) {
        out.append(text);
        for (int pad = columns - of(text); pad > 0; pad--) {
            out.append(' ');
        }
    }
}

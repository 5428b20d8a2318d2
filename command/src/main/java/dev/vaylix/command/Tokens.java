package dev.vaylix.command;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import java.util.Arrays;

/**
 * The tokens of one command line, as positions into the line.
 *
 * <p>Why positions instead of a {@code List<String>}: the parser compares most tokens against
 * keywords and needs the text of only a few (keys, values, names). Keeping ranges means a keyword
 * match, a command-word lookup or an integer parse allocates nothing; text is materialised only for
 * arguments that end up in the command. A quoted token that contained escapes has no range in the
 * line, so its unescaped text is kept on the side.
 *
 * <p>Encoding of {@link #bounds}: token {@code i} occupies {@code bounds[2i]} (start) and
 * {@code bounds[2i+1]} (end, exclusive). A negative start {@code -(k + 1)} means "the unescaped text
 * is {@code escaped[k]}"; the end slot is then unused.
 *
 * <p>Not thread-safe; one instance per parse.
 */
final class Tokens {

    private static final int INITIAL_TOKENS = 8;

    private final String line;
    private int[] bounds = new int[2 * INITIAL_TOKENS];
    private String[] escaped; // allocated on the first escaped quoted string only
    private int escapedCount;
    private int size;

    Tokens(String line) {
        this.line = line;
    }

    // ------------------------------------------------------------------ building (lexer side)

    /** Adds the token {@code line[start, end)}. */
    void addRange(int start, int end) {
        ensureCapacity();
        bounds[2 * size] = start;
        bounds[2 * size + 1] = end;
        size++;
    }

    /** Adds a token whose text differs from the line (a quoted string that contained escapes). */
    void addText(String text) {
        ensureCapacity();
        if (escaped == null) {
            escaped = new String[INITIAL_TOKENS];
        } else if (escapedCount == escaped.length) {
            escaped = Arrays.copyOf(escaped, escapedCount * 2);
        }
        escaped[escapedCount] = text;
        bounds[2 * size] = -(escapedCount + 1);
        bounds[2 * size + 1] = 0;
        escapedCount++;
        size++;
    }

    private void ensureCapacity() {
        if (2 * size == bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
    }

    // ------------------------------------------------------------------ reading (parser side)

    int size() {
        return size;
    }

    /** The string that holds token {@code i}'s characters between {@link #from} and {@link #to}. */
    private String source(int i) {
        int start = bounds[2 * i];
        return start >= 0 ? line : escaped[-start - 1];
    }

    private int from(int i) {
        int start = bounds[2 * i];
        return start >= 0 ? start : 0;
    }

    private int to(int i) {
        int start = bounds[2 * i];
        return start >= 0 ? bounds[2 * i + 1] : escaped[-start - 1].length();
    }

    /** The exact text of token {@code i}, as the user typed it (quotes removed, escapes resolved). */
    String text(int i) {
        int start = bounds[2 * i];
        return start >= 0 ? line.substring(start, bounds[2 * i + 1]) : escaped[-start - 1];
    }

    Key key(int i) {
        return new Key(text(i));
    }

    /**
     * The UTF-8 bytes of token {@code i} (COMMANDS.md §2: values typed as text are the UTF-8 bytes of
     * the token). Encodes straight from the line, so the only allocation is the result. The line has no
     * unpaired surrogates ({@link CommandLexer} replaced them), so every char sequence is encodable.
     */
    Bytes utf8(int i) {
        String source = source(i);
        int from = from(i);
        int to = to(i);
        byte[] out = new byte[Utf8.length(source, from, to)];
        int o = 0;
        for (int p = from; p < to; p++) {
            char c = source.charAt(p);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | (c >> 6));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, source.charAt(++p));
                out[o++] = (byte) (0xF0 | (cp >> 18));
                out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[o++] = (byte) (0xE0 | (c >> 12));
                out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return Bytes.wrapUnsafe(out);
    }

    /**
     * True if token {@code i} is {@code keyword}, compared ASCII-case-insensitively (COMMANDS.md §2).
     * Only {@code A}–{@code Z} fold: {@link String#equalsIgnoreCase} would also accept, say, the Kelvin
     * sign for {@code k} or a long s for {@code s}, which the reference does not.
     *
     * @param keyword lower-case ASCII
     */
    boolean is(int i, String keyword) {
        String source = source(i);
        int from = from(i);
        int length = to(i) - from;
        if (length != keyword.length()) {
            return false;
        }
        for (int j = 0; j < length; j++) {
            if (Ascii.toLower(source.charAt(from + j)) != keyword.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The text of token {@code i} with only ASCII upper-case letters lowered (for error messages). */
    String asciiLower(int i) {
        return Ascii.toLower(text(i));
    }

    /** A hash of the ASCII-lower-cased text, equal to {@code asciiLower(i).hashCode()}, without allocating. */
    int asciiLowerHash(int i) {
        String source = source(i);
        int to = to(i);
        int hash = 0;
        for (int p = from(i); p < to; p++) {
            hash = 31 * hash + Ascii.toLower(source.charAt(p));
        }
        return hash;
    }

    /**
     * Parses token {@code i} as a Rust {@code u64}: an optional leading {@code +}, then one or more ASCII
     * digits, and the value must fit in 64 unsigned bits (COMMANDS.md §2).
     *
     * @return the value as an unsigned {@code long}
     * @throws dev.vaylix.api.VaylixException CMD-004 naming {@code field} and the token as typed
     */
    long u64(int i, String field) {
        return unsigned(i, field, -1L);
    }

    /** Like {@link #u64} for a Rust {@code u16} (0–65535). */
    int u16(int i, String field) {
        return (int) unsigned(i, field, 0xFFFF);
    }

    private long unsigned(int i, String field, long max) {
        String source = source(i);
        int p = from(i);
        int to = to(i);
        if (p < to && source.charAt(p) == '+') {
            p++;
        }
        if (p == to) {
            throw SyntaxErrors.invalidInteger(field, text(i));
        }
        long limitDiv10 = Long.divideUnsigned(max, 10);
        long limitLastDigit = Long.remainderUnsigned(max, 10);
        long value = 0;
        for (; p < to; p++) {
            char c = source.charAt(p);
            if (c < '0' || c > '9') {
                throw SyntaxErrors.invalidInteger(field, text(i));
            }
            int digit = c - '0';
            int order = Long.compareUnsigned(value, limitDiv10);
            if (order > 0 || (order == 0 && digit > limitLastDigit)) {
                throw SyntaxErrors.invalidInteger(field, text(i));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** ASCII-only case folding: the reference lower-cases with Rust's {@code to_ascii_lowercase}. */
    static final class Ascii {
        private Ascii() {
        }

        static char toLower(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }

        static String toLower(String text) {
            char[] chars = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[i] = toLower(c);
                }
            }
            return chars == null ? text : new String(chars);
        }

        static boolean equalsIgnoreCase(String a, String lowerB) {
            if (a.length() != lowerB.length()) {
                return false;
            }
            for (int i = 0; i < a.length(); i++) {
                if (toLower(a.charAt(i)) != lowerB.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** UTF-8 lengths of well-formed UTF-16 (no unpaired surrogates). */
    static final class Utf8 {
        private Utf8() {
        }

        static int length(String text, int from, int to) {
            int length = 0;
            for (int p = from; p < to; p++) {
                char c = text.charAt(p);
                if (c < 0x80) {
                    length += 1;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isHighSurrogate(c)) {
                    length += 4;
                    p++; // the low surrogate belongs to the same code point
                } else {
                    length += 3;
                }
            }
            return length;
        }
    }
}

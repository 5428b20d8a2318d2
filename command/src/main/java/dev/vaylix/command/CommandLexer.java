package dev.vaylix.command;

/**
 * Splits one line into tokens (COMMANDS.md §1).
 *
 * <ul>
 *   <li>Separators are space, TAB, LF and CR only; any other character, including other Unicode
 *       white space, belongs to a word.
 *   <li>A word is a maximal run of characters that are neither separators nor {@code "}; backslashes
 *       in words are literal. A {@code "} ends a word, so {@code ab"cd"} is two tokens.
 *   <li>A quoted string runs from {@code "} to the next unescaped {@code "}. A backslash takes the
 *       next character literally, except {@code \n} (LF) and {@code \t} (TAB); separators inside are
 *       kept. {@code ""} is an empty token. A missing closing quote is CMD-008 with the UTF-8 byte
 *       offset of the opening quote.
 * </ul>
 *
 * <p>The line is Unicode text. A Java string can hold an unpaired surrogate, which is not text and
 * has no UTF-8 form; such characters are replaced by U+FFFD (as every UTF-8 decoder does for malformed
 * input) before lexing, so keys and values always have a UTF-8 encoding. Text read through a decoder
 * never contains one. (docs/COMPATIBILITY.md, "Command language".)
 *
 * <p>Stateless and thread-safe.
 */
final class CommandLexer {

    private static final char QUOTE = '"';
    private static final char BACKSLASH = '\\';
    private static final char REPLACEMENT = '\uFFFD';

    private CommandLexer() {
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Tokenises {@code line}.
     *
     * @throws dev.vaylix.api.VaylixException CMD-008 for a quoted string without its closing quote
     */
    static Tokens tokenize(String line) {
        String text = withoutUnpairedSurrogates(line);
        Tokens tokens = new Tokens(text);
        int length = text.length();
        int i = 0;
        while (i < length) { // every iteration consumes at least one character
            char c = text.charAt(i);
            if (isSeparator(c)) {
                i++;
            } else if (c == QUOTE) {
                i = quoted(text, i, tokens);
            } else {
                int start = i;
                while (i < length && (c = text.charAt(i)) != QUOTE && !isSeparator(c)) {
                    i++;
                }
                tokens.addRange(start, i);
            }
        }
        return tokens;
    }

    /** Reads the quoted string opening at {@code quote}, adds it, and returns the index after its closing quote. */
    private static int quoted(String text, int quote, Tokens tokens) {
        int length = text.length();
        StringBuilder unescaped = null; // only strings with escapes differ from their range of the line
        int runStart = quote + 1;
        int i = quote + 1;
        while (i < length) {
            char c = text.charAt(i);
            if (c == QUOTE) {
                if (unescaped == null) {
                    tokens.addRange(quote + 1, i);
                } else {
                    tokens.addText(unescaped.append(text, runStart, i).toString());
                }
                return i + 1;
            }
            if (c == BACKSLASH) {
                if (i + 1 == length) {
                    break; // the backslash escapes nothing; the string is unterminated
                }
                if (unescaped == null) {
                    unescaped = new StringBuilder(length - quote);
                }
                unescaped.append(text, runStart, i);
                char escapedChar = text.charAt(i + 1);
                unescaped.append(switch (escapedChar) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    // Any other character stands for itself. For a surrogate pair this appends the high
                    // half here and the low half with the next run, which is the same code point.
                    default -> escapedChar;
                });
                i += 2;
                runStart = i;
            } else {
                i++;
            }
        }
        throw SyntaxErrors.unterminatedQuote(Tokens.Utf8.length(text, 0, quote));
    }

    /** {@code line} with every unpaired surrogate replaced by U+FFFD; the same instance if there is none. */
    static String withoutUnpairedSurrogates(String line) {
        int length = line.length();
        int first = -1;
        for (int i = 0; i < length; i++) {
            if (Character.isSurrogate(line.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return line; // the common case: one cheap pass, no allocation
        }
        StringBuilder out = null;
        for (int i = first; i < length; i++) {
            char c = line.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(line.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(line.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(length).append(line, 0, i);
                }
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? line : out.toString();
    }
}

package dev.vaylix.command;

import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import java.util.Objects;

/**
 * The text command language (COMMANDS.md §1–3): one line in, one typed {@link Command} out.
 *
 * <p>Command words and keywords match ASCII-case-insensitively; arguments (keys, values, names,
 * paths, patterns, passwords) keep their exact text. Quoted and unquoted tokens are the same to the
 * parser. Values are the UTF-8 bytes of their token. Every failure is a {@link VaylixException} with
 * a CMD code and the exact message of COMMANDS.md §12.1.
 *
 * <p>Thread-safe and stateless. A parse allocates the token positions, the argument strings and the
 * command, and nothing per keyword or option (see {@link Tokens}).
 */
public final class CommandParser {

    private CommandParser() {
    }

    /**
     * Parses one command line.
     *
     * @param line the line as the user typed it; the REPL trims it first ({@link #trimLine}), the parser
     *             itself only skips separators. Unpaired surrogates are read as U+FFFD.
     * @return the command; never null
     * @throws VaylixException CMD-001 (no tokens), CMD-002 (unknown command word), CMD-003 (token count
     *                         or missing keyword), CMD-004 (integer), CMD-005 (option), CMD-006
     *                         (conflicting options), CMD-008 (unterminated quote). Nothing else, for
     *                         any input.
     */
    public static Command parse(String line) {
        Objects.requireNonNull(line, "line");
        Tokens tokens = CommandLexer.tokenize(line);
        if (tokens.size() == 0) {
            throw SyntaxErrors.empty();
        }
        CommandRoot root = CommandRoot.lookup(tokens);
        if (root == null) {
            throw SyntaxErrors.unknownCommand(tokens.asciiLower(0));
        }
        return root.parse(tokens);
    }

    /**
     * True if {@code word} (ASCII-case-insensitive) is a command word, such as {@code get} or
     * {@code show}. The REPL refuses lines whose first word is not one (COMMANDS.md §11.3).
     */
    public static boolean isCommandWord(String word) {
        return CommandRoot.forWord(word).isPresent();
    }

    /**
     * Trims a line the way the REPL does before parsing (COMMANDS.md §1): leading and trailing
     * characters with the Unicode White_Space property, like Rust's {@code str::trim}. (Java's
     * {@link String#strip} differs: it keeps no-break spaces and drops some control characters.)
     * The lexer's separators are only space, TAB, LF and CR, so a no-break space inside a line is
     * part of a word, but at either end it is trimmed.
     */
    public static String trimLine(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isWhiteSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    /** The Unicode White_Space property (all such characters are in the BMP). */
    static boolean isWhiteSpace(char c) {
        return Character.isSpaceChar(c) // Zs, Zl, Zp: space, no-break spaces, U+2000..U+200A, U+2028, U+2029, ...
                || (c >= '\t' && c <= '\r') // TAB, LF, VT, FF, CR
                || c == '\u0085'; // NEL
    }
}

package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** COMMANDS.md §1, token by token. */
class CommandLexerTest {

    static List<String> lex(String line) {
        Tokens tokens = CommandLexer.tokenize(line);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            texts.add(tokens.text(i));
        }
        return texts;
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                // separators: space, TAB, LF, CR only
                Arguments.of("", List.of()),
                Arguments.of(" \t\r\n ", List.of()),
                Arguments.of("get key", List.of("get", "key")),
                Arguments.of("  get \t key\r\n", List.of("get", "key")),
                Arguments.of("a\tb\nc\rd", List.of("a", "b", "c", "d")),
                // other Unicode white space is part of a word
                Arguments.of("a\u00A0b", List.of("a\u00A0b")),
                Arguments.of("a\u2003b\u000Bc\u000Cd\u0085e\u2028f", List.of("a\u2003b\u000Bc\u000Cd\u0085e\u2028f")),
                // backslashes in words are literal
                Arguments.of("a\\b c\\\"\"", List.of("a\\b", "c\\", "")),
                Arguments.of("\\n", List.of("\\n")),
                // a quote ends a word and starts a quoted string
                Arguments.of("ab\"cd\"", List.of("ab", "cd")),
                Arguments.of("ab\"cd\"ef", List.of("ab", "cd", "ef")),
                Arguments.of("\"a\"\"b\"", List.of("a", "b")),
                // quoted strings keep separators; empty quotes are an empty token
                Arguments.of("\"\"", List.of("")),
                Arguments.of("\"\" \"\"", List.of("", "")),
                Arguments.of("set \"my key\" \"a\tb\r\nc\"", List.of("set", "my key", "a\tb\r\nc")),
                // escapes: \" \\ \n \t, and \X is X for any other X (so \r is r)
                Arguments.of("\"say \\\"hi\\\"\"", List.of("say \"hi\"")),
                Arguments.of("\"back\\\\slash\"", List.of("back\\slash")),
                Arguments.of("\"a\\nb\\tc\"", List.of("a\nb\tc")),
                Arguments.of("\"\\r\\a\\0\\ \\x\"", List.of("ra0 x")),
                Arguments.of("\"\\é\\😀\"", List.of("é😀")),
                Arguments.of("\"\\\\\"", List.of("\\")),
                Arguments.of("\"\\\"\"", List.of("\"")),
                // a JSON dump as one quoted token
                Arguments.of("restore \"{\\\"version\\\":2,\\\"entries\\\":[]}\"",
                        List.of("restore", "{\"version\":2,\"entries\":[]}")),
                // non-ASCII text
                Arguments.of("get 日本 😀", List.of("get", "日本", "😀")),
                // an unpaired surrogate is read as U+FFFD
                Arguments.of("get a\uD800b \uDC00", List.of("get", "a\uFFFDb", "\uFFFD")),
                Arguments.of("\"\\\uD800\"", List.of("\uFFFD")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void splits_lines_into_tokens(String line, List<String> expected) {
        assertEquals(expected, lex(line));
    }

    static Stream<Arguments> unterminated() {
        return Stream.of(
                Arguments.of("\"", 0),
                Arguments.of("get \"abc", 4),
                Arguments.of("get \"abc\\\"", 4), // the last quote is escaped
                Arguments.of("get \"abc\\", 4), // a final backslash escapes nothing
                Arguments.of("\"a\" \"b\" \"c", 8),
                Arguments.of("ab\"cd", 2),
                // offsets count UTF-8 bytes, not chars
                Arguments.of("é \"x", 3),
                Arguments.of("日本 \"x", 7),
                Arguments.of("😀 \"x", 5),
                Arguments.of("set \"ü\" \"日本\" \"😀", 18),
                Arguments.of("\uD800 \"x", 4)); // U+FFFD is 3 bytes
    }

    @ParameterizedTest(name = "[{index}] {0} -> byte {1}")
    @MethodSource("unterminated")
    void reports_an_unterminated_quote_at_its_utf8_byte_offset(String line, int byteOffset) {
        VaylixException e = assertThrows(VaylixException.class, () -> CommandLexer.tokenize(line));
        assertEquals(ErrorCode.CMD_008, e.code());
        assertEquals("unterminated quoted string starting at byte " + byteOffset, e.getMessage());
    }

    @Test
    void leaves_text_without_unpaired_surrogates_untouched() {
        String text = "plain 😀 text";
        assertSame(text, CommandLexer.withoutUnpairedSurrogates(text));
        assertEquals("\uFFFD\uFFFD😀\uFFFD", CommandLexer.withoutUnpairedSurrogates("\uDC00\uD800😀\uD83D"));
    }
}
